import { describe, expect, it } from 'vitest';
import { formatErrors } from './format-error.catalog.js';
import { isFormatError } from './format.error.js';
import type { FormatError } from './format.error.js';

describe('formatErrors', () => {
  const all: FormatError[] = [
    formatErrors.empty(),
    formatErrors.fileTooLarge(30 * 1024 * 1024, 20 * 1024 * 1024),
    formatErrors.expandsTooLarge(200 * 1024 * 1024, 'detail'),
    formatErrors.textTooLarge(200 * 1024 * 1024, 'detail'),
    formatErrors.binary(),
    formatErrors.corrupt('docx'),
    formatErrors.corrupt('pdf'),
    formatErrors.corrupt('text'),
    formatErrors.encrypted('docx'),
    formatErrors.encrypted('pdf'),
    formatErrors.legacyWord(),
    formatErrors.unsupported('RTF'),
    formatErrors.noText(),
  ];

  it('gives every error a Chinese and an English message saying what to do', () => {
    for (const error of all) {
      expect(error).toBeInstanceOf(Error);
      expect(isFormatError(error)).toBe(true);
      expect(error.name).toBe('FormatError');
      expect(error.messages.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.messages.zh).toMatch(/请/); // an instruction to the user
      expect(error.messages.en).toMatch(/;.+(upload|save|export|check|remove)/i);
    }
    expect(new Set(all.map((error) => error.code))).toEqual(
      new Set(['empty', 'too-large', 'binary', 'corrupt', 'encrypted', 'unsupported', 'no-text']),
    );
  });

  it('names sizes in MB and keeps the technical detail apart from the user message', () => {
    const error = formatErrors.fileTooLarge(30 * 1024 * 1024, 20 * 1024 * 1024);
    expect(error.messages.zh).toContain('30 MB');
    expect(error.messages.en).toContain('limit 20 MB');
    expect(error.detail).toBe(`${30 * 1024 * 1024} bytes > maxFileBytes ${20 * 1024 * 1024}`);
    expect(error.message).toContain(error.messages.en);
    expect(formatErrors.corrupt('docx', { cause: new Error('x') }).cause).toBeInstanceOf(Error);
  });
});
