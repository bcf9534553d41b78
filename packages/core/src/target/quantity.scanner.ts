import type { Target } from '../model/plan-model.schema.js';
import { toHalfWidth } from '../text/width.js';
import { scanDeadlines } from './deadline.scanner.js';
import type { DeadlinePhrase } from './deadline.scanner.js';
import { readNumberAt } from './number.reader.js';
import type { NumberToken } from './number.reader.js';
import { parseFoldedTarget } from './target.grammar.js';
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
/** A run of numeral characters: skipped as a whole when it is not a number (`十五五`, 400 digits). */
const NUMERAL_RUN_RE = /[\d.,零〇一二两三四五六七八九十百千万亿点]+/y;
const SENTENCE_BREAK_RE = /[。！？!?\n]/;
const CLAUSE_BREAKS = new Set([...'，。；！？、,;:：!?\n'].map((ch) => ch.charCodeAt(0)));
const LATIN_BEFORE_RE = /[A-Za-z+#&/_]/;
const DIGIT_OR_DOT_RE = /[\d.]/;
const LATIN_RE = /[A-Za-z]/;
const LATIN_START_RE = /^[A-Za-z]/;
const SPACE_RE = /\s/;
const FRACTION_RE = /^\s*分之/;
const SMALL_UNIT_RE = /[十百千]/;
const MAGNITUDE_PREFIX_RE = /^(?:万亿|千亿|百亿|千万|百万|亿|万)/;
const YEAR_AFTER_RE = /^\s*(?:年|[-—–~〜至到]\s*(?:19|20)\d{2}\s*年)/;
/** Quotes: opening mark, closing mark, and how far apart they may be to form a zone. */
const ZONE_PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  ['“', '”', 40],
  ['《', '》', 60],
  ['「', '」', 40],
  ['『', '』', 40],
];
/** Brackets nest (`（两湖：…新沟河（武进港）…）`), so they are paired with a stack. */
const PAREN_LIMIT = 400;

/** Each quote mark, by code unit: its pair in {@link ZONE_PAIRS} and whether it opens. */
const QUOTE_MARKS = new Map<number, { pair: number; opens: boolean }>(
  ZONE_PAIRS.flatMap(([open, close], pair) => [
    [open.charCodeAt(0), { pair, opens: true }],
    [close.charCodeAt(0), { pair, opens: false }],
  ]),
);
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
/** Any quote or bracket mark; each is one code unit, so a match ends at `lastIndex`. */
const ZONE_MARK_RE = new RegExp(`[()${ZONE_PAIRS.map(([open, close]) => open + close).join('')}]`, 'g');

/**
 * Code units that may start a number (digits, Chinese numerals), as a table: the loop looking for
 * them visits every character, and one array read beats a pattern or a one-character string. 64 KB.
 * Full-width digits are in it so that it also answers for unfolded text ({@link mayHoldQuantity}).
 */
const NUMBER_START = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千')
  NUMBER_START[ch.charCodeAt(0)] = 1;

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
  return scanFoldedQuantities(text, toHalfWidth(text));
}

/**
 * False when `text`, folded or not, certainly holds no quantity: it has no numeral and no relative
 * phrase (folding adds neither). Lets a caller skip folding such paragraphs.
 */
export function mayHoldQuantity(text: string): boolean {
  return nextNumberStart(text, 0) < text.length || mayHoldRelative(text);
}

/** {@link scanQuantities} for a caller that already holds `toHalfWidth(text)`, so it is not folded twice. */
export function scanFoldedQuantities(text: string, folded: string): QuantityMatch[] {
  const firstNumber = nextNumberStart(folded, 0);
  const relative = mayHoldRelative(folded);
  // Most paragraphs hold no numeral and no relative phrase: they are done after one cheap pass.
  if (firstNumber === folded.length && !relative) return [];
  const blocked = markZones(folded);
  const deadlines = scanDeadlines(folded).filter((d) => !isAll(blocked, d.start, d.end, 1));
  for (const d of deadlines) blocked.fill(2, d.start, d.end);
  const values = findValues(text, folded, blocked, firstNumber);
  const relatives = relative ? findRelatives(text, folded, blocked) : [];
  // Values alone are already ordered and disjoint (each starts after the previous one ends).
  const quantities = relatives.length === 0 ? values : mergeSpans([...values, ...relatives]);
  return attachDeadlines(folded, quantities, deadlines);
}

