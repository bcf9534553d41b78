/**
 * Time expressions in running text that date a promise: `到2030年`, `2027年底前`, `2026年全面启动`,
 * `“十五五”期间`, `到“十五五”末`, `到二〇三五年`. Baselines (`较2020年`, `与2025年相比`, `2020年以来`)
 * are not deadlines and are skipped here; whether a dated sentence is a promise or a past result is
 * decided by the commitment extractor.
 */

/**
 * How the year was written: `by` (`到2030年`, `“十五五”末`), `before` (`2027年底前`), bare `year`
 * (`2026年全面启动`), `range` (`2027—2028年`, last year) or `period` (`“十五五”期间`, its last year).
 */
export type DeadlineKind = 'by' | 'before' | 'year' | 'range' | 'period';

/** One deadline phrase; offsets are into the scanned text. */
export type DeadlinePhrase = { start: number; end: number; year: number; kind: DeadlineKind };

/**
 * Last year of the n-th five-year plan (`十五五` is n = 15 → 2030, `十四五` → 2025). Valid from the
 * third plan (1966–1970) on, after the 1963–1965 adjustment gap.
 */
export function fiveYearPlanEndYear(ordinal: number): number {
  return 1955 + 5 * ordinal;
}

/** Chinese label of the plan ending in `periodEnd` (`2030` → `十五五`), or null before the 11th plan. */
export function fiveYearPlanLabel(periodEnd: number): string | null {
  const ordinal = (periodEnd - 1955) / 5;
  if (!Number.isInteger(ordinal) || ordinal < 11 || ordinal > 19) return null;
  return `十${ORDINAL_DIGITS[ordinal - 10] ?? ''}五`;
}

const ORDINAL_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const YEAR = '(?:19|20)\\d{2}|二[〇零][〇零一二三四五六七八九]{2}';
const RANGE_RE = new RegExp(`(${YEAR})\\s*(?:年\\s*)?[-—–~〜至到]\\s*(${YEAR})\\s*年`, 'g');
const YEAR_RE = new RegExp(
  `(?:(到|至|截至|截止到|截止|在|于)\\s*)?(${YEAR})\\s*年\\s*(?:年底|年末|底|末)?\\s*(前|之前|以前)?`,
  'g',
);
const LABEL_RE = /(?:(?:到|至)\s*)?[“"]?十([一二三四五六七八九])五[”"]?\s*(时期末|期末|末|期间)/g;
const BASELINE_BEFORE_RE = /(?:较|比|与|同|自|从|和)\s*$/;
const NOT_DEADLINE_AFTER_RE =
  /^\s*(?:以来|来|起|开始|以后|之后|后|相比|比|同期|的水平|水平|基础上|度|为|和|、|与|至今|已|[一二三四五六七八九十]{1,2}月|\d{1,2}\s*月)/;

/**
 * Finds deadline phrases, in text order and non-overlapping. Years written in digits or Chinese
 * (`二〇三五年`) count; a year range (`2027—2028年`) yields its last year. Years used as baselines or
 * starting points (`较2020年`, `2020年以来`, `自2026年起`), `截至…` status dates and phase definitions
 * (`2026年为改革突破年`) are not deadlines. Linear in the text length.
 */
export function scanDeadlines(text: string): DeadlinePhrase[] {
  const found: DeadlinePhrase[] = [];
  // Every year phrase ends in `年` and every label holds `五`: most paragraphs can skip the patterns.
  if (text.includes('年')) findYears(text, found);
  if (text.includes('五')) findLabels(text, found);
  if (found.length === 0) return found;
  found.sort((a, b) => a.start - b.start);
  const result: DeadlinePhrase[] = [];
  for (const d of found) {
    const last = result[result.length - 1];
    if (last && d.start < last.end) continue;
    result.push(d);
  }
  return result;
}

/** Runs a shared global pattern over `text` from the start (so `lastIndex` left by a previous call is harmless). */
function eachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(m);
}

/** Year ranges, then single years outside them. */
function findYears(text: string, found: DeadlinePhrase[]): void {
  const taken: Array<[number, number]> = [];
  eachMatch(RANGE_RE, text, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    taken.push([start, end]);
    if (isBaseline(text, start) || NOT_DEADLINE_AFTER_RE.test(text.slice(end, end + 6))) return;
    const year = readYear(m[2] ?? '');
    if (year !== null) found.push({ start, end, year, kind: 'range' });
  });
  let rangeIndex = 0;
  eachMatch(YEAR_RE, text, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    while (rangeIndex < taken.length && (taken[rangeIndex]?.[1] ?? 0) <= start) rangeIndex++;
    const range = taken[rangeIndex];
    if (range && range[0] < end) return;
    const prep = m[1];
    const yearStart = start + m[0].indexOf(m[2] ?? '');
    if (/\d|\./.test(text[yearStart - 1] ?? '') || /^\d/.test(text[yearStart + 4] ?? '')) return;
    if (prep === undefined && isBaseline(text, start)) return;
    if (prep !== undefined && prep.startsWith('截')) return;
    if (m[3] === undefined && NOT_DEADLINE_AFTER_RE.test(text.slice(end, end + 6))) return;
    const year = readYear(m[2] ?? '');
    if (year === null) return;
    const kind: DeadlineKind = m[3] !== undefined ? 'before' : prep === '到' || prep === '至' ? 'by' : 'year';
    found.push({ start, end, year, kind });
  });
}

/** Plan labels: `“十五五”末`, `“十四五”期间`. */
function findLabels(text: string, found: DeadlinePhrase[]): void {
  eachMatch(LABEL_RE, text, (m) => {
    const start = m.index;
    if (isBaseline(text, start)) return;
    const ordinal = 10 + ORDINAL_DIGITS.indexOf(m[1] ?? '');
    const kind: DeadlineKind = m[2] === '期间' ? 'period' : 'by';
    found.push({ start, end: start + m[0].length, year: fiveYearPlanEndYear(ordinal), kind });
  });
}

function isBaseline(text: string, start: number): boolean {
  return BASELINE_BEFORE_RE.test(text.slice(Math.max(0, start - 3), start));
}

function readYear(written: string): number | null {
  if (/^\d{4}$/.test(written)) return Number(written);
  let value = 0;
  for (const ch of written) {
    const d = CHINESE_DIGIT[ch];
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return written.length === 4 ? value : null;
}
