import { buildReportDocument } from '@plantrack/core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { syntheticReportInput } from '../testing/report-sample.js';
import { renderReportDocx } from './report-docx.renderer.js';

// scripts/render-report-pages.mjs, on a SYNTHETIC report (see testing/report-sample.ts).

const SCRIPT = fileURLToPath(new URL('../../../../scripts/render-report-pages.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'plantrack-pages-test-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 180_000 });
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

it('renders the first pages of a .docx, printed by LibreOffice, as 60 dpi pictures', () => {
  const doc = buildReportDocument(syntheticReportInput('annual', 2026, '2026-12-31', true));
  return renderReportDocx(doc, { charts: false }).then((docx) => {
    writeFileSync(join(dir, 'annual.docx'), docx);
    const out = join(dir, 'shots');
    const r = run(join(dir, 'annual.docx'), '--out', out, '--pages', '2', '--name', 'report-annual');
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.trim().split('\n');
    expect(files).toEqual([join(out, 'report-annual-p1.png'), join(out, 'report-annual-p2.png')]);
    // A4 portrait at 60 dpi is about 496 × 702 pixels; page 2 opens 表1's landscape pages.
    const [w1, h1] = pngSize(files[0] as string);
    expect(Math.abs(w1 - 496) + Math.abs(h1 - 702)).toBeLessThanOrEqual(2);
    const [w2, h2] = pngSize(files[1] as string);
    expect(Math.abs(w2 - 702) + Math.abs(h2 - 496)).toBeLessThanOrEqual(2);
  });
}, 180_000);

it('refuses what is not a .docx or .pdf, with its usage', () => {
  writeFileSync(join(dir, 'notes.txt'), 'x');
  const r = run(join(dir, 'notes.txt'));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('usage:');
});
