import {
  buildReportDocument,
  type ReportDocument,
  type ReportInput,
  type ReportTable,
} from '@plantrack/core';
import { strFromU8, unzipSync } from 'fflate';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, pageWords, poppler } from '../testing/office-convert.js';
import { pageNumberWord, printedTable1, tablesOf, typedLines } from '../testing/report-pdf-check.js';
import { SYNTHETIC_SOURCE, syntheticReportInput } from '../testing/report-sample.js';
import { renderReportDocx } from './report-docx.renderer.js';

// The sample plan with SYNTHETIC observations (see testing/report-sample.ts): not real figures.

const SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));
const MM = 72 / 25.4;

let dir: string;
let input: ReportInput;
let doc: ReportDocument;
let docx: Uint8Array;
let pdf: string;
let pages: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plantrack-report-'));
  input = syntheticReportInput('annual', 2026, '2026-12-31');
  doc = buildReportDocument(input);
  docx = await renderReportDocx(doc);
  writeFileSync(join(dir, 'annual.docx'), docx);
  pdf = await docxToPdf(dir, 'annual.docx');
  pages = Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [pdf]))?.[1]);
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Cell texts of every row of the n-th table of the main document part. */
function tableRows(n: number): string[][] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
  const tbl = xml.split('<w:tbl>')[n + 1]?.split('</w:tbl>')[0] ?? '';
  return tbl
    .split(/<w:tr[ >]/)
    .slice(1)
    .map((tr) =>
      tr
        .split('<w:tc>')
        .slice(1)
        .map((tc) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    );
}

