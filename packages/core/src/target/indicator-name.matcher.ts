import { toHalfWidth } from '../text/width.js';

/**
 * Matches the subject of a sentence (`新增城镇就业人数`, `高新技术企业数`) to the indicator it restates
 * (`城镇新增就业人数（万人）`, `高新技术企业数（家）`). Deliberately simple: names are compared by
 * character bigrams after removing bracketed parts and region words, and a unit that clearly differs
 * (`亿元` against `%`) vetoes the match — so `地区生产总值达1500亿元` does not restate a growth rate.
 */

/** What the matcher needs of an indicator; a full `Indicator` fits. */
export type IndicatorRef = { seq: string; name: string; unit?: string | null };

/** An indicator name prepared for matching. */
export type IndicatorName = {
  seq: string;
  bigrams: ReadonlySet<number>;
  measure: string | null;
  scope: string;
  /** Bigrams of the measured part of a share (`A占B比重` → A), or null for other names. */
  numeratorBigrams: ReadonlySet<number> | null;
  core: string;
};

/**
 * The names of one document, with an index from each bigram to the names holding it: a subject's
 * shared bigrams are then counted for all names at once instead of one set intersection per name.
 */
export type PreparedIndicators = {
  names: readonly IndicatorName[];
  byBigram: ReadonlyMap<number, readonly number[]>;
};

