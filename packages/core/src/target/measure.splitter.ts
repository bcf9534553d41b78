import { toHalfWidth } from '../text/width.js';

/** One measure of a row that states values for several, with its own name, unit and cells. */
export type MeasurePart = { name: string; unit: string | null; target: string; baseline: string | null };

const SPACES_RE = /\s+/g;
const DIGIT_RE = /\d/;
/** Slashes that separate measures; a slash between two digits of one value is never written. */
const SLASH_RE = /[/／]/;

/**
 * Splits a row whose value cell holds one value per measure, separated by slashes, under a unit
 * (or a name) with as many slash-separated parts: `8358/244` under `万人次/万吨` is 8358 万人次 and
 * 244 万吨, not one value of a ratio unit. A ratio unit (`万元/人`) has one value, and a fraction
 * (`1/3`) has a unit without a slash, so neither splits. Parts are named by the name's parts when
 * it has as many (`旅客吞吐量/货邮吞吐量`), else all keep the whole name and differ by unit. The
 * baseline is split the same way when it has as many parts, else each part keeps it whole.
 * Returns null when the row is one measure.
 */
export function splitMeasures(
  name: string,
  unit: string | null,
  target: string,
  baseline: string | null,
): MeasurePart[] | null {
  const values = cellParts(target);
  if (values.length < 2 || !values.every((v) => DIGIT_RE.test(toHalfWidth(v)))) return null;
  const units = unit === null ? [] : slashParts(unit);
  const names = slashParts(name);
  if (units.length !== values.length && names.length !== values.length) return null;
  const baselines = baseline === null ? [] : cellParts(baseline);
  return values.map((value, i) => ({
    name: names.length === values.length ? (names[i] ?? name) : name,
    unit: units.length === values.length ? (units[i] ?? null) : unit,
    target: value,
    baseline: baselines.length === values.length ? (baselines[i] ?? null) : baseline,
  }));
}

/** The slash-separated parts of a cell as written (each trimmed): a target keeps its exact text. */
function cellParts(text: string): string[] {
  return text.split(SLASH_RE).map((part) => part.trim());
}

/** The slash-separated parts of a name or unit, folded and without spaces. */
function slashParts(text: string): string[] {
  const folded = toHalfWidth(text).replace(SPACES_RE, '');
  if (!SLASH_RE.test(folded)) return [folded];
  return folded.split(SLASH_RE);
}
