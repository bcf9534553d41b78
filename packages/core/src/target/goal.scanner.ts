import type { Target } from '../model/plan-model.schema.js';
import { parseChineseNumeral } from './chinese-numeral.js';
import { scanDeadlines } from './deadline.scanner.js';
import { blankTarget } from './target.grammar.js';
import type { QuantityMatch } from './quantity.scanner.js';

/**
 * Which class of checkable goal a match belongs to:
 * - `count`: a counted set of things the plan will build (`打造5大产业集群`, `建好…六大平台`,
 *   `1个2千亿级产业集群`);
 * - `quoted`: a quoted numbered goal reached or set up (`实现“双下降”`, `建立…“三张清单”`);
 * - `milestone`: a named milestone that is either reached or not (`实现碳达峰目标`, `通过三甲复评`,
 *   `创成国家生态文明建设示范区`).
 */
export type GoalKind = 'count' | 'quoted' | 'milestone';

/** A goal found in running text: a {@link QuantityMatch} whose target is never null. */
export type GoalMatch = QuantityMatch & {
  target: Target;
  goal: GoalKind;
  /** Start of the deadline phrase that dates the goal, if any. */
  datedFrom: number | null;
  /**
   * What the goal is about, from the original text: the counted noun (`重点产业集群`), the words before
   * a quoted goal (`生产安全事故起数和死亡人数`), or the milestone without its verb (`三甲复评`).
   */
  subject: string;
};

/** Clause marks (folded text keeps `，；：` full-width); a goal never reaches across one. */
const CLAUSE_BREAK = '，,；;。：:！？!?\\n';
/** How far before a count or quote its verb may stand (lists such as `建好A、B、C六大平台` are long). */
const VERB_WINDOW = 80;
const CLAUSE_BREAK_RE = new RegExp(`[${CLAUSE_BREAK}]`);
const SENTENCE_BREAK_RE = /[。！？!?\n]/;
const PUNCTUATION_RE = /[，,；;。：:！？!?]/;
/** Verbs that bring things into being: the count after them is the number of things promised. */
const CREATE_VERB_RE =
  /建设|建好|建成|打造|培育|引育|建立|形成|构建|创建|设立|新建|组建|搭建|实施|推出|出台|制定|引进|招引/;
/** Verbs that reach or set up a quoted goal (`实现“双下降”`, `建立…“三张清单”`). */
const REACH_VERB_RE = /实现|建立|完成|达到|确保|形成|建成|打造|创成|构建/;
/**
 * A count and its classifier before a noun. `大` (`5大集群`, `六大平台`) counts named members; a grade
 * (`2千亿级`) after the classifier makes the count a scale target. Not after another numeral or `第`
 * ({@link NOT_BEFORE_COUNT_RE}, tested in code: a look-behind here slowed the scan sixfold).
 */
const COUNT_RE =
  /(\d{1,4}|[一二两三四五六七八九十]{1,3})(大|张|项|个|座|条|批|家|所)(?:(\d*[十百千万亿]+级)|(?=[\u4e00-\u9fff]))/g;
const NOT_BEFORE_COUNT_RE = /[\d.零〇一二两三四五六七八九十百千万亿第“]/;
/** A quoted goal that starts with a count or `双`/`零`; plan labels (`“十四五”`) are not goals. */
const QUOTED_RE =
  /“((?:[双零]|[一二两三四五六七八九十百千]{1,3}|\d{1,3})[\u4e00-\u9fff]{1,6})”(?=[，,；;。！？!?\n]|$)/g;
