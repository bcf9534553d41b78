import type { BilingualMessage, Comparator } from '../model/plan-model.schema.js';
import { addFlag, buildContext, type AssessmentContext } from './assessment-context.js';
import type {
  Assessment,
  AssessmentInput,
  ReviewerJudgement,
  SetAsideObservation,
} from './assessment.types.js';
import { assessCumulativeChange, assessCumulativeSum } from './cumulative.method.js';
import { isReductionRate } from './direction.infer.js';
import { composeExplanation, fmt, forecastSentence } from './explanation.builder.js';
import { assessExternal } from './external.method.js';
import { assessLevelPath } from './level.method.js';
import { insufficient, type MethodOutcome } from './method-outcome.js';
import { assessQualitative } from './qualitative.method.js';
import { assessRange } from './range.method.js';
import { assessRate } from './rate.method.js';
import { assessRelative } from './relative.method.js';
import { METHOD_NAMES } from './status-scale.js';

/**
 * Assess one indicator as of one year. Pure and total: for any input it returns an assessment —
 * 数据不足 with the reason when the data cannot decide — and never throws on data. The status
 * always comes with its method, formula, inputs, thresholds, flags and a bilingual explanation.
 */
export function assessIndicator(input: AssessmentInput): Assessment {
  const ctx = buildContext(input);
  let out = runMethod(ctx);
  const j = input.judgement ?? null;
  if (out.status === '数据不足' && j !== null && j.period <= input.asOf) out = withJudgement(ctx, out, j);
  const pointCount = ctx.points.length + (ctx.baseline !== null ? 1 : 0);
  if (pointCount === 1 && out.forecast === null) {
    addFlag(ctx.flags, 'single-point', {
      zh: '只有一个数据点，无法判断趋势，不作预测',
      en: 'only one data point: no trend and no forecast',
    });
  }
  if (ctx.points.length === 0) {
    addFlag(ctx.flags, 'no-plan-period-data', {
      zh: `尚无规划期（${ctx.y0 + 1}年起）口径一致的数据`,
      en: `no in-scope data for the plan period (from ${ctx.y0 + 1}) yet`,
    });
  }
  flagSetAside(ctx, ctx.setAside);
  const binding =
    ctx.ind.attribute === '约束性'
      ? out.yearly.map((y) => ({ period: y.period, verdict: y.ok ? ('达标' as const) : ('未达标' as const) }))
      : null;
  const latest = ctx.points[ctx.points.length - 1] ?? null;
  // Once the target year is observed the outcome is known: no projection, and a binding target
  // that is not met is warned as such.
  const final = latest !== null && latest.period >= ctx.yT;
  const forecast = final ? null : out.forecast;
  const lagging = out.status === '滞后' || out.status === '严重滞后';
  const warning =
    binding !== null && (final ? !out.met : forecast !== null ? !forecast.meetsTarget : lagging);
  const methodName = METHOD_NAMES[out.method];
  const scopeLabel = ctx.target.scope ?? ctx.ind.scope ?? ctx.scope;
  const explanation = composeExplanation({
    seq: ctx.ind.seq,
    name: ctx.ind.name,
    unit: ctx.ind.unit,
    targetText: ctx.target.text,
    attribute: ctx.ind.attribute,
    direction: ctx.direction,
    scope: scopeLabel,
    baseline: ctx.baseline,
    points: ctx.points,
    setAside: ctx.setAside,
    methodName,
    formula: out.formula,
    steps: out.steps,
    status: out.status,
    binding,
    warning,
    forecast,
    forecastText:
      forecast === null
        ? null
        : forecastSentence(
            forecast,
            out.method === 'level-path' ||
              out.method === 'level-change' ||
              out.method === 'range-band' ||
              out.method === 'cumulative-sum' ||
              out.method === 'external-set-value'
              ? ctx.ind.unit
              : null,
          ),
    required: out.required,
    flags: ctx.flags,
  });
  return {
    seq: ctx.ind.seq,
    name: ctx.ind.name,
    kind: ctx.target.kind,
    targetText: ctx.target.text,
    asOf: ctx.asOf,
    dataYear: latest?.period ?? null,
    status: out.status,
    met: out.met,
    method: out.method,
    methodName,
    formula: out.formula,
    direction: ctx.direction,
    measure: ctx.measure,
    pathModel: out.pathModel,
    pathModelSource: out.pathModel === null ? null : ctx.pathModelSource,
    baseline: ctx.baseline,
    targetValue: out.targetValue,
    latest,
    expected: out.expected,
    progressRatio: out.progressRatio,
    rangePosition: out.rangePosition,
    yearly: out.yearly,
    binding,
    warning,
    forecast,
    required: out.required,
    inputs: { observations: ctx.points, setAside: ctx.setAside, reference: out.reference, judgement: j },
    thresholds: ctx.th,
    flags: ctx.flags,
    explanation,
  };
}

