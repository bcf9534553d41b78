import type { Comparator, Target, TargetKind } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';
import { readNumberAt } from './number.reader.js';
import { readPeriodPrefix } from './period-prefix.reader.js';
import { matchExternal, matchRelative } from './target.phrases.js';
import {
  DECREASE_VERBS,
  INCREASE_VERBS,
  LEVEL_VERBS,
  PLACEHOLDER_RE,
  PREFIX_COMPARATORS,
  QUALITATIVE_RE,
  SUFFIX_COMPARATORS,
  UNIT_AT_START_RE,
} from './target.vocabulary.js';
import { candidatesAt, indexByFirstChar } from './word-index.js';
import type { WordIndex } from './word-index.js';

/** Context for reading one target value. */
export type TargetOptions = {
  /** Unit from the indicator's unit column or name (`%`, `万人`); used when the value itself has none. */
  unit?: string | null;
  /** Name of the indicator row: `年均增速`/`年均增长` in it make a plain value a rate, `累计` cumulative. */
  indicatorName?: string | null;
  /**
   * Words around the value: the clause before it in running text, or a column title such as
   * `年均/累计`; `年均`/`每年` (not `年均浓度`) make it a rate, `累计` cumulative.
   */
  context?: string | null;
};

/** Longer inputs are not a target cell or fragment; they are returned unparsed without being read. */
export const MAX_TARGET_TEXT_LENGTH = 400;

/**
 * Reads one target as written in an indicator table cell or a fragment of running text, e.g. `4以上`,
 * `11以上\n（累计）`, `26.5左右（含常州经开区）`, `4.5-5,努力争取更好结果`, `年均增长7%以上`,
 * `提高1个百分点以上`, `高于全市平均`, `完成市定目标`, `稳中有升`.
 *
 * Decisions worth knowing:
 * - `text` is always the exact input; parsing works on a half-width, whitespace-free copy, so PDF
 *   spacing (`提高 1 个百分点以上`) and full-width forms (`＞40`, `１２．５％`) read the same.
 * - `万`/`亿` stay in the unit as written (`138万人` → 138 `万人`); values are never rescaled.
 * - A placeholder cell (`—`, `-`, `/`, `…`) is a deliberate "no target": kind `qualitative`,
 *   `parsed: true`, value null, `qualifier` = the placeholder. An empty cell is `parsed: false`.
 * - Kind precedence for numbers: range > cumulative/rate (markers in the text first, then
 *   `options.unit`, `options.context`, `options.indicatorName`) > absolute. In the name only a growth
 *   `年均` counts (`年均增速` is a rate, `PM2.5年均浓度` is not); a column title such as `年均/累计`
 *   passed as `context` reads as the marker written first. Changes (`下降20%`) are
 *   `absolute` with `change` set; a rate worded with a verb (`年均下降2%`) also gets `change`.
 * - `qualifier` collects a leading hedge (`力争`), unknown bracket notes and trailing words, joined by `；`.
 * - Unreadable text gives kind `qualitative`, `parsed: false`. Never throws; inputs longer than
 *   {@link MAX_TARGET_TEXT_LENGTH} are not read at all, and every pattern used is linear.
 */
export function parseTarget(text: string, options: TargetOptions = {}): Target {
  return parseFoldedTarget(text, null, options);
}

/**
 * {@link parseTarget} for a caller that already holds `toHalfWidth(text)` — a slice of a folded
 * paragraph, say — so it is not folded again; with `folded` null the text is folded here.
 */
export function parseFoldedTarget(text: string, folded: string | null, options: TargetOptions = {}): Target {
  try {
    return readTarget(text, folded, options);
  } catch {
    return blankTarget(text);
  }
}

type Flags = {
  cumulative: boolean;
  rate: boolean;
  estimated: boolean;
  year: number | null;
  scope: string | null;
  notes: string[];
  bracketValue: string | null;
  /** The text inside the last square bracket that was neither a marker nor a plain value (`约350`). */
  bracketText: string | null;
};

const BRACKET_RE = /([([【〔])([^()[\]【】〔〕]{0,80})[)\]】〕]/g;
const ESTIMATE_MARK_RE = /[∗*※]|\(?(?:预计|预估|估计)\)?/g;
const SPLIT_RE = /[，;；。]|,(?!\d{3}(?!\d))/;
const HEDGE_RE = /^(?:力争|争取|努力|确保|力求|预期)/;
const YEAR_PREFIX_RE = /^((?:19|20)\d{2})年(?:底|末)?(?=[^\d年])/;
const CUMULATIVE_PREFIX_RE = /^(?:五年|期内|“十[一二三四五六七八九]五”期间)?累计/;
const BASELINE_RE =
  /^(?:比|较)(?:(?:19|20)\d{2}年(?:底|末)?)?[^\d]{0,12}?(?=提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|压减|削减|缩减|回落)/;