const PLAN_LABEL_RE = /^十[一二三四五六七八九]五/;
/** `“15分钟生活圈”`, `“8分钟急救圈”`: the numeral measures distance or time in a name, it counts nothing. */
const MEASURED_NAME_RE = /^[\d零〇一二两三四五六七八九十百千]+(?:分钟|小时|公里|千米|米|天|年|岁|秒|个月|周)/;
/** How far into its clause the building verb of a count may start: only adverbs (`倾力`, `加快`) precede it. */
const HEAD_VERB_REACH = 4;
/** `以培育…为重点推动五大…`: a verb inside a framing phrase does not govern the count. */
const FRAME_RE = /[以在对把将按为由从经]/;
/** A milestone of `通过` ends its clause; `通过专项评估等方式` uses `通过` as "by means of". */
const PASS_RE = /^通过/;
const CLAUSE_END_RE = new RegExp(`^(?:[${CLAUSE_BREAK}]|$)`);
/**
 * Named milestones: carbon peaking or neutrality reached (`实现碳达峰目标`, `碳达峰目标如期实现`),
 * an assessment passed (`通过三甲复评`, `通过国家卫生城市复审`), a national or provincial title won
 * (`创成国家生态文明建设示范区`).
 */
const MILESTONE_RE = new RegExp(
  [
    `(?:实现|完成)(?:[^${CLAUSE_BREAK}]{0,6}?)(?:碳达峰|碳中和)(?:目标)?`,
    `(?:碳达峰|碳中和)目标(?:如期|全面|顺利)?实现`,
    `通过[^${CLAUSE_BREAK}“”]{1,14}?(?:验收|复评|复审|评审|认证|审定|评估|考核)`,
    `(?:创成|获批|成功创建|创建成功|创建|争创)(?:为)?(?:国家级|国家|全国|省级|全省|省)[^${CLAUSE_BREAK}“”()]{0,14}?` +
      `(?:示范区|示范市|示范县|示范城市|示范基地|示范园区|先行区|试验区|文明城市|卫生城市|园林城市|名城|产业园|园区|基地)`,
  ].join('|'),
  'g',
);
/** Every milestone holds one of these (`碳达峰`, `通过`, `创成`, `获批`). */
const MILESTONE_HINT_RE = /碳|通过|创|获批/;
/** The verb of a milestone, at either end (`实现碳达峰目标`, `碳达峰目标如期实现`). */
const MILESTONE_VERB_RE =
  /^(?:实现|完成|通过|创成|获批|成功创建|创建成功|创建|争创)(?:为)?|(?:如期|全面|顺利)?实现$/g;
/** The noun a count counts: Han characters up to a list mark, bracket or clause mark; `的` skipped. */
const NOUN_AFTER_RE = /^(的?)[\u4e00-\u9fff]+/;
const NOUN_REACH = 16;
/**
 * Every goal holds one of these: a numeral (counts, quoted counts), a closing quote, `碳` (carbon
 * milestones), `通` (`通过`) or `创`/`获` (titles). Full-width digits too: the text may be unfolded.
 */
const MAY_HOLD_RE = /[0-9０-９零〇一二两三四五六七八九十”碳通创获]/;

/** True for a match found by {@link scanGoals} (a goal, not a value of the quantity scanner). */
export function isGoal(match: QuantityMatch): match is GoalMatch {
  return 'goal' in match;
}

/**
 * True when `text` may hold a goal of {@link scanGoals}; false rules it out cheaply.
 */
export function mayHoldGoal(text: string): boolean {
  return MAY_HOLD_RE.test(text);
}

/**
 * Finds checkable goals that carry no value the quantity scanner reads (see {@link GoalKind}), in
 * half-width folded text `folded` (`text` is the original, for the target text). Each goal is dated
 * by the nearest deadline phrase before it in its sentence (`到2030年，全区实现碳达峰目标` → 2030).
 * Returned in order, non-overlapping; none in a line without punctuation (a heading or label). A
 * count that only names members of a list (`统筹5大产业`, `三项制度改革`) has no building verb before
 * it and is not a goal.
 */
export function scanGoals(text: string, folded: string): GoalMatch[] {
  // A line with no punctuation is a heading or a label (`2个万亿级产业集群` in a box), not a promise.
  if (!PUNCTUATION_RE.test(folded)) return [];
  // Cheap tests first: most paragraphs hold no quote mark and none of the milestone verbs.
  const found = counts(text, folded);
  if (folded.includes('”')) found.push(...quoted(text, folded));
  if (MILESTONE_HINT_RE.test(folded)) found.push(...milestones(text, folded));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: GoalMatch[] = [];
  for (const g of found) {
    const last = out[out.length - 1];
    if (!last || g.start >= last.end) out.push(g);
  }
  if (out.length > 0) dateGoals(folded, out);
  return out;
}