/**
 * Scratch space shared by every call: a fresh typed array and stacks per paragraph cost more than
 * the whole scan. Safe because a scan runs synchronously and never starts another one, and nothing
 * returned refers to them.
 */
let zoneBuffer = new Uint8Array(1024);
/** Open brackets, and per quote pair the opening quotes still waiting for their closing quote. */
const openBrackets: number[] = [];
const openQuotes: number[][] = ZONE_PAIRS.map(() => []);

/** Marks quoted and bracketed stretches (value 1) so numbers inside them are ignored. */
function markZones(folded: string): Uint8Array {
  if (zoneBuffer.length < folded.length) zoneBuffer = new Uint8Array(2 * folded.length);
  const blocked = zoneBuffer.subarray(0, folded.length);
  blocked.fill(0);
  openBrackets.length = 0;
  for (const opens of openQuotes) opens.length = 0;
  ZONE_MARK_RE.lastIndex = 0;
  // `test` rather than `exec`: marks are frequent and no match array is needed.
  while (ZONE_MARK_RE.test(folded)) {
    const i = ZONE_MARK_RE.lastIndex - 1;
    const code = folded.charCodeAt(i);
    if (code === OPEN_PAREN) openBrackets.push(i);
    else if (code === CLOSE_PAREN) {
      const open = openBrackets.pop();
      if (open !== undefined && i - open <= PAREN_LIMIT) blocked.fill(1, open, i + 1);
    } else markQuote(code, i, blocked);
  }
  return blocked;
}

/** Each opening quote pairs with the first closing quote after it, if that is near enough. */
function markQuote(code: number, i: number, blocked: Uint8Array): void {
  const mark = QUOTE_MARKS.get(code);
  const limit = mark === undefined ? undefined : ZONE_PAIRS[mark.pair]?.[2];
  const opens = mark === undefined ? undefined : openQuotes[mark.pair];
  if (mark === undefined || limit === undefined || opens === undefined) return;
  if (mark.opens) opens.push(i);
  else {
    for (const at of opens) if (i - at <= limit) blocked.fill(1, at, i + 1);
    opens.length = 0;
  }
}

/** The first offset from `from` on holding a digit or Chinese numeral, or the text length. */
function nextNumberStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && NUMBER_START[text.charCodeAt(i)] !== 1) i++;
  return i;
}

/** True when every mark in `[start, end)` equals `value` (so also for an empty stretch). */
function isAll(blocked: Uint8Array, start: number, end: number, value: number): boolean {
  for (let j = start; j < end; j++) if (blocked[j] !== value) return false;
  return true;
}

/** Values from the first numeral (at `from`) on. */
function findValues(text: string, folded: string, blocked: Uint8Array, from: number): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  let lastEnd = 0;
  let i = from;
  while (i < folded.length) {
    const token = blocked[i] ? null : readNumberAt(folded, i);
    let next: number;
    if (!token) {
      NUMERAL_RUN_RE.lastIndex = i;
      NUMERAL_RUN_RE.test(folded);
      next = Math.max(NUMERAL_RUN_RE.lastIndex, i + 1);
    } else {
      const match = readValueAt(text, folded, blocked, token, lastEnd);
      if (match) {
        out.push(match);
        lastEnd = match.end;
      }
      next = match ? match.end : Math.max(token.end, i + 1);
    }
    i = nextNumberStart(folded, next);
  }
  return out;
}

type UnitAfter = { end: number; unit: string; measure: string; hasSuffix: boolean };

