import { addFlag, type AssessmentContext } from './assessment-context.js';
import type { ReferencePoint, ReferenceSeries } from './assessment.types.js';

/**
 * Find the reference series for a relative or external target: the office's explicit choice,
 * else the series named as the target names it (`全市平均`), else one whose name contains that
 * word, else — for external targets only — the single series supplied. Returns null (and flags
 * it) when none fits, so a missing reference reads as 数据不足 rather than as a wrong comparison.
 */
export function findReference(
  ctx: AssessmentContext,
  wanted: string | null,
  allowSingle: boolean,
): ReferenceSeries | null {
  const refs = ctx.input.references ?? [];
  const name = ctx.input.options?.referenceName ?? wanted;
  let found: ReferenceSeries | undefined;
  if (name !== null && name !== '') {
    found =
      refs.find((r) => r.name === name) ?? refs.find((r) => r.name.includes(name) || name.includes(r.name));
  }
  if (found === undefined && allowSingle && refs.length === 1) found = refs[0];
  if (found === undefined) {
    addFlag(ctx.flags, 'reference-missing', {
      zh: `未找到参照值“${name ?? '未指定'}”`,
      en: `no reference series "${name ?? 'unspecified'}" was supplied`,
    });
    return null;
  }
  if (found.points.some((p) => p.estimated === true && p.period > ctx.y0 && p.period <= ctx.asOf)) {
    addFlag(ctx.flags, 'reference-estimated', {
      zh: `参照值“${found.name}”含预计数`,
      en: `the reference "${found.name}" includes estimates`,
    });
  }
  return found;
}

/** Reference value of one year (the last point given for that year wins: revisions are appended). */
export function referenceAt(points: readonly ReferencePoint[], period: number): number | null {
  let v: number | null = null;
  for (const p of points) if (p.period === period && Number.isFinite(p.value)) v = p.value;
  return v;
}