/**
 * Adds goals to the matches of the quantity scanner. A goal without a value is dropped when its
 * clause already holds a value (`力争15个新品种通过省级以上审定`: the count is the promise). A goal
 * that overlaps a match is dropped unless it covers the match and is longer (`1个2千亿级` over
 * `1个`); a deadline that stood alone because it dated no value is dropped once it dates a goal.
 */
export function mergeGoals(folded: string, matches: QuantityMatch[], goals: GoalMatch[]): QuantityMatch[] {
  if (goals.length === 0) return matches;
  const clause = clauseNumbers(folded, CLAUSE_BREAK_RE);
  const kept: GoalMatch[] = [];
  const dropped = new Set<QuantityMatch>();
  // Both lists are ordered: one pointer walks the matches, so the merge stays linear.
  let i = 0;
  let lastValue: QuantityMatch | null = null;
  for (const g of goals) {
    for (let m = matches[i]; m !== undefined && m.end <= g.start; m = matches[++i])
      if (m.target) lastValue = m;
    const overlapping: QuantityMatch[] = [];
    for (let j = i, m = matches[j]; m !== undefined && m.start < g.end; m = matches[++j]) overlapping.push(m);
    if (g.goal !== 'count' && hasValueInClause(clause, g, lastValue, matches[i + overlapping.length]))
      continue;
    const covers = overlapping.every(
      (m) => m.target !== null && g.start <= m.start && m.end <= g.end && g.end - g.start > m.end - m.start,
    );
    if (!covers) continue;
    for (const m of overlapping) dropped.add(m);
    kept.push(g);
  }
  const datedBy = new Set(kept.map((g) => g.datedFrom));
  const rest = matches.filter(
    (m) => !dropped.has(m) && !(m.target === null && m.deadline !== null && datedBy.has(m.start)),
  );
  return [...rest, ...kept].sort((a, b) => a.start - b.start);
}

/** True when the value before or after goal `g` lies in its clause. */
function hasValueInClause(
  clause: Int32Array,
  g: GoalMatch,
  before: QuantityMatch | null,
  after: QuantityMatch | undefined,
): boolean {
  const here = clause[g.start];
  if (before && clause[before.start] === here) return true;
  return after !== undefined && after.target !== null && clause[after.start] === here;
}

/** For each offset, how many marks matching `breakRe` come before it: equal numbers, same piece. */
function clauseNumbers(folded: string, breakRe: RegExp): Int32Array {
  const out = new Int32Array(folded.length + 1);
  let n = 0;
  for (let j = 0; j < folded.length; j++) {
    out[j] = n;
    if (breakRe.test(folded[j] ?? '')) n++;
  }
  out[folded.length] = n;
  return out;
}

function counts(text: string, folded: string): GoalMatch[] {
  const out: GoalMatch[] = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(folded); m !== null; m = COUNT_RE.exec(folded)) {
    const [whole, numeral = '', classifier = '', grade] = m;
    const arabic = /^\d/.test(numeral);
    const value = arabic ? Number(numeral) : parseChineseNumeral(numeral);
    // `一个`, `一批` mean "a", not a count; `两家医院` with no verb names things.
    if (value === null || value === 0 || (!arabic && value === 1)) continue;
    if (NOT_BEFORE_COUNT_RE.test(folded[m.index - 1] ?? '')) continue;
    if (grade === undefined && !headVerbCreates(clauseBefore(folded, m.index))) continue;
    if (insideBrackets(folded, m.index)) continue;
    const end = m.index + whole.length;
    const target = goalTarget(text.slice(m.index, end), 'absolute', value, classifier);
    const noun = NOUN_AFTER_RE.exec(folded.slice(end, end + NOUN_REACH));
    const skip = noun?.[1]?.length ?? 0;
    const subject = text.slice(end + skip, end + (noun?.[0].length ?? 0));
    out.push({ start: m.index, end, target, deadline: null, goal: 'count', datedFrom: null, subject });
  }
  return out;
}

