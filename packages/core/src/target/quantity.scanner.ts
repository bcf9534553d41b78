import type { Target } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';
import { scanDeadlines } from './deadline.scanner.js';
import type { DeadlinePhrase } from './deadline.scanner.js';
import { readNumberAt } from './number.reader.js';
import type { NumberToken } from './number.reader.js';
import { parseTarget } from './target.grammar.js';
import { PREFIX_COMPARATORS, UNIT_SOURCE, WEAK_MEASURES } from './target.vocabulary.js';

/**
 * A quantitative or dated promise found in running text. `target` is the value read by the target
 * grammar from exactly `text.slice(start, end)`; it is null for a deadline with no value
 * (`2027年底前完成全部任务` → the span of `2027年底前`, deadline 2027).
 */
export type QuantityMatch = { start: number; end: number; target: Target | null; deadline: number | null };

const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;
const escape = (s: string): string => s.replace(ESCAPE_RE, '\\$&');

const CHANGE_VERBS =
  '新增|新建|建成|增长|增加|提高|提升|上升|扩大|增收|下降|降低|减少|缩小|压减|削减|缩减|回落';
const LEVELS = ['达到', '达', '为', '保持在', '稳定在', '控制在', '保持', '进入', '提升至', '提高至'];
const COMPARE = [...LEVELS, ...PREFIX_COMPARATORS.map(([w]) => w)];
const PREFIX_RE = new RegExp(
  `(?:(?:累计|年均|平均每年|每年)\\s*)?(?:(?:${CHANGE_VERBS})\\s*(?:到|至)?\\s*|(?:降|增|升|减)(?:到|至)\\s*)?` +
    `(?:(?:力争|确保|争取)\\s*)?(?:(?:${[...new Set(COMPARE)]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})\\s*)?$`,
);
const RIGHT_RE = new RegExp(
  `^\\s*(余|多)?\\s*(${UNIT_SOURCE})?(?:\\s*(?:-|~|〜|—|–|至|到)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:余|多)?\\s*(${UNIT_SOURCE})?)?` +
    `(\\s*(?:及以上|及以下|以上|以下|以内|左右|上下))?`,
);
/** How far after a number its unit, range and comparator may reach (never into a deadline or quote). */
const RIGHT_WINDOW = 60;
const RELATIVE_RE =
  /(?:不低于|略高于|高于|快于|不高于|低于)(?:全国|全省|全市|全区|全县|同期|地区生产总值|国内生产总值|经济)[^，。；、,;\d\s]{0,10}?(?:平均(?:水平)?|增长|增速|增幅|水平|下降目标|目标)|(?:与|和|同)[^，。；、,;\d\s与和同]{2,14}?(?:基本)?同步/g;
const NUMBER_START_RE = /[\d零〇一二两三四五六七八九十百千]/g;
/** A run of numeral characters: skipped as a whole when it is not a number (`十五五`, 400 digits). */
const NUMERAL_RUN_RE = /[\d.,零〇一二两三四五六七八九十百千万亿点]+/y;
const SENTENCE_BREAK_RE = /[。！？!?\n]/;
const CLAUSE_BREAK_RE = /[，。；！？、,;:：!?\n]/;
const LATIN_BEFORE_RE = /[A-Za-z+#&/_]/;
const ZONE_PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  ['“', '”', 40],
  ['《', '》', 60],
  ['「', '」', 40],
  ['『', '』', 40],
];
/** Brackets nest (`（两湖：…新沟河（武进港）…）`), so they are paired with a stack. */
const PAREN_LIMIT = 400;

/**
 * Finds quantities (`达138万人左右`, `超300座`, `年均增长7%以上`, `低于5.5%`, `降低17%`, `1000 家以上`),
 * relative promises (`高于全市平均`, `与经济增长同步`) and deadlines without a value (`2027年底前`) in a
 * sentence or paragraph. Each quantity carries the deadline of the nearest preceding deadline phrase
 * in the same sentence (`到2030年，…达138万人左右` → 2030); deadline phrases that date no quantity are
 * returned on their own with `target: null`, except a bare period (`“十五五”期间，水质持续向好`), which
 * dates quantities but is no deadline by itself. Spans are in bounds, ordered and non-overlapping.
 *
 * Not quantities: years, numbers inside quotes or brackets (`“1234567”战略`, `（PM2.5）`), numbers glued to
 * letters or `+` (`5G`, `35X`, `3+5+X`, `PM2.5`), ordinals (`第3`), values with no unit (`4.0行动`),
 * durations and ages without a verb (`0-6岁儿童`, `15分钟生活圈`), and Chinese numerals that name things
 * (`三项制度`, `两家医院`, `百亿元园区`) unless grouped (`一百二十个`), hedged (`十名左右`) or
 * counting people (`培育十名领军、百名精英`). Past results are still
 * returned: whether a sentence is a promise is the extractor's decision. Work is linear in the length.
 */
