import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { ingestText } from '@plantrack/core';
import { readDocx } from './docx.reader.js';

const cell = (text: string, merge?: 'restart' | 'continue'): TableCell =>
  new TableCell({
    children: [new Paragraph(text)],
    verticalMerge:
      merge === 'restart'
        ? VerticalMergeType.RESTART
        : merge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
  });
const row = (...cells: (string | TableCell)[]): TableRow =>
  new TableRow({ children: cells.map((c) => (typeof c === 'string' ? cell(c) : c)) });

/**
 * Two synthetic Word tables: first the previous plan's results (十四五 完成情况), then the plan's
 * targets, whose rows carry no 序号 column — the number is written in the name cell (`1. …`) — and
 * whose group column is merged down over its rows.
 */
async function twoTablesDocx(): Promise<Uint8Array> {
  const results = new Table({
    rows: [
      row('序号', '指标', '2020年', '2025年目标', '2025年完成', '属性'),
      row('1', '示例地区生产总值年均增长（%）', '—', '6', '5.8', '预期性'),
      row('2', '示例森林覆盖率（%）', '28', '30', '30.2', '约束性'),
    ],
  });
  const targets = new Table({
    rows: [
      row('类别', '指标', '2025年', '2030年目标', '属性'),
      row(cell('经济发展', 'restart'), '1. 示例研发经费投入强度（%）', '3.1', '3.5', '预期性'),
      row(cell('', 'continue'), '2. 示例数字经济增加值占比（%）', '40', '＞45', '预期性'),
      row(cell('绿色低碳', 'restart'), '3. 示例新增造林面积（公顷）', '—', '［1200］', '约束性'),
    ],
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('某区国民经济和社会发展第十五个五年规划纲要'),
          new Paragraph('第一章 发展基础'),
          new Paragraph('表1 “十四五”规划主要指标完成情况'),
          results,
          new Paragraph('第二章 发展目标'),
          new Paragraph('表2 “十五五”经济社会发展主要指标'),
          targets,
          new Paragraph('第三章 产业体系'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('two Word indicator tables, the previous plan results first', () => {
  it('reads both with their roles; the targets table has its number in the name cell', async () => {
    const model = ingestText(readDocx(await twoTablesDocx()));
    expect(model.indicatorTables.map((t) => [t.role, t.caption, t.indicators.length])).toEqual([
      ['previous-results', '表1 “十四五”规划主要指标完成情况', 2],
      ['plan-targets', '表2 “十五五”经济社会发展主要指标', 3],
    ]);
    expect(model.indicatorTable?.caption).toBe('表2 “十五五”经济社会发展主要指标');
    expect(
      model.indicators.map((i) =>
        [i.seq, i.group, i.name, i.unit, i.baseline?.text, i.target.text, i.attribute].join(' | '),
      ),
    ).toEqual([
      '1 | 经济发展 | 示例研发经费投入强度 | % | 3.1 | 3.5 | 预期性',
      '2 | 经济发展 | 示例数字经济增加值占比 | % | 40 | ＞45 | 预期性',
      '3 | 绿色低碳 | 示例新增造林面积 | 公顷 | — | ［1200］ | 约束性',
    ]);
  });
});
