import { describe, expect, it } from 'vitest';
import { groupPlacedLines } from './pdf-lines.js';
import type { PlacedLine, PlacedText } from './pdf-lines.js';
import { findPdfTables, tableLayout } from './pdf-table.js';

/** A run of `text` at (x, y), size 10, 10 points per CJK character and 6 per Latin one. */
function run(text: string, x: number, y: number): PlacedText {
  const width = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) >= 0x2e80 ? 10 : 6), 0);
  return { text, x, y, width, size: 10 };
}

/** Lines of one page from rows of [x, text] cells, 14 points apart from the top. */
function page(rows: readonly (readonly [number, string][])[], number = 1, top = 700): PlacedLine[] {
  const items = rows.flatMap((cells, i) => cells.map(([x, text]) => run(text, x, top - 14 * i)));
  return groupPlacedLines(items, number);
}

// Columns of a small indicator table: 类别 at 80, 序号 at 150, 指标名称 at 200 (80 wide), 目标 at 300 (60 wide).
const HEADER: [number, string][] = [
  [80, '类别'],
  [150, '序号'],
  [200, '指标名称'],
  [300, '目标值'],
];

describe('findPdfTables', () => {
  it('rebuilds rows and columns: wrapped names join, a short line ends a paragraph of its cell', () => {
    const lines = page([
      [[80, '本段正文说明规划的总体要求和主要任务安排。']],
      HEADER,
      [
        [80, '经济'],
        [150, '1'],
        [200, '地区生产总值增'],
        [300, '6左右'],
      ],
      [
        [80, '发展'],
        [200, '长（%）'],
        [300, '（年均）'],
      ],
      [
        [150, '2'],
        [200, '研发投入（亿元）'],
        [300, '完成省定目标'],
      ],
      [[80, '正文继续写明各项指标的落实要求和责任分工。']],
    ]);
    const [table, ...others] = findPdfTables(lines);
    expect(others).toEqual([]);
    expect(table?.start).toBe(1);
    expect(table?.end).toBe(5);
    expect(table?.rows).toEqual([
      [['类别'], ['序号'], ['指标名称'], ['目标值']],
      [['经济发展'], ['1'], ['地区生产总值增长（%）'], ['6左右', '（年均）']],
      [[], ['2'], ['研发投入（亿元）'], ['完成省定目标']],
    ]);
  });

  it('splits a cell written side by side into a parent and its sub-indicators, with a sub-row', () => {
    const lines = page([
      HEADER,
      [
        [150, '1'],
        [200, '每千人'],
        [240, '医师数'],
        [300, '3.7'],
      ],
      [
        [200, '医护数'],
        [240, '（人）'],
      ],
      [
        [240, '护士数'],
        [300, '3.9'],
      ],
      [
        [150, '2'],
        [200, '床位数（张）'],
        [300, '75'],
      ],
    ]);
    expect(findPdfTables(lines)[0]?.rows).toEqual([
      [['类别'], ['序号'], ['指标名称'], ['目标值']],
      [[], ['1'], ['每千人医护数'], ['医师数（人）'], ['3.7']],
      [[], [], [], ['护士数'], ['3.9']],
      [[], ['2'], ['床位数（张）'], ['75']],
    ]);
  });

  it('continues a table across a page break', () => {
    const first = page([
      HEADER,
      [
        [150, '1'],
        [200, '常住人口（万人）'],
        [300, '160'],
      ],
    ]);
    const second = page(
      [
        [
          [150, '2'],
          [200, '城镇化率（%）'],
          [300, '80'],
        ],
        [[80, '下一页的正文段落从左边界写到右边界。']],
      ],
      2,
    );
    const tables = findPdfTables([...first, ...second]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.end).toBe(3);
    expect(tables[0]?.rows.map((row) => row[1])).toEqual([['序号'], ['1'], ['2']]);
  });

  it('reads rows without a 序号 column: a full line or a bracket continues its cell, a short one ends it', () => {
    const lines = page([
      [
        [80, '领域'],
        [150, '指标'],
        [300, '目标值'],
      ],
      [
        [80, '创新'],
        [150, '专利数（件）'],
        [300, '50'],
      ],
      [
        [80, '民生'],
        [150, '城镇新增就业人'],
        [300, '11'],
      ],
      [
        [150, '数（万人）'],
        [300, '（累计）'],
      ],
    ]);
    expect(findPdfTables(lines)[0]?.rows).toEqual([
      [['领域'], ['指标'], ['目标值']],
      [['创新'], ['专利数（件）'], ['50']],
      [['民生'], ['城镇新增就业人数（万人）'], ['11', '（累计）']],
    ]);
  });

  it('finds no table in two-column text (a contents page) or in body text', () => {
    const lines = page([
      [
        [80, '第一章 发展基础'],
        [400, '1'],
      ],
      [
        [80, '第二章 总体要求'],
        [400, '5'],
      ],
      [[80, '坚持稳中求进工作总基调，推动高质量发展。']],
    ]);
    expect(findPdfTables(lines)).toEqual([]);
  });

  it('writes rows as tab-indented cells, each row closed by a blank line', () => {
    expect(
      tableLayout([
        [['序号'], ['指标']],
        [['1'], ['6左右', '（年均）'], []],
      ]),
    ).toEqual(['', '\t序号', '\t指标', '', '\t1', '\t6左右', '（年均）', '\t', '']);
  });
});