export function scanQuantities(text: string): QuantityMatch[] {
  const folded = toHalfWidth(text);
  const blocked = markZones(folded);
  const deadlines = scanDeadlines(folded).filter(
    (d) => !blocked.subarray(d.start, d.end).every((b) => b === 1),
  );
  for (const d of deadlines) blocked.fill(2, d.start, d.end);
  const values = findValues(text, folded, blocked);
  const relatives = findRelatives(text, folded, blocked);
  const quantities = mergeSpans([...values, ...relatives]);
  return attachDeadlines(folded, quantities, deadlines);
}

/** Marks quoted and bracketed stretches (value 1) so numbers inside them are ignored. */
function markZones(folded: string): Uint8Array {
  const zones: Array<[number, number]> = [];
  for (const [open, close, limit] of ZONE_PAIRS) {
    let next = -1;
    const nextClose = new Int32Array(folded.length + 1);
    for (let i = folded.length; i >= 0; i--) {
      if (folded[i] === close) next = i;
      nextClose[i] = next;
    }
    for (let i = 0; i < folded.length; i++) {
      const end = folded[i] === open ? (nextClose[i + 1] ?? -1) : -1;
      if (end >= 0 && end - i <= limit) zones.push([i, end]);
    }
  }
  const stack: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === '(') stack.push(i);
    else if (folded[i] === ')') {
      const open = stack.pop();
      if (open !== undefined && i - open <= PAREN_LIMIT) zones.push([open, i]);
    }
  }
  zones.sort((a, b) => a[0] - b[0]);
  const blocked = new Uint8Array(folded.length);
  let markedUpTo = 0;
  for (const [start, end] of zones) {
    const from = Math.max(start, markedUpTo);
    if (from <= end) blocked.fill(1, from, end + 1);
    markedUpTo = Math.max(markedUpTo, end + 1);
  }
  return blocked;
}

function findValues(text: string, folded: string, blocked: Uint8Array): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  let lastEnd = 0;
  NUMBER_START_RE.lastIndex = 0;
  for (let m = NUMBER_START_RE.exec(folded); m !== null; m = NUMBER_START_RE.exec(folded)) {
    const i = m.index;
    const token = blocked[i] ? null : readNumberAt(folded, i);
    if (!token) {
      NUMERAL_RUN_RE.lastIndex = i;
      NUMERAL_RUN_RE.test(folded);
      NUMBER_START_RE.lastIndex = Math.max(NUMERAL_RUN_RE.lastIndex, i + 1);
      continue;
    }
    NUMBER_START_RE.lastIndex = Math.max(token.end, i + 1);
    const match = readValueAt(text, folded, blocked, token, lastEnd);
    if (match) {
      out.push(match);
      lastEnd = match.end;
      NUMBER_START_RE.lastIndex = match.end;
    }
  }
  return out;
}