function quoted(text: string, folded: string): GoalMatch[] {
  const out: GoalMatch[] = [];
  QUOTED_RE.lastIndex = 0;
  for (let m = QUOTED_RE.exec(folded); m !== null; m = QUOTED_RE.exec(folded)) {
    const inner = m[1] ?? '';
    if (PLAN_LABEL_RE.test(inner) || MEASURED_NAME_RE.test(inner)) continue;
    if (!REACH_VERB_RE.test(clauseBefore(folded, m.index))) continue;
    const end = m.index + m[0].length;
    const target = goalTarget(text.slice(m.index, end), 'qualitative', null, null);
    const before = clauseBefore(folded, m.index);
    const verb = before.search(REACH_VERB_RE);
    const subject = verb > 0 ? text.slice(m.index - before.length, m.index - before.length + verb) : inner;
    out.push({ start: m.index, end, target, deadline: null, goal: 'quoted', datedFrom: null, subject });
  }
  return out;
}

function milestones(text: string, folded: string): GoalMatch[] {
  const out: GoalMatch[] = [];
  MILESTONE_RE.lastIndex = 0;
  for (let m = MILESTONE_RE.exec(folded); m !== null; m = MILESTONE_RE.exec(folded)) {
    const end = m.index + m[0].length;
    const after = folded.slice(end, end + 1);
    // `创建全国文明城市的指导`: a milestone followed by `的` describes something else.
    if (after === '的' || (PASS_RE.test(m[0]) && !CLAUSE_END_RE.test(after))) continue;
    const target = goalTarget(text.slice(m.index, end), 'qualitative', null, null);
    const subject = target.text.replace(MILESTONE_VERB_RE, '');
    out.push({ start: m.index, end, target, deadline: null, goal: 'milestone', datedFrom: null, subject });
  }
  return out;
}

/**
 * True when the clause opens with a building verb, after at most a short adverb (`倾力打造`,
 * `全力建设`): in `做强城市运营、建设施工…三大主业` the verb is part of a listed name.
 */
function headVerbCreates(clause: string): boolean {
  const at = clause.search(CREATE_VERB_RE);
  return at >= 0 && at <= HEAD_VERB_REACH && !FRAME_RE.test(clause.slice(0, at));
}

/** The clause before `at`, at most {@link VERB_WINDOW} characters. */
function clauseBefore(folded: string, at: number): string {
  const from = Math.max(0, at - VERB_WINDOW);
  let cut = at - 1;
  while (cut >= from && !CLAUSE_BREAK_RE.test(folded[cut] ?? '')) cut--;
  return folded.slice(cut + 1, at);
}

/** A count inside brackets (`（两湖：…二百余条河道）`) is a note, not a promise. */
function insideBrackets(folded: string, at: number): boolean {
  const before = clauseBefore(folded, at);
  let depth = 0;
  for (const ch of before) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/** Dates each goal by the nearest deadline phrase before it with no sentence end in between. */
function dateGoals(folded: string, goals: GoalMatch[]): void {
  const deadlines = scanDeadlines(folded);
  if (deadlines.length === 0) return;
  const sentence = clauseNumbers(folded, SENTENCE_BREAK_RE);
  let d = 0;
  for (const g of goals) {
    while ((deadlines[d + 1]?.end ?? Infinity) <= g.start) d++;
    const best = deadlines[d];
    if (best && best.end <= g.start && sentence[best.end] === sentence[g.start]) {
      g.deadline = best.year;
      g.datedFrom = best.start;
    }
  }
}

function goalTarget(
  text: string,
  kind: 'absolute' | 'qualitative',
  value: number | null,
  unit: string | null,
): Target {
  return { ...blankTarget(text), kind, value, unit, parsed: true };
}
