import type { BilingualMessage } from '../model/plan-model.schema.js';

/** Length of a 项目代码 (GB/T 40058-2021, as issued by the investment approval platform). */
export const PROJECT_CODE_LENGTH = 24;

/**
 * Characters a printed code is made of: digits, capital Latin letters and the hyphen. The standard's
 * inner segments are not checked here (only the length and the character set are); what this
 * catches is what copying from a document breaks: full-width forms, Chinese characters, spaces,
 * lower case, a dropped or doubled character.
 */
const CODE_CHAR = /^[0-9A-Z-]$/;

export type ProjectCodeProblem = {
  position: number | null;
  character: string | null;
  message: BilingualMessage;
};

function fullWidthHint(ch: string): { zh: string; en: string } {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) {
    const half = String.fromCodePoint(code - 0xfee0);
    return { zh: `（全角字符，应为半角“${half}”）`, en: ` (full-width; use "${half}")` };
  }
  if (/^[a-z]$/.test(ch))
    return { zh: `（应为大写“${ch.toUpperCase()}”）`, en: ` (use capital "${ch.toUpperCase()}")` };
  if (/^\s$/.test(ch)) return { zh: '（空白字符）', en: ' (whitespace)' };
  return { zh: '', en: '' };
}

/**
 * Checks a 项目代码 (surrounding whitespace ignored). Returns the problems, first by length, then
 * each wrong character by its 1-based position; empty when the code is well formed.
 */
export function checkProjectCode(raw: string): ProjectCodeProblem[] {
  const code = raw.trim();
  const chars = Array.from(code);
  const problems: ProjectCodeProblem[] = [];
  if (chars.length !== PROJECT_CODE_LENGTH) {
    problems.push({
      position: null,
      character: null,
      message: {
        zh: `项目代码应为${PROJECT_CODE_LENGTH}位，实为${chars.length}位：${code}`,
        en: `A project code has ${PROJECT_CODE_LENGTH} characters; this one has ${chars.length}: ${code}`,
      },
    });
  }
  chars.forEach((ch, i) => {
    if (CODE_CHAR.test(ch)) return;
    const hint = fullWidthHint(ch);
    problems.push({
      position: i + 1,
      character: ch,
      message: {
        zh: `项目代码第${i + 1}位“${ch}”不是有效字符${hint.zh}（只能是数字、大写字母或“-”）`,
        en: `Project code position ${i + 1}: "${ch}" is not allowed${hint.en} (digits, capital letters or "-" only)`,
      },
    });
  });
  return problems;
}
