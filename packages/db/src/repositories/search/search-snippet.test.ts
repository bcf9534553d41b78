import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippet, excerpt, foldChars } from './search-snippet.js';

describe('buildSnippet', () => {
  it('marks every hit inside a window around the first one', () => {
    const text = '深化国资国企改革。由区财政局（国资办）牵头，推进国资国企布局优化。';
    expect(buildSnippet(text, ['国资国企'])).toBe(
      '深化【国资国企】改革。由区财政局（国资办）牵头，推进【国资国企】布局优化。',
    );
  });

  it('cuts long text with ellipses and never splits a character', () => {
    const text = `${'甲'.repeat(50)}人才${'乙'.repeat(100)}`;
    const snippet = buildSnippet(text, ['人才'], { width: 30, before: 10 });
    expect(snippet).toBe(`…${'甲'.repeat(10)}【人才】${'乙'.repeat(18)}…`);
  });

  it('folds Latin case, joins lines and escapes HTML', () => {
    expect(buildSnippet('GDP <增长>\n率', ['gdp'], { marks: 'html' })).toBe(
      '<mark>GDP</mark> &lt;增长&gt; 率',
    );
  });

  it('prefers the longest term at a position and returns null without a hit', () => {
    expect(buildSnippet('国资国企改革', ['国资', '国资国企'])).toBe('【国资国企】改革');
    expect(buildSnippet('国资国企改革', ['人才'])).toBeNull();
  });

  it('gives the same excerpt from the part around the first hit as from the whole text', () => {
    const unit = fc.constantFrom('人', '才', '国', '企', 'a', 'A', ' ', '𠮷', 'Σ', 'ς', 'σ');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 600 }),
        fc.array(fc.constantFrom('人才', '国', 'a', '𠮷国', 'σ'), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (text, terms, width, before) => {
          const whole = excerpt({ text, cutBefore: false, cutAfter: false }, terms, { width, before });
          return buildSnippet(text, terms, { width, before }) === whole;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the text: removing the marks and ellipses gives a piece of the original', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('人', '才', '国', '企', 'a', ' ') }),
        fc.constantFrom('人才', '国', 'a'),
        (text, term) => {
          const snippet = buildSnippet(text, [term], { width: 12, before: 4 });
          if (snippet === null) return !text.includes(term);
          const plain = snippet.replace(/[【】]/g, '').replace(/^…|…$/g, '');
          return text.includes(plain) && snippet.includes(`【${term}】`);
        },
      ),
    );
  });

  it('folds a whole text exactly as character by character', () => {
    const byCharacter = (text: string) =>
      [...text].map((c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c));
    // Capitals whose lower case is longer (İ), context-dependent (Σ), astral (𐐀), title case (ǅ).
    const unit = fc.oneof(
      fc.constantFrom('İ', 'Σ', 'ς', '𐐀', 'ǅ', 'ẞ', 'A', '国', ' '),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(foldChars(text, [...text])).toEqual(byCharacter(text));
      }),
      { numRuns: 2000 },
    );
  });
});
