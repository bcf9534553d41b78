import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '@plantrack/server';
import type { CommandIo } from './ingest.command.js';
import { runReport } from './report.command.js';

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

describe('plantrack report (embedded database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantrack-cli-report-'));
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

  test('writes the annual report as a .docx Word opens and as HTML, each stored with its snapshot', async () => {
    const docx = join(dataDir, 'annual.docx');
    const io = captureIo();
    const options = { year: '2026', asOf: '2026-12-01', format: 'docx', out: docx, dataDir };
    expect(await runReport('annual', options, io, {}), io.err).toBe(0);
    const title = /^(.+?)（截至 2026-12-01）/.exec(io.out)?.[1];
    expect(title).toMatch(/2026年.*监测报告$/);
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8');
    expect(xml).toContain(title);
    expect(xml).toContain('主要指标监测情况');

    const html = join(dataDir, 'annual.html');
    const second = captureIo();
    expect(await runReport('annual', { ...options, format: 'html', out: html }, second, {})).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain(`${title ?? ''}</`);
    // Two reports, each with its own id and the same frozen data (nothing changed in between).
    const ids = [io.out, second.out].map((o) => /report id: (\S+)/.exec(o)?.[1]);
    expect(new Set(ids).size).toBe(2);
    const hashes = [io.out, second.out].map((o) => /sha256: ([0-9a-f]{64})/.exec(o)?.[1]);
    expect(hashes[0]).toBeDefined();
    expect(hashes[0]).toBe(hashes[1]);
  });

  test('prints the briefing to PDF with Chromium', async () => {
    const pdf = join(dataDir, 'briefing.pdf');
    const io = captureIo();
    const options = { year: '2026', asOf: '2026-12-01', format: 'pdf', out: pdf, dataDir };
    expect(await runReport('briefing', options, io, {}), io.err).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('refuses bad usage (exit 2) and says why a report cannot be made (exit 1)', async () => {
    const out = join(dataDir, 'x.docx');
    const kind = captureIo();
    expect(await runReport('weekly', { year: '2026', format: 'docx', out, dataDir }, kind, {})).toBe(2);
    expect(kind.err).toContain('annual|midterm|final|briefing');
    const format = captureIo();
    expect(await runReport('annual', { year: '2026', format: 'odt', out, dataDir }, format, {})).toBe(2);
    const plan = captureIo();
    expect(
      await runReport('annual', { year: '2026', format: 'docx', out, dataDir, plan: 'nope' }, plan, {}),
    ).toBe(1);
    expect(plan.err).toContain('没有这个规划：nope / No such plan: nope');
    const date = captureIo();
    const bad = { year: '2026', asOf: '2026-02-30', format: 'html', out, dataDir };
    expect(await runReport('annual', bad, date, {})).toBe(1);
    expect(date.err).toContain('截止日期无效');
  });
});
