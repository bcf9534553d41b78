import { describe, expect, it } from 'vitest';
import { type Mark, type Piece, findTerms, layoutMarks } from './highlight-layout';

const flat = (pieces: Piece[]): string =>
  pieces.map((p) => (p.type === 'text' ? p.text : `[${p.mark.kind}:${flat(p.children)}]`)).join('');

const mark = (kind: Mark['kind'], start: number, end: number): Mark => ({
  id: `${kind}${start}`,
  kind,
  start,
  end,
  ref: 0,
});

describe('layoutMarks', () => {
  const text = '到2030年，全区地区生产总值增幅高于全市平均。';

  it('nests contained marks and keeps the text intact', () => {
    const pieces = layoutMarks(text, 0, text.length, [mark('commitment', 0, 23), mark('hit', 9, 15)]);
    expect(flat(pieces)).toBe('[commitment:到2030年，全区[hit:地区生产总值]增幅高于全市平均]。');
  });

  it('splits crossing marks; only the first part is reachable', () => {
    const pieces = layoutMarks(text, 0, text.length, [mark('finding', 0, 10), mark('owner', 7, 14)]);
    expect(flat(pieces)).toBe('[finding:到2030年，[owner:全区地]][owner:区生产总]值增幅高于全市平均。');
    const parts = pieces.filter((p) => p.type === 'mark');
    expect(parts.map((p) => p.type === 'mark' && p.first)).toEqual([true, false]);
  });

  it('clips marks to the range shown', () => {
    expect(flat(layoutMarks(text, 9, 15, [mark('indicator', 0, 11)]))).toBe('[indicator:地区]生产总值');
  });
});

describe('findTerms', () => {
  it('finds every occurrence of each term, longest first, without overlaps', () => {
    const text = '推进新型工业化，新型工业化和新型城镇化';
    const hits = findTerms(text, 0, text.length, '新型 新型工业化');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['新型工业化', '新型工业化', '新型']);
    expect(hits.map((h) => h.ref)).toEqual([0, 1, 2]);
  });
});