/** Assess many indicators (same rules, one call each). */
export function assessIndicators(inputs: readonly AssessmentInput[]): Assessment[] {
  const out: Assessment[] = new Array<Assessment>(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = assessIndicator(inputs[i] as AssessmentInput);
  return out;
}

/** Dispatch by target kind, change and measure (docs/methodology.md §3). */
function runMethod(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  switch (t.kind) {
    case 'qualitative':
      return assessQualitative(ctx);
    case 'relative':
      return assessRelative(ctx);
    case 'external':
      return assessExternal(ctx);
    case 'range':
      return assessRange(ctx);
    case 'rate':
      return assessRate(ctx);
    case 'cumulative':
      if (!isPercentTarget(ctx)) return assessCumulativeSum(ctx);
      return ctx.measure === 'annual-rate' ? assessCumulativeChange(ctx) : levelChange(ctx);
    case 'absolute':
      if (t.change !== null)
        return ctx.measure === 'annual-rate' ? assessCumulativeChange(ctx) : levelChange(ctx);
      // A plain number on a growth indicator (`GDP增长 5`) is a rate target, not a level.
      if (ctx.measure === 'annual-rate') return assessRate(ctx);
      return levelTarget(ctx);
  }
}

function isPercentTarget(ctx: AssessmentContext): boolean {
  const unit = ctx.target.unit ?? ctx.ind.unit ?? '';
  return ctx.target.change !== null || /%|％|百分点/.test(unit);
}

/** `218`, `4以上`, `26.5左右`, `≤2300` on a level. */
function levelTarget(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  if (t.value === null) return insufficient('level-path', { zh: '目标值缺失', en: 'no target value' });
  if (t.op !== '~')
    return assessLevelPath(ctx, { method: 'level-path', value: t.value, op: t.op, band: null, prefix: [] });
  const tol = ctx.input.options?.tolerance;
  const rel = tol?.relative ?? (tol?.absolute !== undefined ? 0 : ctx.th.approxTolerance.relative);
  const abs = tol?.absolute ?? ctx.th.approxTolerance.absolute ?? 0;
  const h = Math.max(rel * Math.abs(t.value), abs);
  return assessLevelPath(ctx, {
    method: 'level-path',
    value: t.value,
    op: '~',
    band: { lo: t.value - h, hi: t.value + h },
    prefix: [
      {
        zh: `“左右”容差 ±${fmt(h, 3)}（${tol !== undefined ? '本指标设定' : `阈值集“${ctx.th.id}”`}）。`,
        en: `"About" band ±${fmt(h, 3)} (${tol !== undefined ? 'set for this indicator' : `threshold set "${ctx.th.id}"`}).`,
      },
    ],
  });
}

/** Magnitude comparator of a change (`下降10%以上`) as a comparator on the level. */
function levelOp(op: Comparator | null, decrease: boolean): Comparator {
  if (op === null || op === '=' || op === '~') return decrease ? '<=' : '>=';
  if (!decrease) return op;
  const flipped: Record<'>=' | '>' | '<=' | '<', Comparator> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };
  return flipped[op];
}

