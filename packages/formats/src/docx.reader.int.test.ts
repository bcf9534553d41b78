import {
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { ISectionOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';

type Footnotes = Record<number, { children: Paragraph[] }>;

async function buildDocx(
  children: ISectionOptions['children'],
  footnotes: Footnotes = {},
): Promise<Uint8Array> {
  const document = new Document({ footnotes, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

function cell(...paragraphs: string[]): TableCell {
  return new TableCell({ children: paragraphs.map((text) => new Paragraph(text)) });
}

describe('readDocx: paragraphs and footnotes', () => {
  it('writes one paragraph per line, footnote refs renumbered from 0 and bodies appended', async () => {
    const bytes = await buildDocx(
      [
        new Paragraph('第一篇 发展基础'),
        new Paragraph({ children: [new TextRun('第一章 “十五五”机遇挑战'), new FootnoteReferenceRun(2)] }),
        new Paragraph(''),
        new Paragraph({
          children: [
            new TextRun('坚持创新'),
            new FootnoteReferenceRun(1),
            new TextRun('，推进改革'),
            new FootnoteReferenceRun(2),
            new TextRun('。'),
          ],
        }),
      ],
      {
        1: { children: [new Paragraph('“十四五”发展成效包含常州经开区。')] },
        2: { children: [new Paragraph('第一段'), new Paragraph({ children: [new TextRun(' 第二段 ')] })] },
      },
    );
    expect(readDocx(bytes)).toBe(
      [
        '第一篇 发展基础',
        '第一章 “十五五”机遇挑战[footnoteRef:0] [0:  第一段 第二段] ',
        '',
        '坚持创新[footnoteRef:1]，推进改革[footnoteRef:0]。 [1:  “十四五”发展成效包含常州经开区。] ',
        '',
      ].join('\n'),
    );
  });

  it('turns tabs and line breaks into spaces, drops page breaks, keeps insertions and drops deletions', async () => {
    const change = { author: 'PlanTrack', date: '2025-01-01T00:00:00Z' };
    const bytes = await buildDocx([
      new Paragraph({
        children: [
          new TextRun({ children: [new Tab(), '目标'] }),
          new TextRun({ text: '任务', break: 1 }),
          new PageBreak(),
          new DeletedTextRun({ ...change, id: 1, text: '删除的文字' }),
          new InsertedTextRun({ ...change, id: 2, text: '插入的文字' }),
        ],
      }),
    ]);
    expect(readDocx(bytes)).toBe(' 目标 任务插入的文字\n');
  });
});

describe('readDocx: tables', () => {
  // Grid of 3 columns: A spans columns 1–2, B spans rows 1–2, C has two paragraphs.
  const mergedTable = (): Table =>
    new Table({
      columnWidths: [2000, 2000, 2000],
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('A')], columnSpan: 2 }),
            new TableCell({ children: [new Paragraph('B')], rowSpan: 2 }),
          ],
        }),
        new TableRow({ children: [cell('C', '', 'C2'), cell('D')] }),
        new TableRow({ children: [cell('E'), cell(''), cell('F')] }),
      ],
    });

  it('writes one TAB line per cell, blank lines around rows, vertical-merge continuations as empty cells', async () => {
    const bytes = await buildDocx([new Paragraph('表1 指标'), mergedTable(), new Paragraph('表后正文')]);
    expect(readDocx(bytes)).toBe(
      [
        '表1 指标',
        '',
        '\tA',
        '\tB',
        '',
        '\tC',
        'C2',
        '\tD',
        '\t',
        '',
        '\tE',
        '\t',
        '\tF',
        '',
        '表后正文',
        '',
      ].join('\n'),
    );
  });

  it('pads horizontally merged cells with empty cells when padGridSpan is set', async () => {
    const bytes = await buildDocx([mergedTable()]);
    const lines = readDocx(bytes, {}, { padGridSpan: true }).split('\n');
    expect(lines.slice(0, 5)).toEqual(['', '\tA', '\t', '\tB', '']);
  });

  it('flattens a nested table into continuation lines of its cell and keeps cell footnotes', async () => {
    const nested = new Table({ rows: [new TableRow({ children: [cell('内1'), cell('内2')] })] });
    const bytes = await buildDocx(
      [
        new Table({
          rows: [
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph('外'), nested, new Paragraph('')] }),
                new TableCell({
                  children: [new Paragraph({ children: [new TextRun('注'), new FootnoteReferenceRun(1)] })],
                }),
              ],
            }),
          ],
        }),
      ],
      { 1: { children: [new Paragraph('表内脚注')] } },
    );
    expect(readDocx(bytes)).toBe(
      ['', '\t外', '内1', '内2', '\t注[footnoteRef:0] [0:  表内脚注] ', '', ''].join('\n'),
    );
  });
});
