import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWordExportDocx } from '@plantrack/formats';
import { describe, expect, test } from 'vitest';
import { runIngest, type CommandIo } from './ingest.command.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/wujin-15th-outline.txt', import.meta.url));

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

describe('plantrack ingest', () => {
  test('prints a Chinese summary by default and exits 0', async () => {
    const io = captureIo();
    expect(await runIngest([SAMPLE], { lang: 'zh' }, io)).toBe(0);
    expect(io.out).toContain('结构：8 篇、31 章、62 节');
    expect(io.out).toContain('指标：27 项（2 类，约束性 8 项）');
    expect(io.out).toContain('牵头条款：21 条（23 个牵头单位）');
  });

  test('prints English on request', async () => {
    const io = captureIo();
    expect(await runIngest([SAMPLE], { lang: 'en' }, io)).toBe(0);
    expect(io.out).toContain('Structure: 8 parts, 31 chapters, 62 sections');
  });

  test('--json prints the plan model', async () => {
    const io = captureIo();
    expect(await runIngest([SAMPLE], { json: true, lang: 'zh' }, io)).toBe(0);
    const model = JSON.parse(io.out) as { indicators: unknown[]; modelVersion: string };
    expect(model.indicators).toHaveLength(27);
    expect(model.modelVersion).toBe('1.1.0');
  });

  test('several files with --out: progress, one JSON each, exit 1 when one cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plantrack-cli-'));
    const docx = join(dir, 'wujin.docx');
    await writeFile(docx, await writeWordExportDocx(await readFile(SAMPLE, 'utf8')));
    const broken = join(dir, 'broken.docx');
    await writeFile(broken, 'PK\u0003\u0004 this is not really a zip');
    const out = join(dir, 'out');
    const io = captureIo();
    expect(await runIngest([SAMPLE, docx, broken], { out, lang: 'zh' }, io)).toBe(1);
    expect(io.err).toContain('[1/3]');
    expect(io.err).toContain('[3/3]');
    expect(io.err).toMatch(/broken\.docx: .+/);
    expect((await readdir(out)).sort()).toEqual(['wujin-15th-outline.plan.json', 'wujin.plan.json']);
  });

  test('a missing file is named with the reason, exit 1', async () => {
    const io = captureIo();
    expect(await runIngest(['/no/such/plan.docx'], { lang: 'zh' }, io)).toBe(1);
    expect(io.err).toBe('/no/such/plan.docx: 文件不存在。(No such file.)\n');
  });

  test('bad usage exits 2 with a bilingual message', async () => {
    const io = captureIo();
    expect(await runIngest([SAMPLE], { json: true, summary: true, lang: 'zh' }, io)).toBe(2);
    expect(io.err).toContain('choose either --json or --summary');
    expect(await runIngest([SAMPLE], { lang: 'fr' }, io)).toBe(2);
  });
});
