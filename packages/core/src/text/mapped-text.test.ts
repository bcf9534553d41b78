import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MappedText } from './mapped-text.js';

describe('MappedText keeps every character tied to its source offset', () => {
  const source = 'AB[bookmark: x]CD  EF';
  const text = MappedText.fromSource(source, 100);

  test('removing markers keeps offsets of what remains', () => {
    const cleaned = text.remove(/\[bookmark:[^\]]*\]/g);
    expect(cleaned.text).toBe('ABCD  EF');
    expect(cleaned.sourceRange(2, 4)).toEqual({ start: 115, end: 117 }); // "CD"
  });

  test('concatenation with a separator maps the separator to the character before it', () => {
    const joined = MappedText.concat(
      [MappedText.fromSource('甲乙', 0), MappedText.fromSource('丙', 10)],
      '\n',
    );
    expect(joined.text).toBe('甲乙\n丙');
    expect(joined.sourceRange(0, 4)).toEqual({ start: 0, end: 11 });
    expect(joined.sourceRange(3, 4)).toEqual({ start: 10, end: 11 });
  });

  test('trim and slice', () => {
    const padded = MappedText.fromSource('  规划  ', 7).trim();
    expect(padded.text).toBe('规划');
    expect(padded.sourceRange()).toEqual({ start: 9, end: 11 });
  });

  test('property: after any removal, each kept character maps to the same character in the source', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 3 }), (body, drop) => {
        const original = MappedText.fromSource(body, 0);
        const escaped = drop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const kept = original.remove(new RegExp(escaped, 'g'));
        for (let i = 0; i < kept.length; i++) {
          expect(body[kept.sourceRange(i, i + 1).start]).toBe(kept.text[i]);
        }
      }),
    );
  });
});
