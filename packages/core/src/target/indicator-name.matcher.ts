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
  bigrams: ReadonlySet<string>;
  measure: string | null;
  scope: string;
  numerator: string | null;
  core: string;
};

const REGION_RE = /^(?:全区|全市|全省|全国|全县|我区|我市|我省|全社会)/;
const MAGNITUDE_RE = /^(?:万亿|千亿|百亿|千万|百万|亿|万|千|百)/;
const PERCENT_UNITS = new Set(['%', '个百分点', '百分点']);
const SCOPE_RE = /农村|乡村|城乡|城市|城镇|农民/g;
const CORE_PREFIX_RE = /^(?:新增|新引进|引进|累计|各类|全部)+/;
const CORE_SUFFIX_RE = /(?:总数|总量|数量|数)$/;

/** Normalises a name or subject: half-width, no brackets, spaces, `的` or leading region word. */
export function normalizeMeasureName(name: string): string {
  let s = toHalfWidth(name).replace(/\s+/g, '');
  for (let i = 0; i < 3; i++) s = s.replace(/\([^()]*\)|【[^【】]*】|“|”|"/g, '');
  return s
    .replace(/的/g, '')
    .replace(/增速|增幅/g, '增长')
    .replace(REGION_RE, '');
}

/**
 * Prepares indicator names once per document: bigrams of the bare name, and the unit — the
 * indicator's own `unit` when given (parsed indicators carry one), else the last bracket of the name.
 */
export function prepareIndicators(indicators: ReadonlyArray<IndicatorRef>): IndicatorName[] {
  return indicators.map((ind) => {
    const unit = ind.unit ?? /\(([^()]{1,12})\)\s*$/.exec(toHalfWidth(ind.name).trim())?.[1] ?? null;
    const name = normalizeMeasureName(ind.name);
    return {
      seq: ind.seq,
      bigrams: bigrams(name),
      measure: measureOf(unit),
      scope: scopeWords(name),
      numerator: numeratorOf(name),
      core: coreTerm(name),
    };
  });
}

/**
 * The `seq` of the indicator whose name best matches `subject`, or null. A match needs a bigram Dice
 * coefficient of at least 0.6, or at least four shared bigrams covering 80% of the subject's (so the
 * short `研发经费支出占比` still finds `研发经费支出占地区生产总值比重`), compatible units, the same
 * scope words (`农村`, `城镇`…) and, for two shares (`A占B比重`), similar measured parts A. Equal key
 * terms (`各类人才` and `新增人才数` are both `人才`) match outright.
 */
export function matchIndicator(
  prepared: readonly IndicatorName[],
  subject: string,
  unit: string | null,
): string | null {
  const grams = bigrams(normalizeMeasureName(subject));
  if (grams.size === 0) return null;
  const measure = measureOf(unit);
  let best: { seq: string; score: number } | null = null;
  const name = normalizeMeasureName(subject);
  const scope = scopeWords(name);
  const numerator = numeratorOf(name);
  const core = coreTerm(name);
  for (const ind of prepared) {
    if (!compatible(measure, ind.measure) || ind.scope !== scope) continue;
    if (numerator !== null && ind.numerator !== null && !similar(bigrams(numerator), bigrams(ind.numerator)))
      continue;
    const dice = core.length >= 2 && core === ind.core ? 1 : similarity(grams, ind.bigrams);
    if (dice === null) continue;
    if (!best || dice > best.score) best = { seq: ind.seq, score: dice };
  }
  return best ? best.seq : null;
}

/** Dice coefficient when the sets are similar enough (see {@link matchIndicator}), else null. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number | null {
  if (a.size === 0 || b.size === 0) return null;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  const covers = shared >= 4 && shared / a.size >= 0.8;
  return dice >= 0.6 || covers ? dice : null;
}

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
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

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function measureOf(unit: string | null): string | null {
  if (unit === null) return null;
  const u = toHalfWidth(unit).replace(/\s+/g, '');
  if (PERCENT_UNITS.has(u)) return '%';
  const bare = u.replace(MAGNITUDE_RE, '');
  return bare.length > 0 ? bare : u;
}

function compatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}
