import type { GazetteerEntry } from '../model/plan-model.schema.js';
import type { TextUnit } from './text-unit.js';
import {
  BARE_ZONE_NAMES,
  CITY_NEXT_STOP,
  CITY_STOP_ENDINGS,
  CONNECTORS,
  DISTRICT_NEXT_STOP,
  DISTRICT_STOP,
  GENERIC_AREA_START,
  INDUSTRY_TERMS,
  PARK_ENDINGS,
  SUBDISTRICT_STOP,
  TOWN_NEXT_STOP,
  TOWN_STOP,
  ZONE_ENDINGS,
} from './gazetteer.vocabulary.js';
import {
  PREFIX_WORD_SET,
  type EndingTable,
  charCodes,
  endingTable,
  escapeRegExp,
  findEnding,
  isAreaChar,
  isCloseParen,
  isHan,
  isOpenParen,
  longestFirst,
  stripPrefixWords,
} from './lookups.gazetteer.js';

type Kind = GazetteerEntry['kind'];

/** How a candidate was cut from the text before it: at a boundary, after stripping a verb, or not at all. */
type Strength = 'strong' | 'weak' | 'none';

type Candidate = {
  kind: Kind;
  name: string;
  unitIndex: number;
  start: number;
  end: number;
  valid: boolean;
  strength: Strength;
};

/** One kind of place: where its endings are, which characters its qualifier may use, what is valid. */
type PlaceRule = {
  kind: Kind;
  /** The character all endings of the rule close with (`镇`, `道`, `园`, `区`, `城`). */
  lastChar: string;
  /** The ending closing at `last`, an offset of {@link lastChar} in the text, if one does. */
  endingAt: (text: string, last: number) => string | undefined;
  /** Whether a character (UTF-16 code unit) may be part of the qualifier before the ending. */
  isQualifierChar: (code: number) => boolean;
  maxQualifier: number;
  valid: (qualifier: string, ending: string, cutAt: string | null) => boolean;
};

/** `五大`, `十大`: a counted group (`五大文化产业集聚区`), not a name. */
const COUNTED = /[一二三四五六七八九十百千\d]+大/;
const HAN_ONLY = /^[\u4e00-\u9fff]*$/;

/**
 * Candidate places and industries of a plan, for linking measures to where they happen:
 * - towns `XX镇` and subdistricts `XX街道` (2–4 Han characters before the ending once leading verbs and
 *   connectors are cut off; generic `乡镇`, `城镇`, `全镇`, `各镇`, `镇级` … are not names);
 * - parks ending in `产业园`, `创新园`, `科技园`, `乐园` … (kind `park`);
 * - zones: `高新区`, `经开区`, `旅游度假区`, `集聚区` … with a qualifier, two-character districts such as
 *   `武进区`, and the named cities of a spatial layout (`西太湖生态科学城`, 6–10 characters);
 * - industries from {@link INDUSTRY_TERMS} (kind `industry`), longest term first.
 * A run that cannot be cut cleanly (`外来人口集聚湖塘镇`) is resolved to a name found elsewhere in the
 * document that it ends with (`湖塘镇`). Entries are in order of first mention, with mention counts.
 */
export function extractGazetteer(units: readonly TextUnit[]): GazetteerEntry[] {
  // Order matters: unit, then rule, then position — the stable sort below keeps it for equal offsets.
  const candidates: Candidate[] = [];
  const industries: Mention[] = [];
  units.forEach((unit, unitIndex) => {
    for (const rule of RULES) placeCandidates(unit.text, unitIndex, rule, candidates);
    industryMentions(unit.text, unitIndex, industries);
  });
  const mentions = resolve(candidates);
  for (const industry of industries) mentions.push(industry);
  mentions.sort((a, b) => a.unitIndex - b.unitIndex || a.start - b.start);

  const entries = new Map<string, GazetteerEntry>();
  for (const m of mentions) {
    const key = `${m.kind}|${m.name}`;
    const entry = entries.get(key);
    if (entry !== undefined) {
      entry.mentions++;
      continue;
    }
    const unit = units[m.unitIndex];
    if (unit === undefined) continue;
    entries.set(key, { name: m.name, kind: m.kind, mentions: 1, firstSource: unit.span(m.start, m.end) });
  }
  return [...entries.values()];
}

type Mention = { kind: Kind; name: string; unitIndex: number; start: number; end: number };

/**
 * Keeps strong valid candidates; maps the others to the longest valid name of the same kind they end
 * with (`进一步理顺湖塘镇` → `湖塘镇`), else keeps them when valid.
 */
