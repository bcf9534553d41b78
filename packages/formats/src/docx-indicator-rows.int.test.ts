import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { ingestText } from '@plantrack/core';
import { readDocument } from './document.reader.js';

/**
 * Indicator tables written in Word with merged cells: a group label in a row merged across the
 * table, a parent name merged over its two measures, an attribute cell merged down over rows.
 */
type Cell = string | { text: string; columnSpan?: number; rowSpan?: number };

function row(...cells: Cell[]): TableRow {
  return new TableRow({
    children: cells.map((cell) =>
      typeof cell === 'string'
        ? new TableCell({ children: [new Paragraph(cell)] })
        : new TableCell({
            children: cell.text.split('\n').map((line) => new Paragraph(line)),
            ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
            ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
          }),
    ),
  });
}

async function ingestDocx(table: Table) {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('某市国民经济和社会发展第十五个五年规划纲要'),
          new Paragraph('表1 主要指标'),
          table,
          new Paragraph('在此基础上再奋斗五年。'),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  const { text } = await readDocument(bytes, 'outline.docx');
  return ingestText(text).indicators;
}

describe('Word indicator tables with merged cells', () => {
  it('reads group rows, a parent over two measures and merged attribute cells', async () => {
    const indicators = await ingestDocx(
      new Table({
        columnWidths: [800, 2000, 2000, 1500, 1200],
        rows: [
          row('序号', { text: '指标', columnSpan: 2 }, '2030年目标', '属性'),
          row({ text: '一、民生福祉', columnSpan: 5 }),
          row('1', { text: '人均预期寿命（岁）', columnSpan: 2 }, '82', '预期性'),
          row({ text: '2', rowSpan: 2 }, { text: '每千人口卫生人员数', rowSpan: 2 }, '医生数（人）', '3.5', {
            text: '预期性',
            rowSpan: 2,
          }),
          row('护士数（人）', '4.0'),
          row({ text: '二、绿色低碳', columnSpan: 5 }),
          row('3', { text: '森林覆盖率（%）', columnSpan: 2 }, '25', { text: '约束性', rowSpan: 2 }),
          row('4', { text: '地表水优良水体比例（%）', columnSpan: 2 }, '90'),
        ],
      }),
    );
    expect(indicators.map((i) => [i.seq, i.group, i.name, i.parent, i.target.text, i.attribute])).toEqual([
      ['1', '民生福祉', '人均预期寿命', null, '82', '预期性'],
      ['2.1', '民生福祉', '医生数', '每千人口卫生人员数', '3.5', '预期性'],
      ['2.2', '民生福祉', '护士数', '每千人口卫生人员数', '4.0', '预期性'],
      ['3', '绿色低碳', '森林覆盖率', null, '25', '约束性'],
      ['4', '绿色低碳', '地表水优良水体比例', null, '90', '约束性'],
    ]);
  });

  it('reads a group label stacked over lines with its item count in a merged first column', async () => {
    const indicators = await ingestDocx(
      new Table({
        columnWidths: [1200, 800, 2800, 1500, 1200],
        rows: [
          row('类别', '序号', '指标', '2030年目标', '属性'),
          row({ text: '经济\n发展\n（2项）', rowSpan: 2 }, '1', '地区生产总值增长（%）', '5左右', '预期性'),
          row('2', '服务业增加值占比（%）', '55', '预期性'),
          row('民生（1项）', '3', '人均预期寿命（岁）', '82', '预期性'),
        ],
      }),
    );
    expect(indicators.map((i) => [i.seq, i.group, i.name])).toEqual([
      ['1', '经济发展', '地区生产总值增长'],
      ['2', '经济发展', '服务业增加值占比'],
      ['3', '民生', '人均预期寿命'],
    ]);
  });
});