const RATE_PREFIX_RE =
  /^(?:年均|每年|平均每年)?(?:增速|增幅)(?:为|达到|达)?|^(?:年均|每年|平均每年|年)(?=增长|提高|提升|下降|降低|递增|递减|增加|减少|新增|增收)|^(?:年均|每年)/;
/** `年均` as a growth rate (`年均增速`, `年均增长`), not an average level (`年均浓度`). */
const GROWTH_RATE_RE =
  /(?:年均|每年|平均每年)(?:增长|增速|增幅|提高|提升|下降|降低|递增|递减|增加|减少|新增|增收)/;
const RANGE_SEP_RE = /^(?:-|~|〜|—|–|―|－|至|到)/;
const GENERIC_UNIT_RE = /^[^\d.以及左上下约,，~\-—–]{1,10}?(?=及以上|及以下|以上|以下|以内|左右|上下|$)/;
const SPACES_RE = /[\s\u200b-\u200d\ufeff]+/g;
/** Tested first: a global replace costs far more than a test, and most cells have no spaces. */
const SPACE_RE = /[\s\u200b-\u200d\ufeff]/;
const ESTIMATED_RE = /[∗*※]|预计|预估|估计/;
const TO_LEVEL_RE = /^(?:到|至)/;
const OVER_RE = /^(?:余|多)/;
const VALUE_START_RE = /^[-\d零〇一二两三四五六七八九十百千]/;
const LEVEL_VALUE_START_RE = /^[-\d零〇一二两三四五六七八九十百千<>=≥≤⩾⩽~超约近不低高大小少至突控]/;
const UNIT_NAME_RE = /\(([^()]{1,12})\)$/;
const BRACKET_CUMULATIVE_RE = /^累计(?:值|数)?$/;
const BRACKET_RATE_RE = /^年均(?:值)?$/;
const BRACKET_YEAR_RE = /^(?:19|20)\d{2}年?(?:底|末)?(?:数据|值|数)?$/;
const BRACKET_SCOPE_RE = /^(?:含|不含|包含|包括|不包括|其中)|口径/;
const BRACKET_VALUE_RE = /^[\d.,~\-—–]+$/;
const CHANGE_VERB_INDEX = indexByFirstChar([...INCREASE_VERBS, ...DECREASE_VERBS], (w) => w);
const LEVEL_VERB_INDEX = indexByFirstChar(LEVEL_VERBS, (w) => w);
const PREFIX_INDEX = indexByFirstChar(PREFIX_COMPARATORS, ([w]) => w);
const SUFFIX_INDEX = indexByFirstChar(SUFFIX_COMPARATORS, ([w]) => w);
const BRACKET_OPEN_RE = /[([【〔]/;
/** Superscript digits or circled numbers ending the text, not after a Latin letter (`m²`). */
const NOTE_MARK_RE = /(?:^|[^A-Za-z])([⁰¹²³⁴⁵⁶⁷⁸⁹\u2460-\u2473]+)$/;
/** Rate patterns for `options.unit`, `options.context` and `options.indicatorName`, in that order. */
const UNIT_RATE_RE = /年均|每年/;
const CONTEXT_RATE_RE = /年均(?!浓度|水平|值)|每年/;

function readTarget(text: string, folded: string | null, options: TargetOptions): Target {
  const target = blankTarget(text);
  if (text.length > MAX_TARGET_TEXT_LENGTH) return target;
  let s = folded ?? toHalfWidth(text);
  if (SPACE_RE.test(s)) s = s.replace(SPACES_RE, '');
  const flags: Flags = {
    cumulative: false,
    rate: false,
    estimated: false,
    year: null,
    scope: null,
    notes: [],
    bracketValue: null,
    bracketText: null,
  };
  // A note mark after the value (`85²`, `5左右①`) refers to the table's notes; not a unit (`m²` is).
  const noteMark = NOTE_MARK_RE.exec(s);
  if (noteMark) {
    flags.notes.push(noteMark[1] ?? '');
    s = s.slice(0, noteMark.index + (noteMark[0].length - (noteMark[1] ?? '').length));
  }
  // Estimate marks are only removed where the test found some: the same words, so the same result.
  if (ESTIMATED_RE.test(s)) {
    flags.estimated = true;
    s = s.replace(ESTIMATE_MARK_RE, '');
  }
  if (BRACKET_OPEN_RE.test(s)) {
    s = s.replace(BRACKET_RE, (_all, open: string, inner: string) => {
      readBracket(open, inner, flags);
      return '';
    });
  }
  target.estimated = flags.estimated;
  target.year = flags.year;
  target.scope = flags.scope;
  // A square bracket holding the whole cell is a cumulative value, whatever it says inside
  // (`[125]`, `【350左右】`, `[约350]`, `［完成国家审核衔接后确定的目标］`): read its content instead.
  const whole = flags.bracketValue ?? flags.bracketText;
  if (s.length === 0 && whole !== null) {
    s = whole;
    flags.notes = flags.notes.filter((note) => note !== whole);
    flags.cumulative = true;
  }
  if (s.length === 0) return withNotes(target, flags.notes, null);
  if (PLACEHOLDER_RE.test(s)) {
    return { ...withNotes(target, flags.notes, s), kind: 'qualitative', parsed: true };
  }
  const split = SPLIT_RE.exec(s);
  let head = split ? s.slice(0, split.index) : s;
  let tail = split ? s.slice(split.index + split[0].length) : '';
  if (head.length === 0) {
    head = tail;
    tail = '';
  }
  const hedge = HEDGE_RE.exec(head);
  if (hedge) head = head.slice(hedge[0].length);
  const lead = hedge ? hedge[0] : null;
  const noteParts = (extra: string | null): string[] => [lead ?? '', ...flags.notes, extra ?? '', tail];

  const external = matchExternal(head);
  if (external) {
    return { ...withNotes(target, noteParts(null)), kind: 'external', setBy: external.setBy, parsed: true };
  }
  if (QUALITATIVE_RE.test(head)) {
    return { ...withNotes(target, noteParts(null)), kind: 'qualitative', parsed: true };
  }
  const relative = matchRelative(head);
  if (relative) {
    const margin = relative.rest ? readValue(relative.rest) : null;
    return {
      ...withNotes(target, noteParts(margin ? margin.rest : relative.rest)),
      kind: 'relative',
      op: relative.op,
      reference: relative.reference,
      value: margin ? margin.value : null,
      unit: margin ? margin.unit : null,
      parsed: true,
    };
  }
  const numeric = readNumeric(head, flags);
  if (!numeric) return withNotes(target, noteParts(null), null);
  const kind = resolveKind(numeric.range, flags, options);
  return {
    ...withNotes(target, noteParts(numeric.rest)),
    kind,
    op: numeric.range ? null : numeric.op,
    value: numeric.value,
    valueMax: numeric.valueMax,
    unit: numeric.unit ?? fallbackUnit(options),
    year: flags.year,
    change: numeric.change,
    parsed: true,
  };
}

/** A target with nothing read from `text` yet (qualitative, unparsed): the base every reading fills in. */
export function blankTarget(text: string): Target {
  return {
    text,
    kind: 'qualitative',
    op: null,
    value: null,
    valueMax: null,
    unit: null,
    scope: null,
    estimated: false,
    year: null,
    change: null,
    reference: null,
    setBy: null,
    qualifier: null,
    parsed: false,
  };
}

/**
 * Sets the qualifier — `override` if given, else the non-empty `parts` joined by `；` — on the
 * target and returns it. The target is always the fresh one of this call, so it is set in place
 * rather than copied.
 */
function withNotes(target: Target, parts: readonly string[], override?: string | null): Target {
  if (override !== undefined) target.qualifier = override;
  else {
    const kept = parts.filter((p) => p.length > 0);
    target.qualifier = kept.length > 0 ? kept.join('；') : null;
  }
  return target;
}

function readBracket(open: string, inner: string, flags: Flags): void {
  if (inner.length === 0) return;
  if (BRACKET_CUMULATIVE_RE.test(inner)) flags.cumulative = true;
  else if (BRACKET_RATE_RE.test(inner)) flags.rate = true;
  else if (BRACKET_YEAR_RE.test(inner)) flags.year = Number(inner.slice(0, 4));
  else if (BRACKET_SCOPE_RE.test(inner)) flags.scope = inner;
  else if (open !== '(' && BRACKET_VALUE_RE.test(inner)) flags.bracketValue = inner;
  else {
    if (open !== '(') flags.bracketText = inner;
    flags.notes.push(inner);
  }
}

type Numeric = {
  op: Comparator;
  value: number;
  valueMax: number | null;
  unit: string | null;
  change: Target['change'];
  range: boolean;
  rest: string;
};

function readNumeric(input: string, flags: Flags): Numeric | null {
  let s = input;
  const period = readPeriodPrefix(s);
  if (period && /\d|[一二两三四五六七八九十]/.test(s.slice(period.length))) {
    flags.year = period.endYear ?? flags.year;
    s = s.slice(period.length);
  }
  const year = YEAR_PREFIX_RE.exec(s);
  if (year && /\d/.test(s.slice(year[0].length))) {
    flags.year = Number(year[1]);
    s = stripLevelVerbs(s.slice(year[0].length));
  }
  const cumulative = CUMULATIVE_PREFIX_RE.exec(s);
  if (cumulative) {
    flags.cumulative = true;
    s = s.slice(cumulative[0].length);
  }
  const baseline = BASELINE_RE.exec(s);
  if (baseline) s = s.slice(baseline[0].length);
  const rate = RATE_PREFIX_RE.exec(s);
  if (rate) {
    flags.rate = true;
    s = s.slice(rate[0].length);
  }
  let change: Target['change'] = null;
  const verb = startsWithAny(s, CHANGE_VERB_INDEX);
  if (verb !== null) {
    const afterVerb = s.slice(verb.length);
    const toLevel = TO_LEVEL_RE.exec(afterVerb);
    if (toLevel) s = afterVerb.slice(toLevel[0].length);
    else {
      change = INCREASE_VERBS.includes(verb) ? 'increase' : 'decrease';
      s = afterVerb;
    }
  }
  s = stripLevelVerbs(s);
  let prefixOp: Comparator | null = null;
  for (const [word, op] of candidatesAt(PREFIX_INDEX, s)) {
    if (s.startsWith(word) && VALUE_START_RE.test(s.slice(word.length))) {
      prefixOp = op;
      s = s.slice(word.length);
      break;
    }
  }
  const first = readValue(s);
  if (!first) return null;
  const { value } = first;
  let { unit, rest } = first;
  let valueMax: number | null = null;
  let range = false;
  const sep = RANGE_SEP_RE.exec(rest);
  if (sep) {
    const second = readValue(rest.slice(sep[0].length));
    if (second && second.value >= value) {
      valueMax = second.value;
      unit = second.unit ?? unit;
      rest = second.rest;
      range = true;
    }
  }
  let suffixOp: Comparator | null = null;
  for (const [word, op] of candidatesAt(SUFFIX_INDEX, rest)) {
    if (rest.startsWith(word)) {
      suffixOp = op;
      rest = rest.slice(word.length);
      break;
    }
  }
  const op = prefixOp ?? suffixOp ?? (first.over ? '>' : '=');
  return { op, value, valueMax, unit, change, range, rest };
}

/** Reads `number [余|多] [unit]` at the start of `s`. */
function readValue(s: string): { value: number; unit: string | null; rest: string; over: boolean } | null {
  let sign = 1;
  let offset = 0;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    offset = 1;
  }
  const token = readNumberAt(s, offset);
  if (!token) return null;
  let rest = s.slice(token.end);
  const over = OVER_RE.test(rest);
  if (over) rest = rest.slice(1);
  const known = UNIT_AT_START_RE.exec(rest);
  const generic = known ? null : GENERIC_UNIT_RE.exec(rest);
  const unitText = known?.[0] ?? generic?.[0] ?? '';
  rest = rest.slice(unitText.length);
  return { value: sign * token.value, unit: unitText.length > 0 ? unitText : null, rest, over };
}

function stripLevelVerbs(input: string): string {
  let s = input;
  for (let i = 0; i < 3; i++) {
    const verb = startsWithAny(s, LEVEL_VERB_INDEX);
    if (verb === null) break;
    const after = s.slice(verb.length);
    if (!LEVEL_VALUE_START_RE.test(after)) break;
    s = after;
  }
  return s;
}

/** The longest word of `words` that `s` starts with (the first listed among equals), or null. */
function startsWithAny(s: string, words: WordIndex<string>): string | null {
  let best: string | null = null;
  for (const w of candidatesAt(words, s))
    if (s.startsWith(w) && (best === null || w.length > best.length)) best = w;
  return best;
}

function resolveKind(range: boolean, flags: Flags, options: TargetOptions): TargetKind {
  if (range) return 'range';
  if (flags.cumulative || flags.rate) return flags.cumulative ? 'cumulative' : 'rate';
  return (
    kindIn(options.unit, UNIT_RATE_RE) ??
    kindIn(options.context, CONTEXT_RATE_RE) ??
    kindIn(options.indicatorName, GROWTH_RATE_RE) ??
    'absolute'
  );
}

/** The kind named by the marker written first in `source` (`累计` or a rate word), or null. */
function kindIn(source: string | null | undefined, rateRe: RegExp): TargetKind | null {
  if (!source) return null;
  const cumulativeAt = source.indexOf('累计');
  const rateAt = source.search(rateRe);
  if (cumulativeAt < 0 && rateAt < 0) return null;
  if (rateAt < 0) return 'cumulative';
  if (cumulativeAt < 0) return 'rate';
  return cumulativeAt < rateAt ? 'cumulative' : 'rate';
}

/** The unit given by the caller, else the last parenthesised group of the indicator name (`（万人）`). */
function fallbackUnit(options: TargetOptions): string | null {
  if (options.unit !== undefined) return options.unit;
  if (!options.indicatorName) return null;
  const m = UNIT_NAME_RE.exec(toHalfWidth(options.indicatorName).trim());
  return m?.[1] ?? null;
}
