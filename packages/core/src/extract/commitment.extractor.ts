import type { Commitment } from '../model/plan-model.schema.js';
import { fiveYearPlanLabel } from '../target/deadline.scanner.js';
import { matchIndicator, prepareIndicators } from '../target/indicator-name.matcher.js';
import type { IndicatorRef } from '../target/indicator-name.matcher.js';
import { scanQuantities } from '../target/quantity.scanner.js';
import type { QuantityMatch } from '../target/quantity.scanner.js';
import { toHalfWidth } from '../text/width.js';
import type { TextUnit } from './text-unit.js';

/** The plan period, plus optional nodes known to be retrospective (e.g. a `发展成效` chapter). */
export type CommitmentOptions = {
  periodStart: number;
  periodEnd: number;
  /** Node ids whose text reports the past; their descendants (`p1.c1.s2` under `p1.c1`) are skipped too. */
  retrospectiveNodeIds?: readonly string[];
};

type Span = { start: number; end: number };
type Piece<T> = Span & { info: T };
type SegmentInfo = {
  hedged: boolean;
  projection: boolean;
  pastWord: boolean;
  past: boolean;
  present: boolean;
};

const SENTENCE_END_RE = /[。！？!?\n]/g;
const SEGMENT_END_RE = /[。！？!?；;\n]/g;
const CLAUSE_BREAK_RE = /[，,；;：:、。！？!?\n]/;
const PROJECTION_RE = /预计|预测|预期将/;
const HEDGE_RE = /力争|确保|争取|努力|目标是/;
const PAST_WORD_RE =
  /已(?!有)|以来|获评|入选|荣获|跨入|迈入|位列|连续获|累计招引|如期高水平完成|取得显著成效|成功创建|成为全国首/;
const PRESENT_RE = /拥有|现有|目前|当前|仅|高达|近年来/;
const BASELINE_YEAR_RE = /(?:较|比)\s*((?:19|20)\d{2})\s*年/g;
const BASELINE_LABEL_RE = /(?:较|比)\s*[“"]?十([一二三四五六七八九])五/g;
const PAST_LABEL_RE = /[“"]?十([一二三四五六七八九])五[”"]?\s*(?:以来|期间|时期)/g;
const LEAD_TIME_RE =
  /^\s*(?:力争|确保|争取)?\s*(?:到|至|在)?\s*(?:(?:19|20)\d{2}\s*年\s*(?:底|末)?\s*(?:前|之前|以前)?|[“"]?十[一二三四五六七八九]五[”"]?\s*(?:时期末|期末|末|期间|时期))\s*/;
const LEAD_WORD_RE =
  /^(?:力争|确保|争取|努力|全力|加快|持续|进一步|如期|逐步|同时|其中|并且|以及|累计|新建成|新改扩建|新建|建成|培育|引进|打造|实现|完成|推动|开展|开设|组织|举办|提供|扶持|兜底帮扶|招引|创建|引育|部署|设立|拥有|具备|巩固|建好|赋能|发放|筹集|惠及|达到|重点|大力|积极|全面|每年|年均)/;
const TRAIL_WORD_RE = /(?:力争|确保|迈上|迈入|达到|达|为|是|分别|要|将|均|都|的)+$/;
const TRAIL_BASELINE_RE =
  /(?:较|比)\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?|上年|[“"]?十[一二三四五六七八九]五[”"]?\s*末期?)$/;
/** A subject that is only an action (`巩固壮大3个优势产业`): the noun after the value names the measure. */
const VERB_END_RE =
  /^.{0,4}(?:壮大|发展|打造|培育|建设|建成|引进|实现|组织|开展|举办|设立|扶持|具备|支持|新建|提供|引育|赋能|形成|创建|认定|招引|拥有|推动|推进|开设|建立|改造|布局|谋划)$/;
