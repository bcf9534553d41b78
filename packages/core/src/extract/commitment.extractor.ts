import type { Commitment } from '../model/plan-model.schema.js';
import { fiveYearPlanLabel } from '../target/deadline.scanner.js';
import { isGoal, mayHoldGoal, mergeGoals, scanGoals } from '../target/goal.scanner.js';
import type { GoalMatch } from '../target/goal.scanner.js';
import { matchIndicator, prepareIndicators } from '../target/indicator-name.matcher.js';
import type { IndicatorRef } from '../target/indicator-name.matcher.js';
import { mayHoldQuantity, scanFoldedQuantities } from '../target/quantity.scanner.js';
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
/** A sentence or segment; `info` is filled in the first time it is asked for (most hold no value). */
type Piece<T> = Span & { info: T | undefined };
/** A sentence's info: whether it names the current plan's period (`“十五五”时期`). */
type SentenceInfo = boolean;
type SegmentInfo = {
  hedged: boolean;
  projection: boolean;
  pastWord: boolean;
  past: boolean;
  present: boolean;
};

/** Ends a `；`-segment; all but `；`/`;` also end the sentence. Each mark is one code unit. */
const SEGMENT_END_RE = /[。！？!?；;\n]/g;
const PROJECTION_RE = /预计|预测|预期将/;
const HEDGE_RE = /力争|确保|争取|努力|目标是/;
const PAST_WORD_RE =
  /已(?!有)|以来|连续\s*(?:\d+|[一二三四五六七八九十]+)\s*年|获评|入选|荣获|跨入|迈入|位列|连续获|累计招引|如期高水平完成|取得显著成效|成功创建|成为全国首/;
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
const COMPARED_BEFORE_RE = /[较比]\s*$/;
const SPACE_RE = /\s/;
const SPACES_RE = /\s+/g;
const LEAD_PUNCTUATION_RE = /^[\s，,、“”"]+(?=\S)/;
const OPEN_QUOTE_RE = /“/g;
const CLOSE_QUOTE_RE = /”/g;
const QUOTES_RE = /[“”]/g;
const BRACKET_OPEN_RE = /[(（]/;
const LEAD_OF_RE = /^\s*(?:以上的|的)/;
const DEADLINE_GAP_RE = /[\s，,：:]/;
/** Marks that end a clause, as code units: the clause walks test characters one by one. */
const CLAUSE_BREAKS = new Set([...'，,；;：:、。！？!?\n'].map((ch) => ch.charCodeAt(0)));
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** The current plan's label (`十五五`) and the pattern naming its period, or null before the 11th plan. */
type PlanLabel = { label: string; periodRe: RegExp } | null;

/**
 * Finds commitments — quantitative or dated promises, and checkable goals without a value — in
 * running text. Each unit is scanned by {@link scanFoldedQuantities} and {@link scanGoals}; every value,
 * goal (`打造5大产业集群`, `实现“双下降”`, `通过三甲复评`) and deadline that dates neither, in a sentence
 * that reads as a promise, becomes one commitment, ids `cm-1`, `cm-2`… in document order. Past and
 * present tests apply to goals as to values (`连续13年实现“双提升”` reports the past).
 *
 * A match is dropped when it reports the past or present rather than promising:
 * - its deadline is before `periodStart` (`“十四五”期间…年均减少4000人`, `2022-2024年…`), or a
 *   value-less deadline lies after `periodEnd` (`到2035年基本实现现代化`);
 * - its `；`-segment is a projection (`预计`) without a hedge such as `力争`;
 * - undated, and its segment has past markers (`已`, `以来`, `获评`, `较2020年` with a baseline before
 *   the plan, `较“十三五”末`, `“十四五”期间`) or present-state markers (`拥有`, `现有`, `仅`), or the
 *   paragraph as a whole is retrospective (some past segment and no dated or hedged promise in it);
 * - it counts the members of a structure listed right after it (`3个优势产业（智电汽车、…）`), unless
 *   it is a goal (`打造四项基础底座（…）`, a graded `1个2千亿级产业集群（智电汽车）`);
 * - it lies under `retrospectiveNodeIds`.
 *
 * `sentence` is the sentence holding the value, split on `。！？` and line breaks (its closing mark
 * included), and `source` its span. Past/present tests look at the smaller `；`-segment, while the
 * deadline carries across `；` (`到2030年，A；B；C。` dates A, B and C).
 * A goal's `subject` is its counted noun, the words before a quoted goal, or the milestone itself.
 * Otherwise `subject` is the noun phrase before the value with leading time phrases and action verbs removed
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
  const plan = planLabelOf(options);
  const out: Commitment[] = [];
  for (const unit of units) {
    if (isRetrospectiveNode(unit.nodeId, options.retrospectiveNodeIds)) continue;
    // Folding costs a pass over the text: paragraphs without a numeral are ruled out before it.
    if (!mayHoldQuantity(unit.text) && !mayHoldGoal(unit.text)) continue;
    const folded = toHalfWidth(unit.text);
    const matches = mergeGoals(folded, scanFoldedQuantities(unit.text, folded), scanGoals(unit.text, folded));
    if (matches.length === 0) continue;
    const { sentences, segments } = splitSentences(folded);
    const paragraphPast = isParagraphRetrospective(folded, segments, matches, options, plan);
    let previousEnd = 0;
    for (const match of matches) {
      const segment = spanAt(segments, match.start);
      const sentence = spanAt(sentences, match.start);
      if (!segment || !sentence) continue;
      const facts = segmentInfo(segment, folded, options);
      const currentPlan = sentenceInfo(sentence, folded, plan);
      if (!isPromise(match, facts, currentPlan, paragraphPast, options) || isStructureCount(folded, match)) {
        previousEnd = match.end;
        continue;
      }
      const subject = isGoal(match)
        ? goalSubject(match)
        : match.target === null
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

/** Built once per call: the pattern used to be compiled again for every sentence. */
function planLabelOf(options: CommitmentOptions): PlanLabel {
  const label = fiveYearPlanLabel(options.periodEnd);
  return label === null ? null : { label, periodRe: new RegExp(`${label}[”"]?\\s*(?:时期|期间|末|期末)`) };
}

function isRetrospectiveNode(nodeId: string, ids: readonly string[] | undefined): boolean {
  if (!ids) return false;
  return ids.some((id) => nodeId === id || nodeId.startsWith(`${id}.`));
}

/**
 * Splits into sentences and `；`-segments in one pass, each end mark kept with its piece; pieces
 * are classified later, on demand.
 */
function splitSentences(text: string): {
  sentences: Array<Piece<SentenceInfo>>;
  segments: Array<Piece<SegmentInfo>>;
} {
  const sentences: Array<Piece<SentenceInfo>> = [];
  const segments: Array<Piece<SegmentInfo>> = [];
  let sentenceStart = 0;
  let segmentStart = 0;
  SEGMENT_END_RE.lastIndex = 0;
  // `test` rather than `exec`: no match array is needed, the mark ends at `lastIndex`.
  while (SEGMENT_END_RE.test(text)) {
    const end = SEGMENT_END_RE.lastIndex;
    segments.push({ start: segmentStart, end, info: undefined });
    segmentStart = end;
    const mark = text[end - 1];
    if (mark === '；' || mark === ';') continue;
    sentences.push({ start: sentenceStart, end, info: undefined });
    sentenceStart = end;
  }
  if (segmentStart < text.length) segments.push({ start: segmentStart, end: text.length, info: undefined });
  if (sentenceStart < text.length)
    sentences.push({ start: sentenceStart, end: text.length, info: undefined });
  return { sentences, segments };
}

/** The sentence's info, computed the first time it is asked for. */
function sentenceInfo(sentence: Piece<SentenceInfo>, folded: string, plan: PlanLabel): SentenceInfo {
  sentence.info ??= hasCurrentPlanLabel(folded.slice(sentence.start, sentence.end), plan);
  return sentence.info;
}

/** The segment's info, computed the first time it is asked for. */
function segmentInfo(segment: Piece<SegmentInfo>, folded: string, options: CommitmentOptions): SegmentInfo {
  segment.info ??= classifySegment(folded.slice(segment.start, segment.end), options);
  return segment.info;
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
  while (start < end && SPACE_RE.test(text[start] ?? '')) start++;
  while (end > start && SPACE_RE.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

function classifySegment(segment: string, options: CommitmentOptions): SegmentInfo {
  const pastWord = PAST_WORD_RE.test(segment);
  return {
    hedged: HEDGE_RE.test(segment),
    projection: PROJECTION_RE.test(segment),
    pastWord,
    past: pastWord || hasPastReference(segment, options),
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

function hasCurrentPlanLabel(text: string, plan: PlanLabel): boolean {
  return plan !== null && text.includes(plan.label) && plan.periodRe.test(text);
}

/** Baselines before the plan (`较2020年`, `较“十三五”末`) and the previous plan's period. */
function hasPastReference(segment: string, options: CommitmentOptions): boolean {
  // Baselines need `较`/`比`, plan labels `五`: most segments have none and skip the patterns.
  if (!segment.includes('较') && !segment.includes('比') && !segment.includes('五')) return false;
  const current = (options.periodEnd - 1955) / 5;
  const ordinal = (digit: string | undefined): number => 11 + ORDINALS.indexOf(digit ?? '');
  // The patterns are shared and global: each loop starts from 0, whatever an early return left.
  BASELINE_YEAR_RE.lastIndex = 0;
  for (let m = BASELINE_YEAR_RE.exec(segment); m !== null; m = BASELINE_YEAR_RE.exec(segment)) {
    if (Number(m[1]) < options.periodStart - 1) return true;
  }
  BASELINE_LABEL_RE.lastIndex = 0;
  for (let m = BASELINE_LABEL_RE.exec(segment); m !== null; m = BASELINE_LABEL_RE.exec(segment)) {
    if (ordinal(m[1]) < current - 1) return true;
  }
  PAST_LABEL_RE.lastIndex = 0;
  for (let m = PAST_LABEL_RE.exec(segment); m !== null; m = PAST_LABEL_RE.exec(segment)) {
    if (ordinal(m[1]) < current && !COMPARED_BEFORE_RE.test(segment.slice(Math.max(0, m.index - 3), m.index)))
      return true;
  }
  return false;
}

function isParagraphRetrospective(
  folded: string,
  segments: ReadonlyArray<Piece<SegmentInfo>>,
  matches: readonly QuantityMatch[],
  options: CommitmentOptions,
  plan: PlanLabel,
): boolean {
  if (HEDGE_RE.test(folded) || hasCurrentPlanLabel(folded, plan)) return false;
  if (matches.some((m) => m.deadline !== null && m.deadline >= options.periodStart)) return false;
  return segments.some((s) => segmentInfo(s, folded, options).past);
}

/**
 * `3个优势产业（智电汽车、高端装备、金属材料）`: a count whose noun is followed by the list of its
 * members describes a structure (`“3+5+X”产业体系`), not a promise to reach a number.
 */
function isStructureCount(folded: string, match: QuantityMatch): boolean {
  return (
    match.target !== null && !isGoal(match) && STRUCTURE_RE.test(folded.slice(match.end, match.end + 20))
  );
}

/** Start of the clause holding `at`, never before `floor`; marks inside brackets do not end a clause. */
function clauseStart(folded: string, at: number, floor: number): number {
  let depth = 0;
  for (let j = at - 1; j >= floor; j--) {
    const code = folded.charCodeAt(j);
    if (code === CLOSE_PAREN) depth++;
    else if (code === OPEN_PAREN && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAKS.has(code)) return j + 1;
  }
  return floor;
}

function clauseEnd(folded: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) if (CLAUSE_BREAKS.has(folded.charCodeAt(j))) return j;
  return limit;
}

function cleanSubject(raw: string): string {
  let s = (SPACE_RE.test(raw) ? raw.replace(SPACES_RE, ' ') : raw).trim();
  for (let i = 0; i < 6; i++) {
    const before = s;
    s = s.replace(LEAD_TIME_RE, '').replace(LEAD_WORD_RE, '').replace(LEAD_PUNCTUATION_RE, '').trim();
    if (s === before) break;
  }
  s = s.replace(TRAIL_WORD_RE, '').replace(TRAIL_BASELINE_RE, '').replace(TRAIL_WORD_RE, '').trim();
  if (!s.includes('“') && !s.includes('”')) return s;
  const opens = (s.match(OPEN_QUOTE_RE) ?? []).length;
  const closes = (s.match(CLOSE_QUOTE_RE) ?? []).length;
  return opens === closes ? s : s.replace(QUOTES_RE, '');
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
  // The words after the value are only read when the words before are missing or only a verb.
  if (before.length > 0 && !VERB_END_RE.test(before)) return before;
  const afterLimit = clauseEnd(folded, match.end, Math.min(segment.end, match.end + 24));
  const bracket = folded.slice(match.end, afterLimit).search(BRACKET_OPEN_RE);
  const afterEnd = bracket < 0 ? afterLimit : match.end + bracket;
  const after = cleanSubject(text.slice(match.end, afterEnd).replace(LEAD_OF_RE, ''));
  if (before.length > 0 && after.length === 0) return before;
  if (after.length > 0) return after;
  if (start > segment.start) {
    const previousStart = clauseStart(folded, start - 1, Math.max(segment.start, start - 1 - SUBJECT_WINDOW));
    return cleanSubject(text.slice(previousStart, start - 1));
  }
  return '';
}

/** A quoted goal's subject is the clause before its verb, read like any other subject. */
function goalSubject(match: GoalMatch): string {
  return match.goal === 'quoted' ? cleanSubject(match.subject) : match.subject.trim();
}

function deadlineSubject(text: string, folded: string, match: QuantityMatch, segment: Span): string {
  let from = match.end;
  while (from < segment.end && from < match.end + SUBJECT_WINDOW && DEADLINE_GAP_RE.test(folded[from] ?? ''))
    from++;
  const end = clauseEnd(folded, from, Math.min(segment.end, from + SUBJECT_WINDOW));
  const after = text.slice(from, end).replace(SPACES_RE, ' ').trim();
  if (after.length > 0) return after;
  const start = clauseStart(folded, match.start, Math.max(segment.start, match.start - SUBJECT_WINDOW));
  return cleanSubject(text.slice(start, match.start));
}
