import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ingestText, type PlanModel } from '@plantrack/core';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from './document.reader.js';

/**
 * A synthetic indicator table (not from any document) in the shapes that cost whole tables in
 * printed PDFs: every cell vertically centred, so a name wrapped over two or three lines starts
 * above its row's number; a header of two rows (`“十五五”目标` spanning `2030年` and
 * `年均［累计］`, the other header cells merged over both rows and centred); a group column merged
 * over its rows. Written as a real .docx, printed to PDF by LibreOffice, and both ingested.
 */
const CONVERSION_TIMEOUT_MS = 240_000;

const cell = (text: string, merge?: 'restart' | 'continue', columnSpan?: number): TableCell =>
  new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    ...(merge
      ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
    ...(columnSpan ? { columnSpan } : {}),
    children: [new Paragraph({ children: [new TextRun(text)] })],
  });
const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });

async function syntheticDocx(): Promise<Uint8Array> {
  const table = new Table({
    width: { size: 9000, type: WidthType.DXA },
    columnWidths: [900, 600, 3300, 900, 1100, 1300, 900],
    rows: [
      row(
        cell('类别', 'restart'),
        cell('序号', 'restart'),
        cell('指标', 'restart'),
        cell('单位', 'restart'),
        cell('“十五五”目标', undefined, 2),
        cell('属性', 'restart'),
      ),
      row(
        cell('', 'continue'),
        cell('', 'continue'),
        cell('', 'continue'),
        cell('', 'continue'),
        cell('2030年'),
        cell('年均［累计］'),
        cell('', 'continue'),
      ),
      row(
        cell('经济发展', 'restart'),
        cell('1'),
        cell('示例地区生产总值年均增长率这一指标的名称写得很长需要换行'),
        cell('%'),
        cell('—'),
        cell('5左右'),
        cell('预期性'),
      ),
      row(
        cell('', 'continue'),
        cell('2'),
        cell('示例研发经费投入强度'),
        cell('%'),
        cell('3.5'),
        cell('—'),
        cell('预期性'),
      ),
      row(
        cell('绿色低碳', 'restart'),
        cell('3'),
        cell('示例城镇新增就业人数这一指标的名称也写得很长需要换行才能写完甚至还要再换一行'),
        cell('万人'),
        cell('—'),
        cell('［60］'),
        cell('预期性'),
      ),
      row(
        cell('', 'continue'),
        cell('4'),
        cell('示例森林覆盖率'),
        cell('%'),
        cell('31'),
        cell('—'),
        cell('约束性'),
      ),
    ],
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('第一章 发展目标'),
          new Paragraph('表1 示例主要指标'),
          table,
          new Paragraph('正文继续写明各项指标的落实要求。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

let directory = '';
let fromDocx: PlanModel;
let fromPdf: PlanModel;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plantrack-pdf-centred-'));
  const docx = await syntheticDocx();
  const docxPath = join(directory, 'centred.docx');
  await writeFile(docxPath, docx);
  const args = [
    `-env:UserInstallation=${pathToFileURL(join(directory, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    directory,
    docxPath,
  ];
  await promisify(execFile)('soffice', args, { timeout: CONVERSION_TIMEOUT_MS });
  const pdf = await readDocument(new Uint8Array(await readFile(join(directory, 'centred.pdf'))), 'c.pdf');
  expect(pdf.format).toBe('pdf');
  fromPdf = ingestText(pdf.text);
  fromDocx = ingestText((await readDocument(docx, 'centred.docx')).text);
}, CONVERSION_TIMEOUT_MS + 60_000);

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

const rows = (model: PlanModel): string[] =>
  model.indicators.map((i) => [i.seq, i.group, i.name, i.unit, i.attribute, i.target.text].join(' | '));

describe('a table with vertically centred cells and a two-row header, printed to PDF', () => {
  it('gives the rows of the .docx it was printed from, each exact', () => {
    const expected = [
      '1 | 经济发展 | 示例地区生产总值年均增长率这一指标的名称写得很长需要换行 | % | 预期性 | 5左右',
      '2 | 经济发展 | 示例研发经费投入强度 | % | 预期性 | 3.5',
      '3 | 绿色低碳 | 示例城镇新增就业人数这一指标的名称也写得很长需要换行才能写完甚至还要再换一行 | 万人 | 预期性 | ［60］',
      '4 | 绿色低碳 | 示例森林覆盖率 | % | 约束性 | 31',
    ];
    expect(rows(fromDocx)).toEqual(expected);
    expect(rows(fromPdf)).toEqual(expected);
    expect(fromPdf.warnings).toEqual([]);
  });

  it('keeps the header cells, the one spanning two sub-columns included', () => {
    const columns = fromPdf.indicatorTable?.columns ?? [];
    expect(columns.slice(0, 4)).toEqual(['类别', '序号', '指标', '单位']);
    expect(columns.join(' ')).toContain('“十五五”目标');
    expect(columns.slice(-2)).toEqual(['年均［累计］', '属性']);
  });
});