const ORDINALS = '一二三四五六七八九';
const STRUCTURE_RE = /^[^，。；、,;:：()]{1,15}\(/;
/** Subjects are looked for within this many characters of the value or deadline. */
const SUBJECT_WINDOW = 60;

/**
 * Finds commitments — quantitative or dated promises — in running text. Each unit is scanned by
 * {@link scanQuantities}; every value (and every deadline that dates no value) in a sentence that
 * reads as a promise becomes one commitment, ids `cm-1`, `cm-2`… in document order.
 *
 * A match is dropped when it reports the past or present rather than promising:
 * - its deadline is before `periodStart` (`“十四五”期间…年均减少4000人`, `2022-2024年…`), or a
 *   value-less deadline lies after `periodEnd` (`到2035年基本实现现代化`);
 * - its `；`-segment is a projection (`预计`) without a hedge such as `力争`;
 * - undated, and its segment has past markers (`已`, `以来`, `获评`, `较2020年` with a baseline before
 *   the plan, `较“十三五”末`, `“十四五”期间`) or present-state markers (`拥有`, `现有`, `仅`), or the
 *   paragraph as a whole is retrospective (some past segment and no dated or hedged promise in it);
 * - it counts the members of a structure listed right after it (`3个优势产业（智电汽车、…）`);
 * - it lies under `retrospectiveNodeIds`.
 *
 * `sentence` is the sentence holding the value, split on `。！？` and line breaks (its closing mark
 * included), and `source` its span. Past/present tests look at the smaller `；`-segment, while the
 * deadline carries across `；` (`到2030年，A；B；C。` dates A, B and C).
 * `subject` is the noun phrase before the value with leading time phrases and action verbs removed
 * (`新建5G基站超300座` → `5G基站`; `新增` is kept because indicator names use it), else the words after
 * the value; for a value-less deadline it is the clause after the deadline (`完成全部任务`).
 * `indicatorSeq` names the indicator whose name the subject restates (bigram overlap; a clearly
 * different unit — `亿元` against `%` — vetoes the link); indicators may carry `unit` for that check.
 */
export function extractCommitments(
  units: readonly TextUnit[],
  indicators: ReadonlyArray<IndicatorRef>,
  options: CommitmentOptions,
): Commitment[] {
  const prepared = prepareIndicators(indicators);
  const out: Commitment[] = [];
  for (const unit of units) {
    if (isRetrospectiveNode(unit.nodeId, options.retrospectiveNodeIds)) continue;
    const matches = scanQuantities(unit.text);
    if (matches.length === 0) continue;
    const folded = toHalfWidth(unit.text);
    const sentences = splitSpans(folded, SENTENCE_END_RE, (text) => ({
      currentPlan: hasCurrentPlanLabel(text, options),
    }));
    const segments = splitSpans(folded, SEGMENT_END_RE, (text) => classifySegment(text, options));
    const paragraphPast = isParagraphRetrospective(folded, segments, matches, options);
    let previousEnd = 0;
    for (const match of matches) {
      const segment = spanAt(segments, match.start);
      const sentence = spanAt(sentences, match.start);
      if (!segment || !sentence) continue;
      const promise = isPromise(match, segment.info, sentence.info.currentPlan, paragraphPast, options);
      if (!promise || isStructureCount(folded, match)) {
        previousEnd = match.end;
        continue;
      }
      const subject =
        match.target === null
          ? deadlineSubject(unit.text, folded, match, segment)
          : quantitySubject(unit.text, folded, match, segment, Math.max(previousEnd, segment.start));
      previousEnd = match.end;
      const trimmed = trimSpan(unit.text, sentence);
      out.push({
        id: `cm-${out.length + 1}`,
        subject,
        quantity: match.target,
        deadline: match.deadline,
        sentence: unit.text.slice(trimmed.start, trimmed.end),
        nodeId: unit.nodeId,
        source: unit.span(trimmed.start, trimmed.end),
        indicatorSeq: match.target ? matchIndicator(prepared, subject, match.target.unit) : null,
      });
    }
  }
  return out;
}

function isRetrospectiveNode(nodeId: string, ids: readonly string[] | undefined): boolean {
  if (!ids) return false;
  return ids.some((id) => nodeId === id || nodeId.startsWith(`${id}.`));
}

/** Splits at each end mark (kept with its piece) and classifies every piece once. */
function splitSpans<T>(text: string, endRe: RegExp, classify: (piece: string) => T): Array<Piece<T>> {
  const pieces: Array<Piece<T>> = [];
  let start = 0;
  const add = (end: number): void => {
    pieces.push({ start, end, info: classify(text.slice(start, end)) });
    start = end;
  };
  for (const m of text.matchAll(endRe)) add(m.index + 1);
  if (start < text.length) add(text.length);
  return pieces;
}

/** The piece holding offset `at` (binary search: pieces are sorted and contiguous). */
function spanAt<T>(pieces: ReadonlyArray<Piece<T>>, at: number): Piece<T> | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = pieces[mid];
    if (!piece) break;
    if (at < piece.start) hi = mid - 1;
    else if (at >= piece.end) lo = mid + 1;
    else return piece;
  }
  return undefined;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function classifySegment(segment: string, options: CommitmentOptions): SegmentInfo {
  return {
    hedged: HEDGE_RE.test(segment),
    projection: PROJECTION_RE.test(segment),
    pastWord: PAST_WORD_RE.test(segment),
    past: isPastSegment(segment, options),
    present: PRESENT_RE.test(segment),
  };
}

function isPromise(
  match: QuantityMatch,
  segment: SegmentInfo,
  currentPlan: boolean,
  paragraphPast: boolean,
  options: CommitmentOptions,
): boolean {
  if (segment.projection && !segment.hedged) return false;
  if (match.deadline !== null) {
    if (match.deadline < options.periodStart) return false;
    if (match.target === null) return match.deadline <= options.periodEnd && !segment.pastWord;
    return true;
  }
  if (match.target === null) return false;
  if (segment.hedged || currentPlan) return true;
  if (segment.past || segment.present) return false;
  return !paragraphPast;
}

