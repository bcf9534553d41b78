import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readProjectSheet, writeProjectSheet } from '@plantrack/formats';
import { startServer } from '@plantrack/server';
import type { CommandIo } from './ingest.command.js';
import { runProjectsExport, runProjectsImport } from './projects.command.js';

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

/** A synthetic project sheet (the export layout). */
function sheet(rows: { name: string; code: string | null }[]): Buffer {
  const bytes = writeProjectSheet(
    rows.map((r, i) => ({
      seq: String(i + 1),
      code: r.code,
      name: r.name,
      category: '基础设施',
      nature: '新开工',
      content: '道路及管网',
      totalWan: 8000 + i,
      annualPlanWan: 3000,
      years: { startYear: 2026, endYear: 2027 },
      leadUnit: '区交通运输局',
      place: '湖塘镇',
      owner: '区城投公司',
    })),
    { title: '2026年重大项目' },
  );
  return Buffer.from(bytes);
}

describe('plantrack projects import / export (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantrack-cli-projects-'));
  const file = join(dataDir, 'projects.xlsx');
  beforeAll(async () => {
    // A first start imports the sample plan into the empty store, as `plantrack serve` does.
    const server = await startServer({
      port: 0,
      dataDir,
      print: () => undefined,
      config: { reminderIntervalMs: 0 },
    });
    await server.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('refuses a sheet with a bad cell, imports a good one, asks before a name-only match, and exports it back', async () => {
    writeFileSync(
      file,
      sheet([
        { name: '快速路东延', code: '2026-320412-48-01-00000ａ' },
        { name: '雨污分流', code: null },
      ]),
    );
    const bad = captureIo();
    expect(await runProjectsImport(file, { dataDir, year: '2026' }, bad, {})).toBe(1);
    expect(bad.out).toMatch(/✗ B3: .*项目代码第24位“ａ”不是有效字符/);
    expect(bad.out).toContain('有错误，未导入任何行');

    writeFileSync(
      file,
      sheet([
        { name: '快速路东延', code: '2026-320412-48-01-000001' },
        { name: '雨污分流', code: null },
      ]),
    );
    const good = captureIo();
    expect(await runProjectsImport(file, { dataDir, year: '2026' }, good, {})).toBe(0);
    expect(good.out).toContain('新增 / created 2, 更新 / updated 0');

    const again = captureIo();
    expect(await runProjectsImport(file, { dataDir, year: '2026' }, again, {})).toBe(1);
    const row = /第 (\d+) 行 \/ row \d+: “雨污分流”/.exec(again.out)?.[1];
    expect(row).toBeDefined();
    const confirmed = captureIo();
    expect(
      await runProjectsImport(file, { dataDir, year: '2026', confirm: `${row}:update` }, confirmed, {}),
    ).toBe(0);
    expect(confirmed.out).toContain('新增 / created 0, 更新 / updated 2');

    const out = join(dataDir, 'export.xlsx');
    const exported = captureIo();
    expect(await runProjectsExport({ out, dataDir, year: '2026' }, exported, {})).toBe(0);
    const read = readProjectSheet(readFileSync(out));
    expect(read.errors).toEqual([]);
    expect(read.importable.map((r) => [r.name, r.annualPlanWan])).toEqual([
      ['快速路东延', 3000],
      ['雨污分流', 3000],
    ]);
  });

  test('exits 1 with a bilingual message for a missing file or an unknown plan', async () => {
    const missing = captureIo();
    expect(await runProjectsImport(join(dataDir, 'none.xlsx'), { dataDir }, missing, {})).toBe(1);
    expect(missing.err).toContain('文件不存在 / no such file');
    const plan = captureIo();
    expect(await runProjectsExport({ out: join(dataDir, 'x.xlsx'), dataDir, plan: 'nope' }, plan, {})).toBe(
      1,
    );
    expect(plan.err).toContain('没有这个规划：nope / No such plan: nope');
  });
});
