import {
  buildReportDocument,
  type ReportDocument,
  type ReportInput,
  type ReportTable,
} from '@plantrack/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWords, poppler } from '../testing/office-convert.js';
import {
  pageNumberWord,
  pageSize,
  printedTable1,
  tablesOf,
  typedLines,
} from '../testing/report-pdf-check.js';
import { syntheticReportInput } from '../testing/report-sample.js';
import { closeReportPdfPrinter } from './report-pdf.browser.js';
import { isReportPrintError } from './report-pdf.error.js';
import { printReportPdf } from './report-pdf.printer.js';
import { renderReportHtml } from './report-html.renderer.js';

// The sample plan with SYNTHETIC observations (see testing/report-sample.ts): not real figures.

const MM = 72 / 25.4;

let dir: string;
let input: ReportInput;
let doc: ReportDocument;
let pdf: string;
let pages: number;
let bbox: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plantrack-report-pdf-'));
  input = syntheticReportInput('annual', 2026, '2026-12-31', true);
  doc = buildReportDocument(input);
  pdf = join(dir, 'annual.pdf');
  writeFileSync(pdf, await printReportPdf(renderReportHtml(doc)));
  pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [pdf]))?.[1]);
  bbox = await poppler('pdftotext', ['-bbox', pdf, '-']);
}, 120_000);

afterAll(async () => {
  await closeReportPdfPrinter();
  rmSync(dir, { recursive: true, force: true });
});

