import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFormatError } from './format.error.js';
import { workbookParts, xlsxBomb, zipParts } from './testing/xlsx-fixtures.js';
import { readXlsx } from './xlsx.reader.js';

function refusal(run: () => unknown): { code: string; zh: string; en: string; ms: number } {
  const started = performance.now();
  try {
    run();
  } catch (error) {
    if (!isFormatError(error)) throw error;
    return { code: error.code, ...error.messages, ms: performance.now() - started };
  }
  throw new Error('expected a refusal');
}

// The way Excel writes a sheet: shared strings (rich text and phonetic runs), numbers without a
// type, dates as serials styled with a date format, inline and formula strings, booleans, errors.
const EXCEL_STYLE = workbookParts(
  [
    {
      name: '指标',
      sheetData:
        '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="1"><v>46082</v></c><c r="C3"><v>3.25</v></c>' +
        '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="AH3"><v>99</v></c></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> 行内 </t></is></c>' +
        '<c r="B4" s="2"><v>46113</v></c><c r="C4" t="str"><f>A4&amp;"x"</f><v>公式&lt;值&gt;</v></c></row>' +
        '<row r="5"><c r="A5" s="0"/><c r="B5" t="s"><v>4</v></c></row>' +
        '<row><c><v>7</v></c><c><v>8</v></c></row>',
    },
    { name: '说明', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
  ],
  {
    sharedStrings:
      '<si><t>指标ID</t></si><si><r><rPr><b/></rPr><t>序</t></r><r><t>号</t></r></si><si><t>名称</t></si>' +
      '<si><t>地区生产总值</t><rPh sb="0" eb="2"><t>ちく</t></rPh></si><si><t/></si>',
    styles:
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/></cellXfs>',
  },
);

describe('readXlsx', () => {
  it('reads the cells of a workbook laid out as Excel writes it', () => {
    const workbook = readXlsx(zipParts(EXCEL_STYLE), { sheets: ['指标'] });
    expect(workbook.sheetNames).toEqual(['指标', '说明']);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['指标']);
    expect(workbook.sheets[0]?.rows).toEqual([
      { row: 1, cells: ['指标ID', '序号', '名称'] },
      { row: 3, cells: ['地区生产总值', '2026-03-01', 3.25, true, '#N/A'] },
      { row: 4, cells: [' 行内 ', '2026-04-01', '公式<值>'] },
      { row: 6, cells: [7, 8] },
    ]);
  });

  it('reads a template saved by LibreOffice Calc', () => {
    // fixtures/libreoffice-template.xlsx: a template-shaped workbook written by exceljs, then opened
    // and saved again by LibreOffice Calc 7.4 (soffice --convert-to xlsx), as a reporter might.
    const bytes = readFileSync(new URL('./fixtures/libreoffice-template.xlsx', import.meta.url));
    const workbook = readXlsx(bytes, { sheets: ['指标', '任务进展'] });
    expect(workbook.sheets.map((s) => s.rows)).toEqual([
      [
        {
          row: 1,
          cells: ['指标ID', '序号', '指标名称', '单位', '期间', '口径', '数值', '是否预计', '来源', '说明'],
        },
        {
          row: 2,
          cells: [
            'ind-0001',
            '1',
            '地区生产总值',
            '亿元',
            '2026',
            null,
            1234.5,
            '否',
            '统计年鉴',
            '含经开区',
          ],
        },
        {
          row: 3,
          cells: ['ind-0002', '2', '常住人口城镇化率', '%', '2026Q1', '全区', 78.25, '是', '部门台账'],
        },
        {
          row: 4,
          cells: ['ind-0003', '3', '研发投入强度', '%', '2026-03', null, 3.1, null, null, null, '2026-03-15'],
        },
      ],
      [
        { row: 1, cells: ['任务ID', '任务', '期间', '进展状态', '进展说明', '说明'] },
        { row: 2, cells: ['task-1', '建设智能制造示范工厂', '2026', '推进中', '已完成选址\n正在施工'] },
      ],
    ]);
  });

  it('reads dates of the 1904 date system', () => {
    const parts = workbookParts([{ name: 'S', sheetData: '<row r="1"><c r="A1" s="1"><v>0</v></c></row>' }], {
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      date1904: true,
    });
    expect(readXlsx(zipParts(parts), { sheets: ['S'] }).sheets[0]?.rows).toEqual([
      { row: 1, cells: ['1904-01-01'] },
    ]);
  });

  it('refuses a bomb that declares its size before inflating anything', () => {
    const bomb = xlsxBomb({ sheet: '指标', rows: 1_000_000, columns: 10 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = refusal(() => readXlsx(bomb, { sheets: ['指标'] }));
    expect(r).toMatchObject({ code: 'too-large' });
    expect(r.zh).toContain('解压后的内容过大');
    expect(r.en).toContain('expands to too much data');
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses a bomb that lies about its size as soon as inflating passes the declared size', () => {
    const bomb = xlsxBomb({ sheet: '指标', rows: 1_000_000, columns: 10, lieAboutSize: true });
    const r = refusal(() => readXlsx(bomb, { sheets: ['指标'] }));
    expect(r).toMatchObject({ code: 'too-large' });
    expect(r.ms).toBeLessThan(500);
  });

  it('refuses too many rows, too many cells and too many parts, each with its limit named', () => {
    const rows = xlsxBomb({ sheet: '指标', rows: 50, columns: 2 });
    const tooManyRows = workbookParts([{ name: 'S', sheetData: '<row r="10001"><c><v>1</v></c></row>' }]);
    expect(refusal(() => readXlsx(zipParts(tooManyRows), { sheets: ['S'] })).zh).toContain('10000');
    const cells = refusal(() => readXlsx(rows, { sheets: ['指标'], limits: { maxCells: 60 } }));
    expect(cells).toMatchObject({
      code: 'too-large',
      en: expect.stringContaining('too many cells') as string,
    });
    const many = workbookParts([{ name: 'S', sheetData: '' }]);
    for (let i = 0; i < 600; i++) many[`xl/media/image${i}.png`] = 'x';
    expect(refusal(() => readXlsx(zipParts(many), { sheets: ['S'] })).en).toContain('too many parts');
  });

  it('refuses what is not a workbook, and XML entity tricks, as unreadable', () => {
    expect(
      refusal(() => readXlsx(new TextEncoder().encode('PK\u0003\u0004 not really'), { sheets: [] })).code,
    ).toBe('corrupt');
    const entity = workbookParts([
      { name: 'S', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>' },
    ]);
    const sheet = entity['xl/worksheets/sheet1.xml'] ?? '';
    entity['xl/worksheets/sheet1.xml'] = sheet.replace(
      '<worksheet',
      '<!DOCTYPE worksheet [<!ENTITY lol "lollollollollol">]><worksheet',
    );
    const r = refusal(() => readXlsx(zipParts(entity), { sheets: ['S'] }));
    expect(r.code).toBe('corrupt');
    expect(r.zh).toContain('无法读取该 Excel 工作簿');
  });
});
