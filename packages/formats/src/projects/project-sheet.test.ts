import { describe, expect, it } from 'vitest';
import { readProjectSheet } from './project-sheet.reader.js';
import { type ProjectExportRow, writeProjectSheet } from './project-sheet.writer.js';
import { type SheetCell, writeXlsxSheets } from './xlsx-sheet.writer.js';

// SYNTHETIC projects and figures throughout: they exercise the reader, they are not statistics.
const CODE = '2026-320412-48-01-000001';

function sheet(rows: SheetCell[][], merges: string[] = [], name = '2027年重大项目'): Uint8Array {
  return writeXlsxSheets([{ name, rows, merges }]);
}

const HEADER = [
  '序号',
  '项目代码',
  '项目名称',
  '建设内容及规模',
  '总投资（万元）',
  '年度计划投资（万元）',
  '建设起止年限',
  '责任单位',
  '所在镇街',
];

describe('reading an office project sheet', () => {
  it('reads a two-row header with merged cells and the unit of the group (亿元)', () => {
    const read = readProjectSheet(
      sheet(
        [
          ['2027年区重大项目计划表'],
          ['序号', '项目名称', '投资（亿元）', null, '建设起止年限', '责任单位'],
          [null, null, '总投资', '年度计划投资', null, null],
          [1, '滨江大道改造工程', 1.5, 0.3, '2024—2027年', '区住建局'],
        ],
        ['A1:F1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'],
      ),
    );
    expect(read.errors).toEqual([]);
    expect(read.headerRows).toEqual([2, 3]);
    expect(read.mapping.map((m) => `${m.column}:${m.field}`)).toEqual([
      'A:seq',
      'B:name',
      'C:totalInvestment',
      'D:annualPlan',
      'E:years',
      'F:leadUnit',
    ]);
    expect(read.importable).toEqual([
      expect.objectContaining({
        row: 4,
        name: '滨江大道改造工程',
        totalWan: 15000,
        annualPlanWan: 3000,
        years: { startYear: 2024, endYear: 2027 },
        leadUnit: '区住建局',
      }),
    ]);
  });

  it('skips totals rows, blank lines and group headings (which become the category)', () => {
    const read = readProjectSheet(
      sheet([
        HEADER,
        ['一、产业项目'],
        [1, null, '新材料产业园', '厂房10万平方米', 50000, 12000, '2025-2027', '区工信局', '湖塘镇'],
        [],
        ['  ', null, null],
        [2, null, '智能装备基地', null, 30000, 8000, '2026-2028', '区工信局', '牛塘镇'],
        ['小计', null, null, null, 80000, 20000],
        ['二、基础设施'],
        [3, null, '环湖路延伸', null, 9000, 3000, '2027年', '区交通局', '湖塘镇'],
        ['合  计', null, null, null, 89000, 23000],
      ]),
    );
    expect(read.errors).toEqual([]);
    expect(read.importable.map((r) => [r.row, r.name, r.category])).toEqual([
      [3, '新材料产业园', '产业项目'],
      [6, '智能装备基地', '产业项目'],
      [9, '环湖路延伸', '基础设施'],
    ]);
    expect(read.skipped).toEqual([
      { row: 2, reason: 'group' },
      { row: 7, reason: 'total' },
      { row: 8, reason: 'group' },
      { row: 10, reason: 'total' },
    ]);
  });

  it("takes 万元 and 亿元 from the header, the sheet's 单位 line or the cell itself", () => {
    const read = readProjectSheet(
      sheet([
        ['单位：亿元'],
        ['序号', '项目名称', '总投资', '年度计划投资（万元）'],
        [1, '甲项目', 2.5, 5000],
        [2, '乙项目', '8000万元', '0.6亿元'],
        [3, '丙项目', '１.２', '1,200'],
      ]),
    );
    expect(read.errors).toEqual([]);
    expect(read.importable.map((r) => [r.totalWan, r.annualPlanWan])).toEqual([
      [25000, 5000],
      [8000, 6000],
      [12000, 1200],
    ]);
  });

  it('reads a row of bare units under the labels as part of the header', () => {
    const read = readProjectSheet(
      sheet([
        ['序号', '项目名称', '总投资', '年度计划投资', '建设起止年限'],
        [null, null, '（亿元）', '万元', null],
        [1, '甲项目', 1.2, 800, '2026-2028'],
      ]),
    );
    expect(read.errors).toEqual([]);
    expect(read.headerRows).toEqual([1, 2]);
    expect(read.importable.map((r) => [r.row, r.totalWan, r.annualPlanWan])).toEqual([[3, 12000, 800]]);
  });

  it('ignores extra columns and lists them', () => {
    const read = readProjectSheet(
      sheet([
        ['序号', '项目名称', '总投资（万元）', '备注', '联系电话', '项目名称'],
        [1, '甲项目', 100, '省重点', '0519-0000000', '重复列'],
      ]),
    );
    expect(read.errors).toEqual([]);
    expect(read.ignoredColumns).toEqual([
      { column: 'D', header: '备注' },
      { column: 'E', header: '联系电话' },
      { column: 'F', header: '项目名称' },
    ]);
    expect(read.importable[0]).toMatchObject({ name: '甲项目', totalWan: 100 });
  });

  it('flags duplicate names on both rows, and imports nothing', () => {
    const read = readProjectSheet(
      sheet([
        ['序号', '项目名称', '总投资（万元）'],
        [1, '城市更新一期', 100],
        [2, '其他项目', 200],
        [3, '城市更新 一期', 300],
      ]),
    );
    expect(read.errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [2, 'B', '工作表“2027年重大项目”第2行B列（项目名称）：项目名称“城市更新一期”重复（第2、4行）'],
      [4, 'B', '工作表“2027年重大项目”第4行B列（项目名称）：项目名称“城市更新 一期”重复（第2、4行）'],
    ]);
    expect(read.parsed).toHaveLength(3);
    expect(read.importable).toEqual([]);
  });

  it('names the wrong character of a 24-character code by row, column and position', () => {
    const wrong = `${CODE.slice(0, 10)}Ｏ${CODE.slice(11)}`;
    const read = readProjectSheet(
      sheet([
        ['序号', '项目代码', '项目名称'],
        [1, CODE, '甲项目'],
        [2, wrong, '乙项目'],
      ]),
    );
    expect(wrong).toHaveLength(24);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatchObject({ sheet: '2027年重大项目', row: 3, column: 'B', field: 'code' });
    expect(read.errors[0]?.message.zh).toBe(
      '工作表“2027年重大项目”第3行B列（项目代码）：项目代码第11位“Ｏ”不是有效字符（全角字符，应为半角“O”）（只能是数字、大写字母或“-”）',
    );
    expect(read.errors[0]?.message.en).toMatch(
      /^Sheet "2027年重大项目", row 3, column B \(project code\): Project code position 11/,
    );
    expect(read.importable).toEqual([]);
  });

  it('reports every error of a row (all-or-nothing), and a missing name', () => {
    const read = readProjectSheet(
      sheet([
        HEADER,
        [1, 'ABC', '甲项目', null, '约两亿', 100, '2027-2024', '区住建局', '湖塘镇'],
        [2, null, null, null, 100, 50, '2027', null, null],
        [3, null, '乙项目', null, 100, 50, '2027', null, null],
      ]),
    );
    expect(read.errors.map((e) => `${e.row}${e.column ?? ''}:${e.field ?? ''}`)).toEqual([
      '2B:code',
      '2E:totalInvestment',
      '2G:years',
      '3C:name',
    ]);
    expect(read.parsed.map((r) => r.name)).toEqual(['甲项目', '乙项目']);
    expect(read.importable).toEqual([]);
  });

  it('says when there is no header', () => {
    const read = readProjectSheet(sheet([['名单'], ['甲', '乙']]));
    expect(read.errors[0]?.message.en).toBe(
      'Sheet "2027年重大项目", row 1: No header found (a 项目名称 / project name column is needed)',
    );
    expect(read.importable).toEqual([]);
  });
});