function readValueAt(
  text: string,
  folded: string,
  blocked: Uint8Array,
  token: NumberToken,
  lastEnd: number,
): QuantityMatch | null {
  const before = folded[token.start - 1] ?? '';
  const after = folded[token.end] ?? '';
  if (/[\d.]/.test(before) || LATIN_BEFORE_RE.test(before) || before === '第') return null;
  if (after === '+' || after === '.') return null;
  if (!token.arabic && token.value === 1 && token.end - token.start === 1) return null;
  if (isYear(folded, token)) return null;
  let limit = token.end;
  while (limit < folded.length && limit < token.end + RIGHT_WINDOW && !blocked[limit]) limit++;
  const right = RIGHT_RE.exec(folded.slice(token.end, limit));
  const unit = right?.[4] ?? right?.[2] ?? null;
  if (!right || unit === null) return null;
  if (/[A-Za-z]/.test(after) && !/^[A-Za-z]/.test(unit)) return null;
  let end = token.end + right[0].length;
  while (end > token.end && /\s/.test(folded[end - 1] ?? '')) end--;
  const start = prefixStart(folded, blocked, token.start, lastEnd);
  const hasPrefix = folded.slice(start, token.start).trim().length > 0;
  const hasSuffix = right[5] !== undefined || right[1] !== undefined;
  const measure = unit.replace(/^(?:万亿|千亿|百亿|千万|百万|亿|万)/, '');
  const weak = measure.length === 0 || WEAK_MEASURES.has(measure);
  if (weak && (!token.arabic || !hasPrefix)) return null;
  if (/^\s*分之/.test(folded.slice(token.end, token.end + 4))) return null;
  if (measure === '人' && folded[end] === '均') return null;
  if (!token.arabic) {
    const grouped = token.end - token.start >= 2 && /[十百千]/.test(folded.slice(token.start, token.end));
    if (!grouped && !hasSuffix && measure !== '名') return null;
  }
  const target = parseTarget(text.slice(start, end), { context: clauseBefore(folded, start) });
  if (!target.parsed || target.value === null) return null;
  return { start, end, target, deadline: null };
}

function isYear(folded: string, token: NumberToken): boolean {
  if (!Number.isInteger(token.value) || token.value < 1900 || token.value > 2100) return false;
  return /^\s*(?:年|[-—–~〜至到]\s*(?:19|20)\d{2}\s*年)/.test(folded.slice(token.end, token.end + 12));
}

/** Start of the comparator/verb words directly before a value, never reaching into a blocked span. */
function prefixStart(folded: string, blocked: Uint8Array, at: number, lastEnd: number): number {
  let from = Math.max(lastEnd, at - 16);
  for (let j = at - 1; j >= from; j--) {
    if (blocked[j]) {
      from = j + 1;
      break;
    }
  }
  const window = folded.slice(from, at);
  const found = window.search(PREFIX_RE);
  let start = found < 0 ? at : from + found;
  while (start < at && /\s/.test(folded[start] ?? '')) start++;
  return start;
}

/** The clause before `at` (back to the previous clause mark), read by the grammar for `累计`/`年均`. */
function clauseBefore(folded: string, at: number): string {
  const from = Math.max(0, at - 60);
  const window = folded.slice(from, at);
  let cut = -1;
  for (let j = window.length - 1; j >= 0; j--) {
    if (CLAUSE_BREAK_RE.test(window[j] ?? '')) {
      cut = j;
      break;
    }
  }
  return window.slice(cut + 1);
}

function findRelatives(text: string, folded: string, blocked: Uint8Array): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  for (const m of folded.matchAll(RELATIVE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (blocked.subarray(start, end).some((b) => b !== 0)) continue;
    const target = parseTarget(text.slice(start, end));
    if (target.kind === 'relative') out.push({ start, end, target, deadline: null });
  }
  return out;
}

function mergeSpans(matches: QuantityMatch[]): QuantityMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: QuantityMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/** Gives each quantity the nearest preceding deadline of its sentence; unused deadlines stand alone. */
function attachDeadlines(
  folded: string,
  quantities: QuantityMatch[],
  deadlines: DeadlinePhrase[],
): QuantityMatch[] {
  const used = new Set<DeadlinePhrase>();
  let d = 0;
  let current: DeadlinePhrase | null = null;
  let scannedTo = 0;
  const out: QuantityMatch[] = [];
  for (const q of quantities) {
    while (d < deadlines.length && (deadlines[d]?.end ?? Infinity) <= q.start) {
      current = deadlines[d] ?? null;
      d++;
    }
    if (current && hasBreak(folded, Math.max(current.end, scannedTo), q.start)) current = null;
    scannedTo = q.start;
    if (current) used.add(current);
    out.push({ ...q, deadline: current ? current.year : null });
  }
  for (const phrase of deadlines) {
    if (used.has(phrase) || phrase.kind === 'period') continue;
    out.push({ start: phrase.start, end: phrase.end, target: null, deadline: phrase.year });
  }
  return out.sort((a, b) => a.start - b.start);
}

function hasBreak(folded: string, from: number, to: number): boolean {
  if (to <= from) return false;
  return SENTENCE_BREAK_RE.test(folded.slice(from, to));
}