function resolve(candidates: readonly Candidate[]): Mention[] {
  const known = new Map<Kind, Set<string>>();
  for (const c of candidates) {
    if (!c.valid) continue;
    const names = known.get(c.kind) ?? new Set<string>();
    names.add(c.name);
    known.set(c.kind, names);
  }
  // A candidate kept as it is serves as its own mention (it has all of a mention's fields).
  const out: Mention[] = [];
  for (const c of candidates) {
    if (c.valid && c.strength === 'strong') {
      out.push(c);
      continue;
    }
    const { kind, name, unitIndex, end } = c;
    const suffix = longestKnownSuffix(name, known.get(kind));
    if (suffix !== undefined) out.push({ kind, name: suffix, unitIndex, start: end - suffix.length, end });
    else if (c.valid) out.push(c);
  }
  return out;
}

/**
 * The longest name in `known` that `name` ends with, shorter than `name` itself. Names are short, so
 * trying each suffix against the set is cheaper than testing every known name against this one.
 */
function longestKnownSuffix(name: string, known: ReadonlySet<string> | undefined): string | undefined {
  if (known === undefined) return undefined;
  for (let length = name.length - 1; length > 0; length--) {
    const suffix = name.slice(name.length - length);
    if (known.has(suffix)) return suffix;
  }
  return undefined;
}

/**
 * Appends the candidates of one rule in a text to `out`, in text order. Positions are found with
 * `indexOf` of the rule's last character and handled one by one, without collecting them first: this
 * runs for every rule on every paragraph, and most paragraphs have no or few endings.
 */
function placeCandidates(text: string, unitIndex: number, rule: PlaceRule, out: Candidate[]): void {
  for (let last = text.indexOf(rule.lastChar); last >= 0; last = text.indexOf(rule.lastChar, last + 1)) {
    const ending = rule.endingAt(text, last);
    if (ending !== undefined) out.push(candidateAt(text, unitIndex, rule, last + 1 - ending.length, ending));
  }
}

/** The candidate whose ending starts at `at`: the qualifier before it, cut and validated. */
function candidateAt(
  text: string,
  unitIndex: number,
  rule: PlaceRule,
  at: number,
  ending: string,
): Candidate {
  let start = at;
  while (start > 0 && at - start < rule.maxQualifier && rule.isQualifierChar(text.charCodeAt(start - 1)))
    start--;
  const truncated = start > 0 && rule.isQualifierChar(text.charCodeAt(start - 1));
  start = balanceParentheses(text, start, at);
  let strength: Strength = truncated ? 'none' : 'strong';
  const connector = lastConnector(text, start, at);
  if (connector >= 0) {
    start = connector + 1;
    strength = 'weak';
  }
  const stripped = stripPrefixWords(text, start, at);
  if (stripped > start) {
    start = stripped;
    strength = 'weak';
  }
  const qualifier = text.slice(start, at);
  const cutAt = connector >= 0 ? text.charAt(connector) : null;
  const valid =
    strength !== 'none' &&
    !PREFIX_WORD_SET.has(qualifier) &&
    !COUNTED.test(qualifier) &&
    rule.valid(qualifier, ending, cutAt);
  return {
    kind: rule.kind,
    name: qualifier + ending,
    unitIndex,
    start,
    end: at + ending.length,
    valid,
    strength,
  };
}

const CONNECTOR_CODES = charCodes(CONNECTORS);

/** Offset of the last {@link CONNECTORS} character in `text[start, at)`, or -1. */
function lastConnector(text: string, start: number, at: number): number {
  for (let i = at - 1; i >= start; i--) if (CONNECTOR_CODES.has(text.charCodeAt(i))) return i;
  return -1;
}

