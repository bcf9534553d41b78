import {
  buildReportDocument,
  type ReportDocument,
  type ReportInput,
  type ReportSection,
  type ReportTable,
} from '@plantrack/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWords, poppler, type PlacedWord } from '../testing/office-convert.js';
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

function tablesOf(sections: readonly ReportSection[]): ReportTable[] {
  return sections.flatMap((s) => [
    ...s.blocks.filter((b): b is ReportTable => b.kind === 'table'),
    ...tablesOf(s.sections),
  ]);
}

const isLandscape = (words: PlacedWord[]): boolean => words.some((w) => w.xMax > 600);

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
    const text = (await poppler('pdftotext', ['-f', '1', '-l', '1', pdf, '-'])).replace(/\s+/g, '');
    expect(text.startsWith(doc.title)).toBe(true);
  });

  it('embeds every font it uses, with a Unicode map so the Chinese text can be searched and copied', async () => {
    const fonts = (await poppler('pdffonts', [pdf]))
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name, type (one or two words), encoding, emb, sub, uni, object id, generation.
    for (const line of fonts) expect(line).toMatch(/\s(yes)\s+(yes|no)\s+(yes)\s+\d+\s+\d+\s*$/);
    const all = (await poppler('pdftotext', [pdf, '-'])).replace(/\s+/g, '');
    expect(all).toContain('主要指标监测情况');
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
      const n = words.find(
        (w, i) => w.text === String(p) && words[i - 1]?.text === '—' && words[i + 1]?.text === '—',
      );
      expect(n, `page ${p} has its number`).toBeDefined();
      const width = isLandscape(words) ? 842 : 595;
      const height = isLandscape(words) ? 595 : 842;
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
    const seqs: { page: number; y: number; seq: string }[] = [];
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      if (!isLandscape(words)) continue;
      const seqHead = words.find((w) => w.text === '序号');
      const valueHead = words.find((w) => w.text.startsWith('当年值'));
      expect(seqHead, `landscape page ${p} repeats the header row`).toBeDefined();
      if (seqHead === undefined || valueHead === undefined) continue;
      const centre = (w: PlacedWord): [number, number] => [(w.xMin + w.xMax) / 2, (w.yMin + w.yMax) / 2];
      const [seqX] = centre(seqHead);
      const [valueX] = centre(valueHead);
      // Cells are centred vertically, so a row's 序号 and its one-line value share a centre line.
      for (const w of words) {
        const [x, y] = centre(w);
        if (!/^\d+(\.\d+)?$/.test(w.text) || Math.abs(x - seqX) > 8 || w.yMin <= seqHead.yMax) continue;
        seqs.push({ page: p, y, seq: w.text });
        const value = words.find(
          (v) => Math.abs(centre(v)[0] - valueX) < 20 && Math.abs(centre(v)[1] - y) < 3,
        );
        // The document's 表1 cell, which for a reported figure is the input's observation.
        const row = table1.rows.find((r) => r[0]?.text === w.text);
        const obs = input.data.find((d) => d.seq === w.text)?.observations.find((o) => o.period === 2026);
        const cell = row?.[7]?.text;
        if (cell !== '—') expect(cell).toBe(String(obs?.value));
        expect(value?.text, `表1 row ${w.text}`).toBe(cell);
      }
    }
    // In reading order down the pages (pdftotext's word order need not be).
    seqs.sort((a, b) => a.page - b.page || a.y - b.y);
    expect(seqs.map((s) => s.seq)).toEqual(input.indicators.map((i) => i.seq));
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
