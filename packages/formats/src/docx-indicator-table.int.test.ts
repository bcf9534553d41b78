import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { ingestText } from '@plantrack/core';
import { readDocx } from './docx.reader.js';

const cell = (text: string, options: { span?: number; merge?: 'restart' | 'continue' } = {}): TableCell =>
  new TableCell({
    children: [new Paragraph(text)],
    columnSpan: options.span ?? 1,
    verticalMerge:
      options.merge === 'restart'
        ? VerticalMergeType.RESTART
        : options.merge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
  });

const row = (...texts: string[]): TableRow => new TableRow({ children: texts.map((t) => cell(t)) });

/**
 * A Word table with a header of two rows: `序号`, `指标`, `单位`, `属性` merged down over both rows,
 * `“十五五”目标` spanning `2030年` and `年均［累计］`; a separate unit column; the attribute before the
 * target; a unit wrapped over two paragraphs.
 */
async function twoRowHeaderDocx(): Promise<Uint8Array> {
  const table = new Table({
    columnWidths: [800, 3000, 1200, 1000, 1200, 1500],
    rows: [
      new TableRow({
        children: [
          ...['序号', '指标', '单位', '属性'].map((t) => cell(t, { merge: 'restart' })),
          cell('“十五五”目标', { span: 2 }),
        ],
      }),
      new TableRow({
        children: [
          ...['', '', '', ''].map((t) => cell(t, { merge: 'continue' })),
          cell('2030年'),
          cell('年均［累计］'),
        ],
      }),
      row('1', '集装箱吞吐量', '万标箱', '预期性', '5000', '—'),
      row('2', '新增光伏装机容量', '万千瓦', '预期性', '—', '［120］'),
      new TableRow({
        children: [
          cell('3'),
          cell('生产安全事故死亡率'),
          new TableCell({ children: [new Paragraph('人/'), new Paragraph('百亿元')] }),
          cell('约束性'),
          cell('< 0.5'),
          cell('—'),
        ],
      }),
    ],
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('某区国民经济和社会发展第十五个五年规划纲要'),
          new Paragraph('第一章 发展目标'),
          new Paragraph('表1 主要指标'),
          table,
          new Paragraph('第二章 产业体系'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('a Word indicator table with two header rows and merged cells', () => {
  it('reads the sub-columns, the unit column and the attribute before the target', async () => {
    const text = readDocx(await twoRowHeaderDocx());
    const model = ingestText(text);
    expect(model.indicatorTable?.columns).toEqual(['序号', '指标', '单位', '属性', '2030年', '年均［累计］']);
    expect(
      model.indicators.map((i) => [i.seq, i.name, i.unit, i.attribute, i.target.text].join(' | ')),
    ).toEqual([
      '1 | 集装箱吞吐量 | 万标箱 | 预期性 | 5000',
      '2 | 新增光伏装机容量 | 万千瓦 | 预期性 | ［120］',
      '3 | 生产安全事故死亡率 | 人/百亿元 | 约束性 | < 0.5',
    ]);
  });
});
