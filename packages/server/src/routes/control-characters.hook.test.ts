import { describe, expect, it } from 'vitest';
import { findControlCharacter } from './control-characters.hook.js';

describe('findControlCharacter', () => {
  it('refuses C0 controls except tab, LF and CR, and DEL; accepts everything else', () => {
    const allowed = new Set([0x09, 0x0a, 0x0d]);
    for (let cp = 0; cp <= 0xff; cp += 1) {
      const refused = (cp < 0x20 && !allowed.has(cp)) || cp === 0x7f;
      const found = findControlCharacter({ text: `前${String.fromCodePoint(cp)}后` }, 'body');
      expect(found, `U+${cp.toString(16)}`).toEqual(refused ? { path: 'body/text', codePoint: cp } : null);
    }
    expect(findControlCharacter('规划纲要\u2028\u{1F600}\u00a0', 'body')).toBeNull();
  });

  it('reports the first offending value in document order, keys included', () => {
    const nul = String.fromCharCode(0);
    const bell = String.fromCharCode(7);
    expect(findControlCharacter({ a: ['ok', `x${bell}`], b: `y${nul}` }, 'body')).toEqual({
      path: 'body/a/1',
      codePoint: 7,
    });
    expect(findControlCharacter({ [`k${nul}`]: 'v' }, 'querystring')).toEqual({
      path: `querystring/k${nul}`,
      codePoint: 0,
    });
    expect(findControlCharacter(undefined, 'body')).toBeNull();
    expect(findControlCharacter({ n: 1, t: true, z: null }, 'body')).toBeNull();
  });

  it('walks any nesting depth without overflowing the stack, and skips raw bytes', () => {
    let deep: unknown = `end${String.fromCharCode(0)}`;
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findControlCharacter(deep, 'body')?.codePoint).toBe(0);
    expect(findControlCharacter(Buffer.from([0, 1, 2]), 'body')).toBeNull();
  });
});
