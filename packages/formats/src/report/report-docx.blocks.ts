import type { ReportBlock, ReportSection, ReportTable } from '@plantrack/core';
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { CHAR_SPACING, FONTS, LINE_PITCH, SIZES } from './report-docx.layout.js';

type FontKey = keyof typeof FONTS;

/** A run in one of the declared fonts (East-Asian slot and Latin slots alike). */
export function run(
  text: string,
  font: FontKey,
  size: number,
  extra: { bold?: boolean; highlight?: 'yellow' } = {},
): TextRun {
  const name = FONTS[font].name;
  return new TextRun({
    text,
    font: { ascii: name, eastAsia: name, hAnsi: name, cs: name },
    size,
    ...(font === 'body' || font === 'heading1' || font === 'heading2'
      ? { characterSpacing: CHAR_SPACING }
      : {}),
    ...extra,
  });
}

const BODY_SPACING = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A body paragraph: 3号 仿宋, first line indented two characters, justified. */
export function bodyParagraph(text: string, highlight = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: BODY_SPACING,
    children: [run(text, 'body', SIZES.body, highlight ? { highlight: 'yellow' } : {})],
  });
}

/** A heading: 一、 in 黑体, （一） in 楷体, 1. in 仿宋; indented like body text, kept with what follows. */
export function headingParagraph(s: ReportSection): Paragraph {
  const font: FontKey = s.level === 1 ? 'heading1' : s.level === 2 ? 'heading2' : 'body';
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: BODY_SPACING,
    keepNext: true,
    children: [run(`${s.label}${s.title}`, font, SIZES.body)],
  });
}

const CELL_SPACING = { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(
  text: string,
  width: number,
  align: 'left' | 'center' | 'right',
  size: number,
  header: boolean,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment:
          header || align === 'center'
            ? AlignmentType.CENTER
            : align === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        spacing: CELL_SPACING,
        children: [run(text, header ? 'heading1' : 'table', size)],
      }),
    ],
  });
}

/**
 * A real Word table: caption above in 黑体, header row repeated on every page, rows that do not
 * split across pages, fixed column widths from the spec's shares of `textWidth`.
 */
export function tableBlocks(t: ReportTable, textWidth: number): (Paragraph | Table)[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const size = t.landscape ? SIZES.wideTable : SIZES.table;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 420, rule: HeightRule.ATLEAST },
    children: t.columns.map((c, i) => cell(c.title, widths[i] ?? 0, 'center', size, true)),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        height: { value: 360, rule: HeightRule.ATLEAST },
        children: t.columns.map((c, i) => cell(r[i]?.text ?? '', widths[i] ?? 0, c.align, size, false)),
      }),
  );
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 120, after: 60 },
    keepNext: true,
    children: [run(t.caption, 'heading1', SIZES.body)],
  });
  const out: (Paragraph | Table)[] = [
    caption,
    new Table({
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      rows: [header, ...rows],
    }),
  ];
  for (const note of t.notes) {
    out.push(
      new Paragraph({
        spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 60, after: 0 },
        children: [run(note, 'table', SIZES.table)],
      }),
    );
  }
  return out;
}

/** A chart picture, centred, on a paragraph whose line grows with the image. */
export function chartParagraph(png: Uint8Array, width: number, height: number, title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
    keepNext: false,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width, height },
        altText: { name: title, description: title, title },
      }),
    ],
  });
}

/** Blocks of a section other than tables and charts (paragraphs, lists, office sections). */
export function textBlocks(b: Exclude<ReportBlock, ReportTable | { kind: 'chart' }>): Paragraph[] {
  switch (b.kind) {
    case 'paragraph':
      return [bodyParagraph(b.text)];
    case 'list':
      return b.items.map((item, i) => bodyParagraph(`（${i + 1}）${item}`));
    case 'office-text': {
      if (b.text === undefined) return [bodyParagraph(b.hint, true)];
      return b.text
        .split(/\n+/)
        .filter((p) => p.trim() !== '')
        .map((p) => bodyParagraph(p.trim()));
    }
  }
}