/** Changes measured against the baseline (`提高1个百分点以上`, `下降20%`), converted to a level target. */
function levelChange(ctx: AssessmentContext): MethodOutcome {
  const t = ctx.target;
  if (t.value === null) return insufficient('level-change', { zh: '变化目标值缺失', en: 'no change value' });
  const decrease =
    t.change === 'decrease' ||
    (t.change === null && (isReductionRate(ctx.ind) || /下降|降低|减少/.test(t.text)));
  const B = ctx.baseline?.value ?? null;
  if (B === null)
    return insufficient('level-change', {
      zh: '变化目标须以基期值为准，但缺少基期值',
      en: 'a change target needs the baseline, which is missing',
    });
  const unit = t.unit ?? ctx.ind.unit ?? '';
  const pp = /百分点/.test(unit);
  const relative = !pp && /%|％/.test(unit);
  if (relative && B <= 0) {
    addFlag(ctx.flags, 'non-positive-values', {
      zh: '基期值非正，百分比变化无意义',
      en: 'the baseline is not positive, so a percentage change has no meaning',
    });
    return insufficient('level-change', {
      zh: '基期值非正，无法换算目标',
      en: 'the baseline is not positive, so the target cannot be converted',
    });
  }
  const delta = relative ? (B * t.value) / 100 : t.value;
  const T = decrease ? B - delta : B + delta;
  const word = decrease ? { zh: '下降', en: 'a decrease of' } : { zh: '提高', en: 'an increase of' };
  const formulaZh = relative
    ? `${fmt(B, 3)} × (1 ${decrease ? '−' : '+'} ${fmt(t.value, 3)}%)`
    : `${fmt(B, 3)} ${decrease ? '−' : '+'} ${fmt(t.value, 3)}`;
  return assessLevelPath(ctx, {
    method: 'level-change',
    value: T,
    op: levelOp(t.op, decrease),
    band: null,
    prefix: [
      {
        zh: `目标为较基期${word.zh}${fmt(t.value, 3)}${pp ? '个百分点' : relative ? '%' : (t.unit ?? '')}，换算为目标水平 T = ${formulaZh} = ${fmt(T, 3)}。`,
        en: `The target is ${word.en} ${fmt(t.value, 3)}${pp ? ' percentage points' : relative ? '%' : ` ${t.unit ?? ''}`} from the baseline, i.e. a level T = ${formulaZh} = ${fmt(T, 3)}.`,
      },
    ],
  });
}

function withJudgement(ctx: AssessmentContext, out: MethodOutcome, j: ReviewerJudgement): MethodOutcome {
  addFlag(ctx.flags, 'judgement-used', {
    zh: `数据无法判断，采用审核人${j.reviewer}的判断`,
    en: `the data cannot decide, so reviewer ${j.reviewer}'s judgement is used`,
  });
  const note: BilingualMessage =
    j.note === null ? { zh: '', en: '' } : { zh: `（${j.note}）`, en: ` (${j.note})` };
  return {
    ...out,
    method: 'reviewer-judgement',
    status: j.status,
    met: j.status === '已实现',
    formula: { zh: '审核人判断（记录在案）', en: "reviewer's recorded judgement" },
    steps: [
      ...out.steps,
      {
        zh: `审核人${j.reviewer}（${j.period}年）判断为“${j.status}”${note.zh}。`,
        en: `Reviewer ${j.reviewer} (${j.period}) judged "${j.status}"${note.en}.`,
      },
    ],
  };
}

/** One flag per set-aside reason that matters to a reader (scope), listing the rows. */
function flagSetAside(ctx: AssessmentContext, rows: readonly SetAsideObservation[]): void {
  if (rows.length === 0) return;
  const mismatch = rows.filter((r) => r.reason === 'scope-mismatch');
  const unstated = rows.filter((r) => r.reason === 'scope-unstated');
  const target = ctx.scope ?? '未注明';
  const list = (rs: readonly SetAsideObservation[], en: boolean): string =>
    rs
      .map(
        (r) =>
          `${r.period}${en ? '' : '年'} ${r.value === null ? '—' : fmt(r.value, 3)}${r.scope === null ? '' : en ? ` (${r.scope})` : `（${r.scope}）`}`,
      )
      .join(en ? ', ' : '、');
  if (mismatch.length > 0) {
    addFlag(ctx.flags, 'scope-mismatch', {
      zh: `${list(mismatch, false)}与目标口径（${target}）不同，已单列、未混用`,
      en: `${list(mismatch, true)} ${mismatch.length > 1 ? 'are' : 'is'} in another scope than the target (${ctx.scope ?? 'unstated'}): kept apart, not mixed in`,
    });
  }
  if (unstated.length > 0) {
    addFlag(ctx.flags, 'scope-unstated', {
      zh: `${list(unstated, false)}未注明口径，目标口径为“${target}”，未纳入计算`,
      en: `${list(unstated, true)} ${unstated.length > 1 ? 'state' : 'states'} no scope while the target is "${ctx.scope ?? ''}": not used`,
    });
  }
}
