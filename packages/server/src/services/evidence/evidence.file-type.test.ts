import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS, sanitizeFileName } from './evidence.file-type.js';

describe('sanitizeFileName', () => {
  it.each([
    // A right-to-left override made `报告\u202Egnp.pdf` display as `报告fdp.png`.
    ['报告\u202Egnp.pdf', '报告gnp.pdf'],
    ['\u202E.pdf', 'file.pdf'],
    ['invoice\u2067\u2066exe.pdf\u2069', 'invoiceexe.pdf'],
    ['a\u200Bb\u200Dc\uFEFF\u200E\u200F\u061C.txt', 'abc.txt'],
    ['line\nbreak\r\u0000\u0085\u2028.csv', 'linebreak.csv'],
    ['../../etc/统计公报.pdf', '统计公报.pdf'],
    ['C:\\x\\报表.xlsx', '报表.xlsx'],
    ['a\uFF0Fb\u2215c.PDF', 'a_b_c.pdf'],
    ['what?<>:"|*.png', 'what_______.png'],
    ['  two   spaces\u3000and\u00a0more .txt', 'two spaces and more.txt'],
    ['...hidden.txt', 'hidden.txt'],
    ['trailing dots...', 'trailing dots'],
    ['CON.txt', '_CON.txt'],
    ['', 'file'],
    ['\u202E\u200B', 'file'],
    // NFD (as macOS sends it) becomes NFC; Chinese stays, rare characters (Ext B, private use) too.
    ['Cafe\u0301 第十五个五年规划.docx', 'Café 第十五个五年规划.docx'],
    ['\u{20BB7}家村\uE816.pdf', '\u{20BB7}家村\uE816.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('keeps the extension when it cuts a long name, without splitting a character', () => {
    const long = `${'规'.repeat(150)}${'😀'.repeat(100)}.pdf`;
    const name = sanitizeFileName(long);
    expect([...name]).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('😀.pdf')).toBe(true);
    expect(name).not.toMatch(/\p{Cs}/u);
  });

  it('never leaves a control, format or separator character, nor a leading dot, in any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const name = sanitizeFileName(input);
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}/\\]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        expect(sanitizeFileName(name)).toBe(name);
      }),
    );
  });
});
