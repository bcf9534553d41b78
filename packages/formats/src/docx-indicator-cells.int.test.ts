import { ingestText } from '@plantrack/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal package without relationships: the reader falls back to word/document.xml. */
function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) });
}

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A cell; `merge` continues the cell above (`w:vMerge`), `restart` starts a vertical merge. */
const tc = (text: string, merge: 'restart' | 'continue' | null = null): string => {
  const properties =
    merge === null ? '' : `<w:tcPr><w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/></w:tcPr>`;
  return `<w:tc>${properties}${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
};
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;

describe('indicator table cells in a Word table', () => {
  it('reads several measures, prose baselines, note marks, bracketed and external targets', () => {
    const table =
      '<w:tbl>' +
      tr(tc('类别'), tc('序号'), tc('指标名称'), tc('2025年'), tc('2030年目标'), tc('属性')) +
      tr(
        tc('经济发展', 'restart'),
        tc('1'),
        tc('地区生产总值年均增长（%）'),
        tc('“十四五”年均增长5.5'),
        tc('“十五五”年均增长5左右'),
        tc('预期性'),
      ) +
      tr(
        tc('', 'continue'),
        tc('2'),
        tc('机场旅客吞吐量/货邮吞吐量（万人次/万吨）'),
        tc('5000/150'),
        tc('6000/180'),
        tc('预期性'),
      ) +
      tr(
        tc('绿色低碳', 'restart'),
        tc('3'),
        tc('森林覆盖率*（%）'),
        tc('30'),
        tc('【31左右】'),
        tc('约束性'),
      ) +
      tr(
        tc('', 'continue'),
        tc('4'),
        tc('单位地区生产总值能耗降低（%）'),
        tc('2021-2024年累计降低9.6'),
        tc('完成经国家审核衔接后确定的目标'),
        tc('约束性'),
      ) +
      '</w:tbl>';
    const body =
      p('某市国民经济和社会发展第十五个五年规划纲要') + p('主要指标') + table + p('注：带*的为约束性指标。');
    const indicators = ingestText(readDocx(docx(body))).indicators;
    expect(
      indicators.map((i) => [
        i.seq,
        i.group,
        i.name,
        i.unit,
        i.baseline?.value ?? null,
        i.target.kind,
        i.target.op,
        i.target.value,
        i.extra['注'] ?? null,
      ]),
    ).toEqual([
      ['1', '经济发展', '地区生产总值年均增长', '%', 5.5, 'rate', '~', 5, null],
      ['2.1', '经济发展', '机场旅客吞吐量', '万人次', 5000, 'absolute', '=', 6000, null],
      ['2.2', '经济发展', '货邮吞吐量', '万吨', 150, 'absolute', '=', 180, null],
      ['3', '绿色低碳', '森林覆盖率', '%', 30, 'cumulative', '~', 31, '*'],
      ['4', '绿色低碳', '单位地区生产总值能耗降低', '%', 9.6, 'external', null, null, null],
    ]);
    expect(indicators[4]?.target.setBy).toBe('国家');
    expect(indicators[4]?.baseline?.year).toBe(2024);
  });
});