function hasCurrentPlanLabel(text: string, options: CommitmentOptions): boolean {
  const label = fiveYearPlanLabel(options.periodEnd);
  return (
    label !== null && text.includes(label) && new RegExp(`${label}[”"]?\\s*(?:时期|期间|末|期末)`).test(text)
  );
}

/** Past markers, baselines before the plan (`较2020年`, `较“十三五”末`) and the previous plan's period. */
function isPastSegment(segment: string, options: CommitmentOptions): boolean {
  if (PAST_WORD_RE.test(segment)) return true;
  for (const m of segment.matchAll(BASELINE_YEAR_RE)) {
    if (Number(m[1]) < options.periodStart - 1) return true;
  }
  const current = (options.periodEnd - 1955) / 5;
  const ordinal = (digit: string | undefined): number => 11 + ORDINALS.indexOf(digit ?? '');
  for (const m of segment.matchAll(BASELINE_LABEL_RE)) {
    if (ordinal(m[1]) < current - 1) return true;
  }
  for (const m of segment.matchAll(PAST_LABEL_RE)) {
    if (ordinal(m[1]) < current && !/[较比]\s*$/.test(segment.slice(Math.max(0, m.index - 3), m.index)))
      return true;
  }
  return false;
}

function isParagraphRetrospective(
  folded: string,
  segments: ReadonlyArray<Piece<SegmentInfo>>,
  matches: readonly QuantityMatch[],
  options: CommitmentOptions,
): boolean {
  if (HEDGE_RE.test(folded) || hasCurrentPlanLabel(folded, options)) return false;
  if (matches.some((m) => m.deadline !== null && m.deadline >= options.periodStart)) return false;
  return segments.some((s) => s.info.past);
}

/**
 * `3个优势产业（智电汽车、高端装备、金属材料）`: a count whose noun is followed by the list of its
 * members describes a structure (`“3+5+X”产业体系`), not a promise to reach a number.
 */
function isStructureCount(folded: string, match: QuantityMatch): boolean {
  return match.target !== null && STRUCTURE_RE.test(folded.slice(match.end, match.end + 20));
}

/** Start of the clause holding `at`, never before `floor`; marks inside brackets do not end a clause. */
function clauseStart(folded: string, at: number, floor: number): number {
  let depth = 0;
  for (let j = at - 1; j >= floor; j--) {
    const ch = folded[j] ?? '';
    if (ch === ')') depth++;
    else if (ch === '(' && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAK_RE.test(ch)) return j + 1;
  }
  return floor;
}

function clauseEnd(folded: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) if (CLAUSE_BREAK_RE.test(folded[j] ?? '')) return j;
  return limit;
}

function cleanSubject(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 6; i++) {
    const before = s;
    s = s
      .replace(LEAD_TIME_RE, '')
      .replace(LEAD_WORD_RE, '')
      .replace(/^[\s，,、“”"]+(?=\S)/, '')
      .trim();
    if (s === before) break;
  }
  s = s.replace(TRAIL_WORD_RE, '').replace(TRAIL_BASELINE_RE, '').replace(TRAIL_WORD_RE, '').trim();
  const opens = (s.match(/“/g) ?? []).length;
  const closes = (s.match(/”/g) ?? []).length;
  return opens === closes ? s : s.replace(/[“”]/g, '');
}

function quantitySubject(
  text: string,
  folded: string,
  match: QuantityMatch,
  segment: Span,
  floor: number,
): string {
  const start = clauseStart(folded, match.start, Math.min(floor, match.start));
  const before = cleanSubject(text.slice(start, match.start));
  const afterLimit = clauseEnd(folded, match.end, Math.min(segment.end, match.end + 24));
  const bracket = folded.slice(match.end, afterLimit).search(/[(（]/);
  const afterEnd = bracket < 0 ? afterLimit : match.end + bracket;
  const after = cleanSubject(text.slice(match.end, afterEnd).replace(/^\s*(?:以上的|的)/, ''));
  if (before.length > 0 && !(VERB_END_RE.test(before) && after.length > 0)) return before;
  if (after.length > 0) return after;
  if (start > segment.start) {
    const previousStart = clauseStart(folded, start - 1, Math.max(segment.start, start - 1 - SUBJECT_WINDOW));
    return cleanSubject(text.slice(previousStart, start - 1));
  }
  return '';
}

function deadlineSubject(text: string, folded: string, match: QuantityMatch, segment: Span): string {
  let from = match.end;
  while (from < segment.end && from < match.end + SUBJECT_WINDOW && /[\s，,：:]/.test(folded[from] ?? ''))
    from++;
  const end = clauseEnd(folded, from, Math.min(segment.end, from + SUBJECT_WINDOW));
  const after = text.slice(from, end).replace(/\s+/g, ' ').trim();
  if (after.length > 0) return after;
  const start = clauseStart(folded, match.start, Math.max(segment.start, match.start - SUBJECT_WINDOW));
  return cleanSubject(text.slice(start, match.start));
}