describe('findPdfTables at a page break', () => {
  it('skips the page numbers and the header row repeated on the next page', () => {
    const first = [
      ...page([
        HEADER,
        [
          [150, '1'],
          [200, '常住人口（万人）'],
          [300, '160'],
        ],
      ]),
      ...page([[[250, '- 22 -']]], 1, 60),
    ];
    const second = page(
      [
        HEADER,
        [
          [150, '2'],
          [200, '城镇化率（%）'],
          [300, '80'],
        ],
      ],
      2,
    );
    const tables = findPdfTables([...first, ...second]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.end).toBe(5);
    expect(tables[0]?.rows.map((row) => row.flat())).toEqual([
      ['类别', '序号', '指标名称', '目标值'],
      ['1', '常住人口（万人）', '160'],
      ['2', '城镇化率（%）', '80'],
    ]);
  });
});

describe('findPdfTables with vertically centred cells', () => {
  /** Lines from [x, y, text] runs (size 10): each run at its own baseline, as a PDF places them. */
  const at = (runs: readonly (readonly [number, number, string])[]): PlacedLine[] =>
    groupPlacedLines(runs.map(([x, y, text]) => run(text, x, y)));

  it('gives a wrapped name whose first line stands above its row number to that row', () => {
    // Row 1's name has two lines centred on the row: one above the number's line, one below it.
    const lines = at([
      ...HEADER.map(([x, text]) => [x, 700, text] as const),
      [200, 686, '地区生产总值年'],
      [80, 679, '经济'],
      [150, 679, '1'],
      [300, 679, '5左右'],
      [200, 672, '均增长（%）'],
      [150, 658, '2'],
      [200, 658, '研发投入（亿元）'],
      [300, 658, '3.5'],
    ]);
    expect(findPdfTables(lines)[0]?.rows).toEqual([
      [['类别'], ['序号'], ['指标名称'], ['目标值']],
      [['经济'], ['1'], ['地区生产总值年均增长（%）'], ['5左右']],
      [[], ['2'], ['研发投入（亿元）'], ['3.5']],
    ]);
  });

  it('takes a header cell standing alone above the header line into the header, not the caption', () => {
    const lines = at([
      [80, 728, '表1 主要指标'],
      [300, 714, '规划目标'],
      ...HEADER.map(([x, text]) => [x, 700, text] as const),
      [150, 686, '1'],
      [200, 686, '常住人口（万人）'],
      [300, 686, '160'],
      [150, 672, '2'],
      [200, 672, '城镇化率（%）'],
      [300, 672, '80'],
    ]);
    const [table] = findPdfTables(lines);
    expect(table?.start).toBe(1);
    expect(table?.rows[0]?.map((cell) => cell.join(''))).toEqual([
      '类别',
      '序号',
      '指标名称',
      '规划目标目标值',
    ]);
    expect(table?.rows.slice(1).map((row) => row.flat())).toEqual([
      ['1', '常住人口（万人）', '160'],
      ['2', '城镇化率（%）', '80'],
    ]);
  });
});
