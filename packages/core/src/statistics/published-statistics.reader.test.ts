import { describe, expect, it } from 'vitest';
import { readMarkdownTables } from './markdown-tables.reader.js';
import { readPublishedStatistics, scopeOf } from './published-statistics.reader.js';

// Synthetic tables in the layout of the published-statistics file; the figures are made up.
const TEXT = [
  '# 示例',
  '',
  '## 2. 一般公共预算收入',
  '',
  '| 年份 | 口径 | 收入 | 增速 | 来源 |',
  '|---|---|---|---|---|',
  '| 2030 | 全区 | 100.5 亿元 | +6.1% | 公报 A |',
  '| 2030 | 不含经开区 | 80 亿元 | — | 同上 |',
  '| 2031 | 未注明 | 90 亿元（另一处预计 91 亿元） | — | 报道 B |',
  '| 2031 年 1-9 月 | 全区 | 70 亿元 | — | 报道 C |',
  '',
  '## 4. 其他',
  '',
  '| 年份 | 指标 | 数值 | 范围 | 来源 |',
  '|---|---|---|---|---|',
  '| 2030 | 某镇 GDP | 10 亿元 | 仅某镇 | 报道 D |',
  '| 2030 | 净增企业 | 12 家 | 武进（不含经开区，报道未注明） | 报道 E |',
].join('\n');

describe('readMarkdownTables', () => {
  it('reads each table under its heading with line numbers', () => {
    const tables = readMarkdownTables(TEXT);
    expect(tables.map((t) => t.heading)).toEqual(['2. 一般公共预算收入', '4. 其他']);
    expect(tables[0]?.columns).toEqual(['年份', '口径', '收入', '增速', '来源']);
    expect(tables[0]?.rows[0]).toEqual({ line: 7, cells: ['2030', '全区', '100.5 亿元', '+6.1%', '公报 A'] });
  });

  it('keeps an escaped pipe inside a cell', () => {
    const [table] = readMarkdownTables('| a | b |\n|---|---|\n| x \\| y | z |');
    expect(table?.rows[0]?.cells).toEqual(['x | y', 'z']);
  });
});

describe('readPublishedStatistics', () => {
  const { figures, skipped } = readPublishedStatistics(TEXT);

  it('reads one figure per measure column, scope and source resolved, nothing converted', () => {
    expect(figures.filter((f) => f.line === 7)).toEqual([
      expect.objectContaining({ measure: '一般公共预算收入', year: 2030, value: 100.5, unit: '亿元' }),
      expect.objectContaining({
        measure: '一般公共预算收入增长',
        value: 6.1,
        unit: '%',
        scope: '含常州经开区',
      }),
    ]);
    expect(figures.find((f) => f.line === 8)).toMatchObject({
      value: 80,
      scope: '不含常州经开区',
      scopeText: '不含经开区',
      source: '公报 A',
    });
  });

  it('skips cells that are not exactly one figure, partial years and parts of the district', () => {
    const reasons = skipped.map((s) => `${s.line} ${s.measure}: ${s.reason.zh}`);
    expect(reasons).toContain('9 一般公共预算收入: “90 亿元（另一处预计 91 亿元）”不是单一确切数值');
    expect(reasons).toContain('8 一般公共预算收入增长: 没有数值');
    expect(reasons.some((r) => r.startsWith('10 一般公共预算收入: 期间'))).toBe(true);
    expect(reasons).toContain('16 某镇 GDP: 只涉及区内一部分（仅某镇）');
    expect(figures.find((f) => f.line === 17)).toMatchObject({ measure: '净增企业', scope: '未注明' });
  });

  it('keeps hedged scopes unstated', () => {
    expect(scopeOf('全区（推测）')).toBe('未注明');
    expect(scopeOf('未注明（应为含经开区）')).toBe('未注明');
    expect(scopeOf('含经开区')).toBe('含常州经开区');
    expect(scopeOf('全区（含经开区）')).toBe('含常州经开区');
    expect(scopeOf('不含经开区（“武进”）')).toBe('不含常州经开区');
  });
});