/** Moves `start` right past any `（` left open before `at` or any `）` without its opener. */
function balanceParentheses(text: string, start: number, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (isCloseParen(code)) depth++;
    else if (isOpenParen(code)) {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  if (depth === 0) return start;
  for (let i = start; i < at; i++) {
    if (isCloseParen(text.charCodeAt(i))) return balanceParentheses(text, i + 1, at);
  }
  return start;
}

function hanOnly(s: string): boolean {
  return HAN_ONLY.test(s);
}

const NO_CODES: ReadonlySet<number> = new Set();

/**
 * The longest ending of the table (so `高新区` wins over `区`) that closes at `last`, unless the
 * character after it is in `skipNext` (`镇级`, `区域`).
 */
function endingClosingAt(
  text: string,
  last: number,
  endings: EndingTable,
  skipNext: ReadonlySet<number> = NO_CODES,
): string | undefined {
  if (skipNext.has(text.charCodeAt(last + 1))) return undefined;
  return findEnding(text, last, endings);
}

const TOWN = endingTable(['镇']);
const SUBDISTRICT = endingTable(['街道']);
const DISTRICT = endingTable(['区']);
const CITY = endingTable(['城']);
const PARKS = endingTable(PARK_ENDINGS);
const ZONES = endingTable(ZONE_ENDINGS);
const TOWN_STOP_LIST = [...TOWN_STOP];
const DISTRICT_STOP_LIST = [...DISTRICT_STOP];
const AFTER_TOWN_STOP = charCodes(TOWN_NEXT_STOP);
const AFTER_PARK_STOP = charCodes('区');
const AFTER_DISTRICT_STOP = charCodes(DISTRICT_NEXT_STOP);
const AFTER_CITY_STOP = charCodes(CITY_NEXT_STOP);

/** Whether a name ends with one of the words (the name is built once by the caller, not per word). */
function endsWithAny(name: string, words: readonly string[]): boolean {
  return words.some((word) => name.endsWith(word));
}

const RULES: readonly PlaceRule[] = [
  {
    kind: 'town',
    lastChar: '镇',
    endingAt: (text, last) => endingClosingAt(text, last, TOWN, AFTER_TOWN_STOP),
    isQualifierChar: isHan,
    maxQualifier: 8,
    valid: (q) => q.length >= 2 && q.length <= 4 && !endsWithAny(`${q}镇`, TOWN_STOP_LIST),
  },
  {
    kind: 'subdistrict',
    lastChar: '道',
    endingAt: (text, last) => endingClosingAt(text, last, SUBDISTRICT),
    isQualifierChar: isHan,
    maxQualifier: 8,
    valid: (q) => q.length >= 2 && q.length <= 4 && !SUBDISTRICT_STOP.has(q) && !q.endsWith('镇'),
  },
  {
    kind: 'park',
    lastChar: '园',
    endingAt: (text, last) => endingClosingAt(text, last, PARKS, AFTER_PARK_STOP),
    isQualifierChar: isAreaChar,
    maxQualifier: 16,
    valid: (q, ending) => q.length >= 2 && !GENERIC_AREA_START.test(q + ending),
  },
  {
    kind: 'zone',
    lastChar: '区',
    endingAt: (text, last) => endingClosingAt(text, last, ZONES),
    isQualifierChar: isAreaChar,
    maxQualifier: 16,
    valid: (q, ending) =>
      (q.length >= 2 || (q === '' && BARE_ZONE_NAMES.has(ending))) && !GENERIC_AREA_START.test(q + ending),
  },
  {
    kind: 'zone',
    lastChar: '区',
    // A `区` that closes a zone ending (`高新区`) is the rule above's.
    endingAt: (text, last) =>
      endingClosingAt(text, last, ZONES) === undefined
        ? endingClosingAt(text, last, DISTRICT, AFTER_DISTRICT_STOP)
        : undefined,
    isQualifierChar: isHan,
    maxQualifier: 8,
    valid: (q) => q.length === 2 && !endsWithAny(`${q}区`, DISTRICT_STOP_LIST),
  },
  {
    kind: 'zone',
    lastChar: '城',
    endingAt: (text, last) => endingClosingAt(text, last, CITY, AFTER_CITY_STOP),
    isQualifierChar: isHan,
    maxQualifier: 10,
    valid: (q, _ending, cutAt) =>
      q.length >= 5 &&
      q.length <= 9 &&
      cutAt !== '的' &&
      hanOnly(q) &&
      !endsWithAny(`${q}城`, CITY_STOP_ENDINGS),
  },
];

/**
 * All industry terms as one alternation, longest first: a global match finds, left to right, the
 * first (longest) term at the leftmost position and resumes after it — the same as trying every term
 * at every character, without ~26 `startsWith` calls per character.
 */
const INDUSTRY_PATTERN = new RegExp(longestFirst(INDUSTRY_TERMS).map(escapeRegExp).join('|'), 'g');

/** Appends the industry mentions of a text to `out`. */
function industryMentions(text: string, unitIndex: number, out: Mention[]): void {
  // `exec` on the shared global pattern rather than `matchAll`, which clones the RegExp per call.
  INDUSTRY_PATTERN.lastIndex = 0;
  for (let m = INDUSTRY_PATTERN.exec(text); m !== null; m = INDUSTRY_PATTERN.exec(text)) {
    out.push({ kind: 'industry', name: m[0], unitIndex, start: m.index, end: m.index + m[0].length });
  }
}
