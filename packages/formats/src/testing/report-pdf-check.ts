import type { ReportSection, ReportTable } from '@plantrack/core';
import { strFromU8, unzipSync } from 'fflate';
import { pageWords, poppler, type PlacedWord } from './office-convert.js';

/**
 * Readers for the checks on a printed report (a PDF from LibreOffice or Chromium): what an office
 * would look at — page sizes, the type of each line, 表1's rows, the page numbers.
 */

/** Every table of a report's sections, depth first. */
export function tablesOf(sections: readonly ReportSection[]): ReportTable[] {
  return sections.flatMap((s) => [
    ...s.blocks.filter((b): b is ReportTable => b.kind === 'table'),
    ...tablesOf(s.sections),
  ]);
}

/** Width and height in points of page `page` (1-based) of `pdftotext -bbox` output. */
export function pageSize(bbox: string, page: number): { width: number; height: number } {
  const m = /<page width="([\d.]+)" height="([\d.]+)">/.exec(bbox.split(/(?=<page )/)[page] ?? '');
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

/** A line of text with its type as `pdftohtml -xml` reads it: size in points, face name without subset tag. */
export type TypedLine = { page: number; text: string; size: number; face: string };

/** The lines of a PDF with the face and size each is set in. */
export async function typedLines(pdf: string): Promise<TypedLine[]> {
  const xml = await poppler('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', pdf]);
  const faces = new Map<string, { size: number; face: string }>();
  const out: TypedLine[] = [];
  for (const [i, page] of xml
    .split(/<page number=/)
    .slice(1)
    .entries()) {
    for (const f of page.matchAll(/<fontspec id="(\d+)" size="(-?\d+)" family="([^"]*)"/g))
      faces.set(f[1] ?? '', { size: Number(f[2]), face: (f[3] ?? '').replace(/^[A-Z]{6}\+/, '') });
    for (const t of page.matchAll(/<text [^>]*font="(\d+)">(.*?)<\/text>/g)) {
      const spec = faces.get(t[1] ?? '');
      const text = (t[2] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<');
      out.push({ page: i + 1, text, size: spec?.size ?? 0, face: spec?.face ?? '' });
    }
  }
  return out;
}

/** The page number "— N —" of a page, or undefined: the three words `—`, `N`, `—` in a row. */
export function pageNumberWord(words: PlacedWord[], page: number): PlacedWord | undefined {
  return words.find(
    (w, i) => w.text === String(page) && words[i - 1]?.text === '—' && words[i + 1]?.text === '—',
  );
}

/** One row of 表1 as printed: its 序号, the 当年值 cell beside it, and the page it is on. */
export type PrintedRow = { page: number; seq: string; value: string | undefined };

const centre = (w: PlacedWord): [number, number] => [(w.xMin + w.xMax) / 2, (w.yMin + w.yMax) / 2];

/**
 * 表1 read back from the landscape pages: under each page's header row (which must be there: the
 * header repeats), the 序号 column's entries in reading order, each with the 当年值 cell that shares
 * its centre line (cells are centred vertically, and a figure is one line). `headerMissing` lists
 * landscape pages without the header (表3's landscape pages, known by their 项目名称 header, are not 表1's).
 */
export function printedTable1(bbox: string, pages: number): { rows: PrintedRow[]; headerMissing: number[] } {
  const rows: (PrintedRow & { y: number })[] = [];
  const headerMissing: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const size = pageSize(bbox, p);
    if (!(size.width > size.height)) continue;
    const words = pageWords(bbox, p);
    // 表3 重大项目推进情况 has landscape pages of its own: its header names 项目名称.
    if (words.some((w) => w.text.includes('项目名称'))) continue;
    const seqHead = words.find((w) => w.text === '序号');
    const valueHead = words.find((w) => w.text.startsWith('当年值'));
    if (seqHead === undefined || valueHead === undefined) {
      headerMissing.push(p);
      continue;
    }
    const [seqX] = centre(seqHead);
    const [valueX] = centre(valueHead);
    for (const w of words) {
      const [x, y] = centre(w);
      if (!/^\d+(\.\d+)?$/.test(w.text) || Math.abs(x - seqX) > 8 || w.yMin <= seqHead.yMax) continue;
      const value = words.find((v) => Math.abs(centre(v)[0] - valueX) < 20 && Math.abs(centre(v)[1] - y) < 3);
      rows.push({ page: p, y, seq: w.text, value: value?.text });
    }
  }
  // pdftotext's word order need not be reading order.
  rows.sort((a, b) => a.page - b.page || a.y - b.y);
  return { rows: rows.map(({ page, seq, value }) => ({ page, seq, value })), headerMissing };
}

/**
 * Whether each section of a .docx carries `text` in both its page headers (odd and even): a Word
 * watermark lives in the header, and LibreOffice draws it as a shape whose text does not read back
 * from the PDF, so the package is where to look.
 */
export function sectionHeadersWith(docx: Uint8Array, text: string): boolean[] {
  const files = unzipSync(docx);
  const read = (name: string): string => {
    const bytes = files[name];
    return bytes === undefined ? '' : strFromU8(bytes);
  };
  const targets = new Map(
    [
      ...read('word/_rels/document.xml.rels').matchAll(
        /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
      ),
    ].map((m) => [m[1] ?? '', m[2] ?? ''] as const),
  );
  return [...read('word/document.xml').matchAll(/<w:sectPr[ >].*?<\/w:sectPr>/gs)].map((m) => {
    const refs = [...m[0].matchAll(/<w:headerReference w:type="(default|even)" r:id="([^"]+)"\/>/g)];
    return (
      refs.length === 2 && refs.every((r) => read(`word/${targets.get(r[2] ?? '') ?? ''}`).includes(text))
    );
  });
}
