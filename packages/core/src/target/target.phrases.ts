import type { Comparator } from '../model/plan-model.schema.js';
import { candidatesAt, indexByFirstChar } from './word-index.js';

/**
 * Targets written as words rather than values: "set elsewhere" (`完成市定目标`) and "relative to another
 * measure" (`高于全市平均`, `与经济增长同步`). Both appear in the value column of indicator tables and must
 * be recognised (parsed: true) so that only truly unreadable cells are reported as unparsed.
 */

/** An external target: the value is set by another level of government. */
export type ExternalPhrase = { setBy: string };

/** A relative target: compared with `reference`, optionally by a margin (`高于全市平均2个百分点`). */
export type RelativePhrase = { op: Comparator; reference: string; rest: string };

/**
 * An external target by its parts, in writing order: an optional verb of fulfilment (`完成`, `达到`,
 * `落实`…), an optional `经`, the issuer (`国家`, `省`, `市`, `上级`…), a few words of procedure
 * (`审核衔接后`), the verb that sets the value (`下达`, `确定`, `考核`, `定`…) and what is set (`目标`,
 * `任务`, `要求`…, any number of them: `目标任务`). Procedure words are a few known ones, or up to eight
 * characters ending in `后`, so that `市场监管要求` is not read as `市` + `场监管` + `要求`.
 */
const EXTERNAL_RE =
  /^(?:完成|达到|满足|落实|实现|符合|执行|确保完成|确保达到)?(?:经)?(全国|全市|全省|市级|省级|市里|省里|市|省|国家|中央|上级)(?:[^\d,，;；。]{1,8}?后|统一|审核|衔接|审核衔接|分解|每年|年度)?(?:下达|确定|考核|核定|分解|规定|审定|制定|要求|定)(?:的)?(?:约束性|预期性|年度)?(?:目标|任务|要求|指标|标准|值)*$/;

const SET_BY: Readonly<Record<string, string>> = {
  全市: '市',
  市级: '市',
  市里: '市',
  省里: '省',
  全国: '国家',
  市: '市',
  全省: '省',
  省级: '省',
  省: '省',
  国家: '国家',
  中央: '国家',
  上级: '上级',
};

/**
 * Recognises `完成市定目标`, `完成省下达目标任务`, `达到国家考核要求`, `完成上级下达任务`,
 * `完成经国家审核衔接后确定的目标`. `setBy` is normalised to `市`, `省`, `国家` or `上级`.
 */
export function matchExternal(text: string): ExternalPhrase | null {
  const m = EXTERNAL_RE.exec(text);
  if (!m) return null;
  return { setBy: SET_BY[m[1] ?? ''] ?? m[1] ?? '' };
}

const COMPARE_WORDS: ReadonlyArray<readonly [string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['略高于', '>'],
  ['略低于', '<'],
  ['高于', '>'],
  ['快于', '>'],
  ['优于', '>'],
  ['好于', '>'],
  ['超过', '>'],
  ['大于', '>'],
  ['低于', '<'],
  ['慢于', '<'],
  ['小于', '<'],
];

const COMPARE_INDEX = indexByFirstChar(COMPARE_WORDS, ([w]) => w);
const COMPARE_AFTER_RE = /^[<>≥≤~约]/;
const DIGIT_RE = /\d/;
const TRAILING_LEVEL_RE = /(?:的)?水平$/;
const TRAILING_OF_RE = /的$/;

const STEP_RE =
  /^(?:与|和|同|跟)(.{1,30}?)(基本)?(?:保持)?(?:同步|持平|相当|一致|相适应|相匹配)(?:增长|提高|提升)?$/;
const NUMBER_START_RE = /^[-+]?[\d零〇一二两三四五六七八九十百千]/;

/**
 * Recognises relative targets. `rest` is whatever follows the reference when it ends in a value
 * (`2个百分点` in `高于全市平均2个百分点`), for the caller to read as the margin. Returns null when a
 * comparator is directly followed by a number: `高于5%` is an absolute target, not a relative one.
 * A trailing `水平` is dropped from the reference (`全市平均水平` → `全市平均`).
 */
export function matchRelative(text: string): RelativePhrase | null {
  const step = STEP_RE.exec(text);
  if (step) {
    const reference = cleanReference(step[1] ?? '');
    if (reference.length === 0) return null;
    return { op: step[2] ? '~' : '=', reference, rest: '' };
  }
  for (const [word, op] of candidatesAt(COMPARE_INDEX, text)) {
    if (!text.startsWith(word)) continue;
    const after = text.slice(word.length);
    if (after.length === 0 || NUMBER_START_RE.test(after) || COMPARE_AFTER_RE.test(after)) return null;
    const digit = after.search(DIGIT_RE);
    const referenceText = digit < 0 ? after : after.slice(0, digit);
    const reference = cleanReference(referenceText);
    if (reference.length === 0) return null;
    return { op, reference, rest: digit < 0 ? '' : after.slice(digit) };
  }
  return null;
}

function cleanReference(text: string): string {
  return text.replace(TRAILING_LEVEL_RE, '').replace(TRAILING_OF_RE, '');
}
