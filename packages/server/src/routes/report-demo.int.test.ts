import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Report } from '@plantrack/api';
import { type DatabaseHandle, openDatabase } from '@plantrack/db';
import { closeReportPdfPrinter } from '@plantrack/formats';
import { docxToPdf, pageWords, poppler } from '../../../formats/src/testing/office-convert.js';
import {
  pageNumberWord,
  printedTable1,
  sectionHeadersWith,
  typedLines,
} from '../../../formats/src/testing/report-pdf-check.js';
import { type PlanTrackApp, buildApp } from '../app.js';
import { createDemoDatabase } from '../demo-database.js';
import { type Session, as, signIn } from '../testing/harness.js';

// The demo database's figures are simulated (演示数据（模拟值）): every report made from it must say so.

/**
 * The three demo reports of the done-means: annual 2026 and 2027, mid-term as of 2028-06-30. The
 * annual reports are made at the end of April, once the year's figures (due 31 March) are approved.
 */
const REPORTS = [
  { name: 'annual-2026', kind: 'annual', year: 2026, asOf: '2027-04-30', assessedAsOf: '2026-12-31' },
  { name: 'annual-2027', kind: 'annual', year: 2027, asOf: '2028-04-30', assessedAsOf: '2027-12-31' },
  { name: 'midterm-2028', kind: 'midterm', year: 2027, asOf: '2028-06-30', assessedAsOf: '2027-12-31' },
] as const;

const A4 = /^(595x842|842x595)$/;

let root: string;
let handle: DatabaseHandle;
let app: PlanTrackApp;
let office: Session;
let planId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plantrack-demo-reports-'));
  const demo = await createDemoDatabase({ dataDir: join(root, 'demo'), through: '2028-06-30', reset: false });
  planId = demo.planId;
  handle = openDatabase({ dataDir: join(root, 'demo') });
  app = await buildApp({ db: handle.db, dialect: 'sqlite', config: { logLevel: 'silent' } });
  const cred = demo.credentials.find((c) => c.role === 'planning_office');
  if (cred === undefined) throw new Error('the demo has no planning office user');
  office = await signIn(app, cred.email, cred.password);
}, 300_000);

afterAll(async () => {
  await closeReportPdfPrinter();
  await app?.close();
  await handle?.close();
  rmSync(root, { recursive: true, force: true });
});

async function download(id: string, format: 'docx' | 'pdf' | 'html'): Promise<Buffer> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/reports/${id}/file?format=${format}`,
    headers: as(office),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

/** Page sizes (points, rounded) of every page of a PDF. */
async function pageSizes(pdf: string, pages: number): Promise<string[]> {
  const info = await poppler('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
    (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
  );
}

/** The 演示数据 watermark, drawn turned, reads back one character at a time. */
function hasWatermark(words: readonly { text: string }[]): boolean {
  const chars = words.map((w) => w.text).join('');
  return [...'演示数据'].every((c) => chars.includes(c));
}

/** A printed figure agrees with the API's value to the decimals it is printed with. */
function agrees(printed: string | undefined, value: number): boolean {
  const m = /^-?\d+(\.(\d+))?/.exec(printed ?? '');
  if (m === null) return false;
  const decimals = m[2]?.length ?? 0;
  return Math.abs(Number(m[0]) - value) <= 0.5 * 10 ** -decimals + 1e-9;
}

describe.each(REPORTS)('the demo $name report through the API', (r) => {
  let dir: string;
  let report: Report;
  let dashboard: Dashboard;

  beforeAll(async () => {
    dir = mkdtempSync(join(root, `${r.name}-`));
    const created = await app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/reports`,
      headers: as(office),
      payload: { kind: r.kind, year: r.year, asOf: r.asOf },
    });
    expect(created.statusCode, created.body).toBe(201);
    report = created.json<Report>();
    const dash = await app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/dashboard?asOf=${r.assessedAsOf}`,
      headers: as(office),
    });
    expect(dash.statusCode, dash.body.slice(0, 300)).toBe(200);
    dashboard = dash.json<Dashboard>();
  }, 60_000);

  it('is stored as demo data, and its HTML carries the 演示数据 watermark', async () => {
    expect(report).toMatchObject({ kind: r.kind, year: r.year, asOf: r.asOf, demo: true });
    const html = (await download(report.id, 'html')).toString('utf8');
    expect(html).toContain('class="watermark"');
    expect(html).toContain('演示数据');
  });

  it('as .docx converted by LibreOffice: A4, the declared fonts, a number on every page, the watermark in every section, 表1 with the API’s values', async () => {
    const docx = await download(report.id, 'docx');
    writeFileSync(join(dir, 'report.docx'), docx);
    // Every section (portrait and landscape) has the watermark in both its headers: on every page.
    const marked = sectionHeadersWith(docx, '演示数据');
    expect(marked.length).toBeGreaterThan(1);
    expect(marked.every(Boolean), String(marked)).toBe(true);
    const pdf = await docxToPdf(dir, 'report.docx');
    const pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThan(3);
    const sizes = await pageSizes(pdf, pages);
    expect(sizes).toHaveLength(pages);
    for (const s of sizes) expect(s).toMatch(A4);
    expect(sizes[0]).toBe('595x842');

    const fonts = await poppler('pdffonts', [pdf]);
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/);
    const lines = await typedLines(pdf);
    expect(lines.find((l) => l.page === 1 && l.size >= 21)?.face).toMatch(/Serif/);

    const bbox = await poppler('pdftotext', ['-bbox', pdf, '-']);
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      expect(pageNumberWord(words, p), `page ${p} has its number`).toBeDefined();
    }

    // 表1: one row per indicator, in the plan's order, each 当年值 the value the dashboard gives.
    const printed = printedTable1(bbox, pages);
    expect(printed.headerMissing).toEqual([]);
    expect(printed.rows.map((row) => row.seq)).toEqual(dashboard.cards.map((c) => c.seq));
    for (const row of printed.rows) {
      const card = dashboard.cards.find((c) => c.seq === row.seq);
      if (card?.latest == null) expect(row.value, `表1 row ${row.seq}`).toBe('—');
      else
        expect(
          agrees(row.value, card.latest.value),
          `表1 row ${row.seq}: ${row.value} vs ${card.latest.value}`,
        ).toBe(true);
    }
  }, 240_000);

  it('as PDF: A4, every font embedded, a number and the watermark on every page', async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await download(report.id, 'pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThan(3);
    for (const s of await pageSizes(pdf, pages)) expect(s).toMatch(A4);
    const fonts = (await poppler('pdffonts', [pdf]))
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    // pdffonts columns: name type encoding emb sub uni object ID — "emb" must be yes for each.
    for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const bbox = await poppler('pdftotext', ['-bbox', pdf, '-']);
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      expect(pageNumberWord(words, p), `page ${p} has its number`).toBeDefined();
      expect(hasWatermark(words), `page ${p} has the watermark`).toBe(true);
    }
  }, 120_000);
});
