import { describe, expect, it } from 'vitest';
import { SourceText } from '../text/source-text.js';
import { detectLayout } from './layout.js';
import { prepareLines } from './prepared-line.js';

function layoutOf(text: string): string {
  return detectLayout(text, prepareLines(new SourceText(text)));
}

/** 30 lines hard-wrapped at one column width, as text extracted from a PDF. */
const WRAPPED = Array.from(
  { length: 30 },
  (_, i) => `第${String(i).padStart(2, '0')}行坚持稳中求进工作总基调推动经济实现质的有效提升`,
);

describe('detectLayout', () => {
  it('takes hard-wrapped text for PDF text even with note markers and tab-indented table cells', () => {
    const cells = ['', '\t序号', '\t指标名称', '\t目标', '', '\t1', '\t地区生产总值增长（%）', '\t6', ''];
    const text = [
      `${WRAPPED[0] ?? ''}[footnoteRef:0] [0:  含开发区。]`,
      ...WRAPPED.slice(1),
      ...cells,
      ...cells.slice(5),
    ].join('\n');
    expect(layoutOf(text)).toBe('pdf-text');
  });

  it('takes note markers or tab-indented cells in unwrapped text for a Word export', () => {
    const paragraphs = ['第一章 发展基础', '坚持创新驱动。', '推进改革开放，扩大内需。'];
    expect(layoutOf([...paragraphs, '正文[footnoteRef:0] [0:  注释。]'].join('\n'))).toBe('word-text');
    const cells = Array.from({ length: 8 }, (_, i) => `\t${i}`);
    expect(layoutOf([...paragraphs, '', ...cells].join('\n'))).toBe('word-text');
    expect(layoutOf(`[bookmark: _Toc1]${WRAPPED.join('\n')}`)).toBe('word-text');
  });
});