const REGION_RE = /^(?:全区|全市|全省|全国|全县|我区|我市|我省|全社会)/;
const MAGNITUDE_RE = /^(?:万亿|千亿|百亿|千万|百万|亿|万|千|百)/;
const PERCENT_UNITS = new Set(['%', '个百分点', '百分点']);
const SCOPE_RE = /农村|乡村|城乡|城市|城镇|农民/g;
const CORE_PREFIX_RE = /^(?:新增|新引进|引进|累计|各类|全部)+/;
const CORE_SUFFIX_RE = /(?:总数|总量|数量|数)$/;
const SPACES_RE = /\s+/g;
const SPACE_RE = /\s/;
const BRACKETED_RE = /\([^()]*\)|【[^【】]*】|“|”|"/g;
/** Every match of {@link BRACKETED_RE} starts with one of these. */
const BRACKET_START_RE = /[(【“”"]/;
const OF_RE = /的/g;
const GROWTH_RE = /增速|增幅/g;
const UNIT_BRACKET_RE = /\(([^()]{1,12})\)\s*$/;

/** Normalises a name or subject: half-width, no brackets, spaces, `的` or leading region word. */
export function normalizeMeasureName(name: string): string {
  // Global replaces are costly and this runs for every subject: each is skipped when it cannot apply.
  let s = toHalfWidth(name);
  if (SPACE_RE.test(s)) s = s.replace(SPACES_RE, '');
  // Three rounds peel nested brackets; once a round changes nothing, later ones would not either.
  for (let i = 0; i < 3 && BRACKET_START_RE.test(s); i++) {
    const peeled = s.replace(BRACKETED_RE, '');
    if (peeled === s) break;
    s = peeled;
  }
  if (s.includes('的')) s = s.replace(OF_RE, '');
  if (s.includes('增速') || s.includes('增幅')) s = s.replace(GROWTH_RE, '增长');
  return s.replace(REGION_RE, '');
}

/**
 * Prepares indicator names once per document: bigrams of the bare name, and the unit — the
 * indicator's own `unit` when given (parsed indicators carry one), else the last bracket of the name.
 */
export function prepareIndicators(indicators: ReadonlyArray<IndicatorRef>): PreparedIndicators {
  const names = indicators.map((ind): IndicatorName => {
    const unit = ind.unit ?? UNIT_BRACKET_RE.exec(toHalfWidth(ind.name).trim())?.[1] ?? null;
    const name = normalizeMeasureName(ind.name);
    const numerator = numeratorOf(name);
    return {
      seq: ind.seq,
      bigrams: bigrams(name),
      measure: measureOf(unit),
      scope: scopeWords(name),
      numeratorBigrams: numerator === null ? null : bigrams(numerator),
      core: coreTerm(name),
    };
  });
  const byBigram = new Map<number, number[]>();
  names.forEach((ind, i) => {
    for (const g of ind.bigrams) {
      const holders = byBigram.get(g);
      if (holders) holders.push(i);
      else byBigram.set(g, [i]);
    }
  });
  return { names, byBigram };
}

/**
 * The `seq` of the indicator whose name best matches `subject`, or null. A match needs a bigram Dice
 * coefficient of at least 0.6, or at least four shared bigrams covering 80% of the subject's (so the
 * short `研发经费支出占比` still finds `研发经费支出占地区生产总值比重`), compatible units, the same
 * scope words (`农村`, `城镇`…) and, for two shares (`A占B比重`), similar measured parts A. Equal key
 * terms (`各类人才` and `新增人才数` are both `人才`) match outright.
 */
export function matchIndicator(
  prepared: PreparedIndicators,
  subject: string,
  unit: string | null,
): string | null {
  const name = normalizeMeasureName(subject);
  const grams = bigrams(name);
  if (grams.size === 0) return null;
  const measure = measureOf(unit);
  let best: { seq: string; score: number } | null = null;
  const scope = scopeWords(name);
  const numerator = numeratorOf(name);
  const numeratorGrams = numerator === null ? null : bigrams(numerator);
  const core = coreTerm(name);
  const shared = sharedBigrams(prepared, grams);
  for (let i = 0; i < prepared.names.length; i++) {
    const ind = prepared.names[i];
    if (!ind) continue;
    // Most names share too little with the subject: that cheapest test goes first.
    const dice =
      core.length >= 2 && core === ind.core ? 1 : similarity(grams.size, ind.bigrams.size, shared[i] ?? 0);
    if (dice === null) continue;
    if (!compatible(measure, ind.measure) || ind.scope !== scope) continue;
    if (
      numeratorGrams !== null &&
      ind.numeratorBigrams !== null &&
      !similar(numeratorGrams, ind.numeratorBigrams)
    )
      continue;
    if (!best || dice > best.score) best = { seq: ind.seq, score: dice };
  }
  return best ? best.seq : null;
}

/** For each prepared name, how many of the bigrams `grams` it holds. */
function sharedBigrams(prepared: PreparedIndicators, grams: ReadonlySet<number>): number[] {
  const shared = new Array<number>(prepared.names.length).fill(0);
  for (const g of grams) for (const i of prepared.byBigram.get(g) ?? []) shared[i] = (shared[i] ?? 0) + 1;
  return shared;
}

/**
 * Dice coefficient of a subject with `size` bigrams and a name with `otherSize`, sharing `shared`,
 * when they are similar enough (see {@link matchIndicator}); else null.
 */
function similarity(size: number, otherSize: number, shared: number): number | null {
  if (size === 0 || otherSize === 0) return null;
  const dice = (2 * shared) / (size + otherSize);
  const covers = shared >= 4 && shared / size >= 0.8;
  return dice >= 0.6 || covers ? dice : null;
}

function similar(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size) >= 0.6;
}

/** Words that narrow who is measured (`农村居民…` is not `居民…`); both names must carry the same ones. */
function scopeWords(name: string): string {
  return (name.match(SCOPE_RE) ?? []).sort().join('|');
}

/**
 * The key term once words that do not narrow the measure are gone: `新增人才数` and `各类人才` are both
 * `人才`, while `高技能人才` stays itself.
 */
function coreTerm(name: string): string {
  return name.replace(CORE_PREFIX_RE, '').replace(CORE_SUFFIX_RE, '');
}

/** For a share (`A占B比重`), the measured part A: `旅游产业增加值占GDP比重` is not the digital-economy share. */
function numeratorOf(name: string): string | null {
  const at = name.indexOf('占');
  return at > 0 ? name.slice(0, at) : null;
}

/**
 * The pairs of adjacent code points, each as one number (`first * 0x110000 + second`, unique per
 * pair): numbers hash and compare faster than two-character strings, and no string is built.
 */
function bigrams(s: string): Set<number> {
  const out = new Set<number>();
  let previous = -1;
  for (let i = 0; i < s.length;) {
    const code = s.codePointAt(i) ?? 0;
    i += code > 0xffff ? 2 : 1;
    if (previous >= 0) out.add(previous * 0x110000 + code);
    previous = code;
  }
  return out;
}

function measureOf(unit: string | null): string | null {
  if (unit === null) return null;
  const u = toHalfWidth(unit).replace(SPACES_RE, '');
  if (PERCENT_UNITS.has(u)) return '%';
  const bare = u.replace(MAGNITUDE_RE, '');
  return bare.length > 0 ? bare : u;
}

function compatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}