function readValueAt(
  text: string,
  folded: string,
  blocked: Uint8Array,
  token: NumberToken,
  lastEnd: number,
): QuantityMatch | null {
  const before = folded[token.start - 1] ?? '';
  const after = folded[token.end] ?? '';
  if (DIGIT_OR_DOT_RE.test(before) || LATIN_BEFORE_RE.test(before) || before === '第') return null;
  if (after === '+' || after === '.') return null;
  if (!token.arabic && token.value === 1 && token.end - token.start === 1) return null;
  if (isYear(folded, token)) return null;
  const right = readUnitAfter(folded, blocked, token);
  if (!right) return null;
  const { end, measure } = right;
  if (LATIN_RE.test(after) && !LATIN_START_RE.test(right.unit)) return null;
  const weak = measure.length === 0 || WEAK_MEASURES.has(measure);
  // Checks that do not need the words before the value come first: most candidates fail them.
  if (weak && !token.arabic) return null;
  if (FRACTION_RE.test(folded.slice(token.end, token.end + 4))) return null;
  if (measure === '人' && folded[end] === '均') return null;
  if (!token.arabic) {
    const grouped = token.end - token.start >= 2 && SMALL_UNIT_RE.test(folded.slice(token.start, token.end));
    if (!grouped && !right.hasSuffix && measure !== '名') return null;
  }
  const start = prefixStart(folded, blocked, token.start, lastEnd);
  const hasPrefix = folded.slice(start, token.start).trim().length > 0;
  if (weak && !hasPrefix) return null;
  const target = parseFoldedTarget(text.slice(start, end), folded.slice(start, end), {
    context: clauseBefore(folded, start),
  });
  if (!target.parsed || target.value === null) return null;
  return { start, end, target, deadline: null };
}

/** The unit, range and comparator after a number, up to a blocked span; null without a unit. */
function readUnitAfter(folded: string, blocked: Uint8Array, token: NumberToken): UnitAfter | null {
  let limit = token.end;
  while (limit < folded.length && limit < token.end + RIGHT_WINDOW && !blocked[limit]) limit++;
  const right = RIGHT_RE.exec(folded.slice(token.end, limit));
  const unit = right?.[4] ?? right?.[2] ?? null;
  if (!right || unit === null) return null;
  let end = token.end + right[0].length;
  while (end > token.end && SPACE_RE.test(folded[end - 1] ?? '')) end--;
  const hasSuffix = right[5] !== undefined || right[1] !== undefined;
  return { end, unit, measure: unit.replace(MAGNITUDE_PREFIX_RE, ''), hasSuffix };
}

function isYear(folded: string, token: NumberToken): boolean {
  if (!Number.isInteger(token.value) || token.value < 1900 || token.value > 2100) return false;
  return YEAR_AFTER_RE.test(folded.slice(token.end, token.end + 12));
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
  while (start < at && SPACE_RE.test(folded[start] ?? '')) start++;
  return start;
}

/** The clause before `at` (back to the previous clause mark), read by the grammar for `累计`/`年均`. */
function clauseBefore(folded: string, at: number): string {
  const from = Math.max(0, at - 60);
  let cut = at - 1;
  while (cut >= from && !CLAUSE_BREAKS.has(folded.charCodeAt(cut))) cut--;
  return folded.slice(cut + 1, at);
}

function findRelatives(text: string, folded: string, blocked: Uint8Array): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  RELATIVE_RE.lastIndex = 0;
  for (let m = RELATIVE_RE.exec(folded); m !== null; m = RELATIVE_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isAll(blocked, start, end, 0)) continue;
    const target = parseFoldedTarget(text.slice(start, end), folded.slice(start, end));
    if (target.kind === 'relative') out.push({ start, end, target, deadline: null });
  }
  return out;
}

/** Every relative phrase ends in `于` (`高于…`, `低于…`) or `同步`. */
function mayHoldRelative(text: string): boolean {
  return text.includes('于') || text.includes('同步');
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
    // Each quantity is this scan's own object, so it is dated in place rather than copied.
    q.deadline = current ? current.year : null;
    out.push(q);
  }
  const quantityCount = out.length;
  for (const phrase of deadlines) {
    if (used.has(phrase) || phrase.kind === 'period') continue;
    out.push({ start: phrase.start, end: phrase.end, target: null, deadline: phrase.year });
  }
  // The quantities are in order already; only lone deadlines need sorting in.
  return out.length === quantityCount ? out : out.sort((a, b) => a.start - b.start);
}

function hasBreak(folded: string, from: number, to: number): boolean {
  if (to <= from) return false;
  return SENTENCE_BREAK_RE.test(folded.slice(from, to));
}