describe('the annual report as .docx, converted by LibreOffice', () => {
  it('has the sample plan’s title and A4 pages, portrait and landscape (表1)', async () => {
    expect(doc.title).toBe('武进区2026年国民经济和社会发展第十五个五年规划纲要实施情况监测报告');
    expect(pages).toBeGreaterThan(5);
    const info = await poppler('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(sizes).toHaveLength(pages);
    for (const s of sizes)
      expect([`${s[0]}x${s[1]}`]).toContainEqual(expect.stringMatching(/^(595x842|842x595)$/));
    expect(sizes[0]).toEqual([595, 842]);
    expect(sizes.some(([w]) => w === 842)).toBe(true);
  });

  it('declares A4 and the GB/T 9704 margins in every section: 37 mm top, 28 mm binding, 156 × 225 mm text block', () => {
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    const sections = [
      ...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"\/><w:pgMar ([^>]*)\/>/g),
    ];
    expect(sections.length).toBeGreaterThan(1);
    const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);
    for (const [, w, h, orient, margins] of sections) {
      const m = (side: string): number => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margins ?? '')?.[1]);
      if (orient === 'portrait') {
        expect([w, h]).toEqual([String(twips(210)), String(twips(297))]);
        expect([m('top'), m('left'), m('right'), m('bottom')]).toEqual([
          twips(37),
          twips(28),
          twips(26),
          twips(35),
        ]);
        // Each margin is rounded to a whole twip: the block is right to within one.
        expect(Math.abs(twips(210) - m('left') - m('right') - twips(156))).toBeLessThanOrEqual(1);
        expect(Math.abs(twips(297) - m('top') - m('bottom') - twips(225))).toBeLessThanOrEqual(1);
      } else {
        // The landscape page turns the same text block: 37 mm at the left (where the top was).
        expect([w, h]).toEqual([String(twips(297)), String(twips(210))]);
        expect(m('left')).toBe(twips(37));
      }
    }
  });

  it('puts the text block where GB/T 9704 puts it: 37 mm from the top, 28 mm binding margin, mirrored', async () => {
    const bbox = await poppler('pdftotext', ['-bbox', '-f', '1', '-l', '2', pdf, '-']);
    const body = (p: number) => pageWords(bbox, p).filter((w) => !/^[—\d]+$/.test(w.text));
    const p1 = body(1);
    const top = Math.min(...p1.map((w) => w.yMin));
    // The title's first line starts the text block (the glyphs sit a little inside the 35 pt line).
    expect(top).toBeGreaterThan(37 * MM - 2);
    expect(top).toBeLessThan(37 * MM + 14);
    // Odd page: the binding margin (28 mm) on the left, the text block 156 mm wide.
    const left1 = Math.min(...p1.map((w) => w.xMin));
    expect(Math.abs(left1 - 28 * MM)).toBeLessThan(3);
    // Closing punctuation may hang past the line end (LibreOffice, like Word, lets it); words do not.
    const inside = p1.filter((w) => !/[，。、；：）”]$/.test(w.text));
    expect(Math.max(...inside.map((w) => w.xMax))).toBeLessThan((28 + 156) * MM + 3);
    const bottom1 = Math.max(...p1.map((w) => w.yMax));
    expect(bottom1).toBeLessThan((37 + 225) * MM + 3);
    // Even pages: mirrored, the binding margin on the right, 26 mm on the left (portrait pages).
    const all = await poppler('pdftotext', ['-bbox', pdf, '-']);
    const evenLeft: number[] = [];
    for (let p = 2; p <= pages; p += 2) {
      const words = pageWords(all, p).filter((w) => !/^[—\d]+$/.test(w.text));
      if (words.length > 0 && words.every((w) => w.xMax < 600))
        evenLeft.push(Math.min(...words.map((w) => w.xMin)));
    }
    expect(evenLeft.length).toBeGreaterThan(0);
    expect(Math.abs(Math.min(...evenLeft) - 26 * MM)).toBeLessThan(3);
  });

  it('numbers every page "— N —", odd pages at the right, even pages at the left', async () => {
    const bbox = await poppler('pdftotext', ['-bbox', pdf, '-']);
    for (let p = 1; p <= pages; p++) {
      const words = pageWords(bbox, p);
      const n = pageNumberWord(words, p);
      expect(n, `page ${p} has its number`).toBeDefined();
      const portrait = words.every((w) => w.xMax < 600);
      if (!portrait) continue;
      if (p % 2 === 1) expect(n?.xMin).toBeGreaterThan(400);
      else expect(n?.xMax).toBeLessThan(200);
    }
  });

  it('uses the declared fonts: body 仿宋 and title 小标宋 through their serif fallback, headings 黑体 (sans)', async () => {
    const fonts = await poppler('pdffonts', [pdf]);
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/);
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    const fontTable = strFromU8(unzipSync(docx)['word/fontTable.xml'] as Uint8Array);
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    const settings = strFromU8(unzipSync(docx)['word/settings.xml'] as Uint8Array);
    expect(settings).toContain('<w:mirrorMargins/>');
  });

  it('sets title, body, headings and page numbers in the declared faces (fallbacks here) and sizes', async () => {
    // LibreOffice maps each office face to the fallback the document declares (see office-convert.ts):
    // 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312 and 宋体 to Noto Serif CJK, 黑体 to Noto Sans CJK.
    const lines = await typedLines(pdf);
    const serif = /^NotoSerifCJK/;
    const page1 = lines.filter((l) => l.page === 1);
    const title = page1.slice(0, 2);
    expect(title.map((l) => l.text.replace(/\s+/g, '')).join('')).toBe(doc.title);
    for (const l of title) expect([l.face, l.size]).toEqual([expect.stringMatching(serif), 22]);
    const headings = lines.filter((l) => /^[一二三四五六]、/.test(l.text));
    expect(headings.length).toBeGreaterThanOrEqual(doc.sections.length);
    for (const l of headings) expect([l.face, l.size]).toEqual([expect.stringMatching(/^NotoSansCJK/), 16]);
    const body = page1.filter((l) => l.size === 16 && !headings.includes(l));
    expect(body.length).toBeGreaterThan(3);
    for (const l of body) expect(l.face).toMatch(serif);
    const numbers = lines.filter((l) => /^—\s*\d+\s*—$/.test(l.text));
    expect(numbers).toHaveLength(pages);
    for (const l of numbers) expect([l.face, l.size]).toEqual([expect.stringMatching(serif), 14]);
  });

  it('prints 表1 on landscape pages, header repeated, one row per indicator with the input’s figure', async () => {
    const table1 = tablesOf(doc.sections).find((t) => t.id === 'table-1') as ReportTable;
    const printed = printedTable1(await poppler('pdftotext', ['-bbox', pdf, '-']), pages);
    expect(printed.rows.length).toBeGreaterThan(0);
    expect(printed.headerMissing).toEqual([]);
    expect(printed.rows.map((r) => r.seq)).toEqual(input.indicators.map((i) => i.seq));
    for (const r of printed.rows) {
      const cell = table1.rows.find((row) => row[0]?.text === r.seq)?.[7]?.text;
      expect(r.value, `表1 row ${r.seq}`).toBe(cell);
    }
  });

  it('表1 has one row per indicator with the values of the input, and every figure is traced', async () => {
    const rows = tableRows(0);
    expect(rows[0]).toEqual([
      '序号',
      '类别',
      '指标',
      '单位',
      '属性',
      '基期值（2025年）',
      '目标值（2030年）',
      '当年值（2026年）',
      '年均/累计',
      '进度评价',
      '牵头单位',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(input.indicators.length);
    let numbers = 0;
    for (const [i, ind] of input.indicators.entries()) {
      const row = body[i] as string[];
      expect(row[0]).toBe(ind.seq);
      expect(row[2]).toBe(ind.name);
      const obs = input.data.find((d) => d.seq === ind.seq)?.observations.find((o) => o.period === 2026);
      if (row[7] !== '—') {
        expect(row[7]).toBe(String(obs?.value));
        numbers++;
      }
    }
    expect(numbers).toBeGreaterThanOrEqual(input.indicators.length - 2);
    // The 数据来源 appendix lists each figure with its revision and source.
    const appendix = tableRows(tableCount() - 1);
    expect(appendix.length - 1).toBe(doc.sources.length);
    expect(appendix.some((r) => r[4] === 'syn-2-2026' && r[5] === SYNTHETIC_SOURCE)).toBe(true);
    const text = await poppler('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('223.6');
    expect(text).toMatch(/表\s*1\s*主要指标完成情况/);
  });

  it('renders the first pages as pictures for docs/screenshots', async () => {
    const base = join(dir, 'page');
    await poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, base]);
    if (process.env.PLANTRACK_UPDATE_SCREENSHOTS === '1') {
      copyFileSync(`${base}-01.png`, join(SCREENSHOTS, 'report-annual-p1.png'));
      copyFileSync(`${base}-02.png`, join(SCREENSHOTS, 'report-annual-p2.png'));
      copyFileSync(`${base}-03.png`, join(SCREENSHOTS, 'report-annual-p3.png'));
    }
    const header = Buffer.from(unzipSync(docx)['word/media/' + mediaName()] ?? new Uint8Array()).subarray(
      0,
      8,
    );
    expect(header.toString('hex')).toBe('89504e470d0a1a0a');
  });
});

function tableCount(): number {
  return strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array).split('<w:tbl>').length - 1;
}

function mediaName(): string {
  return (
    Object.keys(unzipSync(docx))
      .find((k) => k.startsWith('word/media/'))
      ?.slice('word/media/'.length) ?? ''
  );
}