describe('the annual report printed to PDF by Chromium', () => {
  it('has A4 pages, portrait with landscape pages for 表1, and the title as its first text', async () => {
    expect(pages).toBeGreaterThan(5);
    const info = await poppler('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    expect(sizes).toHaveLength(pages);
    for (const s of sizes) expect(['595x842', '842x595']).toContain(s);
    expect(sizes[0]).toBe('595x842');
    expect(sizes).toContain('842x595');
    const page1 = await poppler('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
    expect(page1.replace(/\s+/g, '').startsWith(doc.title)).toBe(true);
    expect(page1).toMatch(/—\s*1\s*—/);
  });

  it('embeds every font as a named TrueType subset with a Unicode map, so the text can be searched and copied', async () => {
    const fonts = (await poppler('pdffonts', [pdf]))
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    // Name, type, encoding, emb, sub, uni: no unnamed Type 3 glyphs (what Chromium makes of CFF faces).
    for (const line of fonts)
      expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    const all = (await poppler('pdftotext', [pdf, '-'])).replace(/\s+/g, '');
    expect(all).toContain('主要指标监测情况');
  });

  it('sets title, headings, body and page numbers in the declared faces’ fallbacks and 公文 sizes', async () => {
    // Where 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 and 宋体 are not installed, the page's font
    // lists fall back to AR PL UMing (宋), WenQuanYi Micro Hei (黑) and AR PL UKai (楷).
    const lines = await typedLines(pdf);
    const page1 = lines.filter((l) => l.page === 1);
    const title = page1.filter((l) => l.size === 22);
    expect(title.map((l) => l.text.replace(/\s+/g, '')).join('')).toBe(doc.title);
    // It breaks where its meaning allows: between phrases, never inside "五年规划纲要".
    expect(title.map((l) => l.text.replace(/\s+/g, ''))).toEqual([
      '武进区2026年国民经济和社会发展',
      '第十五个五年规划纲要实施情况监测报告',
    ]);
    for (const l of title) expect(l.face).toBe('UMingCN');
    const headings = lines.filter((l) => /^[一二三四五六]、/.test(l.text));
    expect(headings.length).toBeGreaterThanOrEqual(doc.sections.length);
    for (const l of headings) expect([l.face, l.size]).toEqual(['WenQuanYiMicroHei', 16]);
    const subheadings = lines.filter((l) => /^（[一二三四五六]）/.test(l.text) && l.size === 16);
    expect(subheadings.length).toBeGreaterThan(0);
    for (const l of subheadings) expect(l.face).toBe('UKaiCN');
    const body = page1.filter((l) => l.size === 16 && l.face !== 'WenQuanYiMicroHei' && l.face !== 'UKaiCN');
    expect(body.length).toBeGreaterThan(2);
    for (const l of body) expect(l.face).toBe('UMingCN');
    const numbers = lines.filter((l) => l.size === 14 && /^[—\s\d]+$/.test(l.text) && /\d/.test(l.text));
    expect(numbers.length).toBeGreaterThanOrEqual(pages);
    for (const l of numbers) expect(l.face).toBe('UMingCN');
  });

  it('puts the text block 37 mm from the top with the 28 mm binding margin on the left of page 1', () => {
    const words = pageWords(bbox, 1).filter((w) => !/^[—\d]+$/.test(w.text));
    // Word boxes of Chromium's Type 3 glyphs are taller than the type: compare the line's centre.
    // The title's first line is 35 pt high and starts the text block.
    const first = Math.min(...words.map((w) => (w.yMin + w.yMax) / 2));
    expect(first).toBeGreaterThan(37 * MM);
    expect(first).toBeLessThan(37 * MM + 35);
    const left = Math.min(...words.map((w) => w.xMin));
    expect(Math.abs(left - 28 * MM)).toBeLessThan(3);
    expect(Math.max(...words.map((w) => w.xMax))).toBeLessThan((28 + 156) * MM + 3);
  });

  it('numbers every page "— N —" below the text block (odd pages right, even left) under the demo watermark', () => {
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      const n = pageNumberWord(words, p);
      expect(n, `page ${p} has its number`).toBeDefined();
      const { width, height } = pageSize(bbox, p);
      expect(n?.yMin, `page ${p}: number in the bottom margin`).toBeGreaterThan(height - 35 * MM);
      if (p % 2 === 1) expect(n?.xMin).toBeGreaterThan(width / 2);
      else expect(n?.xMax).toBeLessThan(width / 2);
      // Demo data: the 演示数据 watermark, drawn turned, is read back one character at a time.
      const chars = words.map((w) => w.text).join('');
      for (const c of '演示数据') expect(chars, `page ${p} carries the watermark`).toContain(c);
    }
  });

  it('prints 表1 with its header on every page and one row per indicator holding the input’s value', () => {
    const table1 = tablesOf(doc.sections).find((t) => t.id === 'table-1') as ReportTable;
    expect(table1.rows).toHaveLength(input.indicators.length);
    const printed = printedTable1(bbox, pages);
    expect(printed.headerMissing).toEqual([]);
    expect(printed.rows.map((r) => r.seq)).toEqual(input.indicators.map((i) => i.seq));
    for (const r of printed.rows) {
      // The document's 表1 cell, which for a reported figure is the input's observation.
      const cell = table1.rows.find((row) => row[0]?.text === r.seq)?.[7]?.text;
      const obs = input.data.find((d) => d.seq === r.seq)?.observations.find((o) => o.period === 2026);
      if (cell !== '—') expect(cell).toBe(String(obs?.value));
      expect(r.value, `表1 row ${r.seq}`).toBe(cell);
    }
  });

  it('serves prints made at the same time from one browser, each complete', async () => {
    const html = renderReportHtml(buildReportDocument(syntheticReportInput('annual', 2027, '2027-12-31')));
    const out = await Promise.all([printReportPdf(html), printReportPdf(html), printReportPdf(html)]);
    for (const bytes of out) {
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(Buffer.from(bytes.subarray(-8)).toString('latin1')).toContain('%%EOF');
    }
  }, 120_000);

  it('says in Chinese and English what to do when Chromium is missing', async () => {
    await closeReportPdfPrinter();
    const saved = process.env.PLANTRACK_CHROMIUM;
    process.env.PLANTRACK_CHROMIUM = join(dir, 'no-chromium-here');
    try {
      const err: unknown = await printReportPdf('<p>x</p>').catch((e: unknown) => e);
      expect(isReportPrintError(err)).toBe(true);
      if (!isReportPrintError(err)) return;
      expect(err.code).toBe('chromium-missing');
      expect(err.messages.zh).toContain('未找到Chromium');
      expect(err.messages.en).toContain('PLANTRACK_CHROMIUM');
    } finally {
      if (saved === undefined) delete process.env.PLANTRACK_CHROMIUM;
      else process.env.PLANTRACK_CHROMIUM = saved;
    }
  });
});