const TOWNS = ['湖塘镇', '牛塘镇', '洛阳镇', '遥观镇', '雪堰镇'];
const UNITS = ['区住建局', '区交通局', '区工信局', '区水利局', '区教育局', '区卫健局'];

function thirtyProjects(): ProjectExportRow[] {
  return Array.from({ length: 30 }, (_, i) => ({
    seq: String(i + 1),
    code: i % 3 === 0 ? null : `2026-320412-48-01-${String(i + 1).padStart(6, '0')}`,
    name: `示例项目${i + 1}号`,
    category: i < 15 ? '产业' : '基础设施',
    nature: i % 2 === 0 ? '新开工' : '续建',
    content: `建设内容${i + 1}，规模${(i + 1) * 1000}平方米`,
    totalWan: (i + 1) * 1234.5,
    annualPlanWan: (i + 1) * 300.25,
    years: { startYear: 2024 + (i % 3), endYear: 2026 + (i % 4) },
    leadUnit: UNITS[i % UNITS.length] ?? null,
    place: TOWNS[i % TOWNS.length] ?? null,
    owner: i % 5 === 0 ? null : `示例建设公司${i % 4}`,
  }));
}

describe('export in the same layout', () => {
  it('reads back a 30-row export exactly (title and 合计 rows skipped)', () => {
    const rows = thirtyProjects();
    const bytes = writeProjectSheet(rows, { title: '2027年重大项目清单' });
    const read = readProjectSheet(bytes);
    expect(read.errors).toEqual([]);
    expect(read.headerRows).toEqual([2]);
    expect(read.ignoredColumns).toEqual([]);
    expect(read.skipped).toEqual([{ row: 33, reason: 'total' }]);
    expect(read.importable).toHaveLength(30);
    expect(read.importable.map((r) => ({ ...r, row: undefined }))).toEqual(
      rows.map((r) => ({ ...r, row: undefined })),
    );
  });

  it('reads a 30-row office sheet with one faulty row as nothing importable', () => {
    const rows = thirtyProjects();
    const cells: SheetCell[][] = [HEADER];
    rows.forEach((r, i) =>
      cells.push([
        i + 1,
        r.code,
        r.name,
        r.content,
        r.totalWan,
        i === 17 ? '两千' : r.annualPlanWan,
        '2025-2027',
        r.leadUnit,
        r.place,
      ]),
    );
    const read = readProjectSheet(sheet(cells));
    expect(read.parsed).toHaveLength(30);
    expect(read.errors.map((e) => [e.row, e.column])).toEqual([[19, 'F']]);
    expect(read.importable).toEqual([]);
  });
});
