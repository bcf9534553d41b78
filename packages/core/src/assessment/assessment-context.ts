import type { BilingualMessage, Target } from '../model/plan-model.schema.js';
import { DEFAULT_THRESHOLDS, type AssessmentThresholds } from './assessment-thresholds.config.js';
import type {
  AssessedIndicator,
  AssessmentFlag,
  AssessmentInput,
  BaselineUsed,
  Direction,
  DirectionResolution,
  FlagCode,
  MeasureBasis,
  PathModel,
  SetAsideObservation,
  UsedObservation,
} from './assessment.types.js';
import { inferMeasure, isReductionRate, resolveDirection } from './direction.infer.js';
import { fmt } from './explanation.builder.js';
import { defaultPathModel } from './level-path.js';
import { canonicalScope, gapYears, prepareSeries } from './observation-series.js';

/** Everything a method needs, resolved once per assessment. Internal to the engine. */
export type AssessmentContext = {
  input: AssessmentInput;
  ind: AssessedIndicator;
  target: Target;
  th: AssessmentThresholds;
  y0: number;
  yT: number;
  asOf: number;
  direction: DirectionResolution;
  dir: Direction | null;
  measure: MeasureBasis;
  /** The value is a reduction rate (`…降低（%）`): compounding uses (1 − r). */
  reduction: boolean;
  pathModel: PathModel;
  pathModelSource: 'override' | 'default';
  /** Canonical scope of the target (null when unstated). */
  scope: string | null;
  points: UsedObservation[];
  gaps: number[];
  baseline: BaselineUsed | null;
  setAside: SetAsideObservation[];
  flags: AssessmentFlag[];
};

/** Append a flag once per code (later messages for the same code are dropped: one note per issue). */
export function addFlag(flags: AssessmentFlag[], code: FlagCode, message: BilingualMessage): void {
  if (!flags.some((f) => f.code === code)) flags.push({ code, message });
}

/** Resolve direction, measure, path model, scope, series and baseline for one input. */
export function buildContext(input: AssessmentInput): AssessmentContext {
  const ind = input.indicator;
  const target = ind.target;
  const opts = input.options ?? {};
  const flags: AssessmentFlag[] = [];
  const measure = opts.measure ?? inferMeasure(ind);
  const reduction = isReductionRate(ind) && measure === 'annual-rate';
  let direction = resolveDirection(ind);
  if (direction.source === 'inferred' && isReductionRate(ind) && measure === 'level') {
    // The name says "降低" but observations are levels (e.g. death counts): a lower level is better.
    direction = {
      value: 'lower',
      source: 'inferred',
      reason: {
        zh: '推断为越低越好：名称要求下降，观测值为水平值',
        en: 'inferred lower is better: the name asks for a fall and observations are levels',
      },
    };
  }
  if (direction.source === 'inferred') addFlag(flags, 'direction-inferred', direction.reason);
  if (!target.parsed) {
    addFlag(flags, 'unparsed-target', {
      zh: `目标“${target.text}”未能解析，按定性目标处理`,
      en: `the target "${target.text}" could not be parsed and is treated as qualitative`,
    });
  }
  const aliases = opts.scopeAliases;
  const scope = canonicalScope(target.scope ?? ind.scope ?? null, aliases);
  const y0 = ind.baseline?.year ?? input.plan.baselineYear;
  const yT = input.plan.targetYear;
  const series = prepareSeries(input.observations, scope, aliases, y0, input.asOf);
  const effectiveScope = scope ?? series.adoptedScope;
  if (series.adoptedScope !== null) {
    addFlag(flags, 'scope-adopted', {
      zh: `目标未注明口径，所有监测值均为“${series.adoptedScope}”，按此口径评估`,
      en: `the target states no scope; all observations are "${series.adoptedScope}" and are assessed as such`,
    });
  }
  if (series.unreviewed) {
    addFlag(flags, 'unreviewed-data', {
      zh: '部分数据已报送但尚未审核通过',
      en: 'some data are submitted but not yet approved',
    });
  }
  const baseline = resolveBaseline(input, series.baselinePoint, effectiveScope, y0, flags);
  const pathModel = opts.pathModel ?? defaultPathModel(ind.unit, target.kind);
  const gaps = gapYears(series.points, y0);
  if (gaps.length > 0) {
    addFlag(flags, 'gap', {
      zh: `${gaps.join('、')}年缺数，相关计算只用有数的年份`,
      en: `no data for ${gaps.join(', ')}; computations use the years with data only`,
    });
  }
  const estimatedYears = series.points.filter((p) => p.estimated).map((p) => p.period);
  if (estimatedYears.length > 0) {
    addFlag(flags, 'estimated-data', {
      zh: `${estimatedYears.join('、')}年为预计数，正式数据公布后结论可能变化`,
      en: `${estimatedYears.join(', ')} ${estimatedYears.length > 1 ? 'are estimates' : 'is an estimate'}; the result may change when final figures are published`,
    });
  }
  const last = series.points[series.points.length - 1];
  if (
    last !== undefined &&
    last.period < input.asOf - (input.thresholds ?? DEFAULT_THRESHOLDS).maxDataLagYears
  ) {
    addFlag(flags, 'stale-data', {
      zh: `最新数据为${last.period}年，距评估年${input.asOf}年较远`,
      en: `the latest data are for ${last.period}, well before the assessment year ${input.asOf}`,
    });
  }
  return {
    input,
    ind,
    target,
    th: input.thresholds ?? DEFAULT_THRESHOLDS,
    y0,
    yT,
    asOf: input.asOf,
    direction,
    dir: direction.value,
    measure,
    reduction,
    pathModel,
    pathModelSource: opts.pathModel !== undefined ? 'override' : 'default',
    scope: effectiveScope,
    points: series.points,
    gaps,
    baseline,
    setAside: series.setAside,
    flags,
  };
}

/**
 * Settle the baseline: the recorded one unless it is in another scope; replaced by a final
 * baseline-year observation that differs (a revised baseline), or supplied by one when nothing
 * was recorded. Each case is flagged so the reader sees which number was used.
 */
function resolveBaseline(
  input: AssessmentInput,
  point: UsedObservation | null,
  scope: string | null,
  y0: number,
  flags: AssessmentFlag[],
): BaselineUsed | null {
  const rec = input.indicator.baseline;
  const aliases = input.options?.scopeAliases;
  let recorded: BaselineUsed | null = null;
  if (rec !== null && rec.value !== null && Number.isFinite(rec.value)) {
    const recScope = canonicalScope(rec.scope ?? null, aliases);
    if (recScope !== null && recScope !== scope) {
      addFlag(flags, 'scope-mismatch', {
        zh: `基期值 ${fmt(rec.value)}（${rec.scope ?? ''}）与目标口径（${scope ?? '未注明'}）不同，未采用`,
        en: `the baseline ${fmt(rec.value)} (${rec.scope ?? ''}) is in another scope than the target (${scope ?? 'unstated'}) and is not used`,
      });
    } else {
      recorded = {
        year: y0,
        value: rec.value,
        estimated: rec.estimated,
        scope: rec.scope ?? null,
        origin: 'recorded',
        recordedValue: null,
      };
    }
  }
  const useRevised = input.options?.useRevisedBaseline !== false;
  let used = recorded;
  if (point !== null && useRevised) {
    if (recorded === null) {
      used = {
        year: y0,
        value: point.value,
        estimated: point.estimated,
        scope: point.scope,
        origin: 'observation',
        recordedValue: null,
      };
      addFlag(flags, 'baseline-from-observation', {
        zh: `未录入基期值，采用${y0}年监测值 ${fmt(point.value)} 作基期`,
        en: `no baseline recorded; the ${y0} observation ${fmt(point.value)} is used as the baseline`,
      });
    } else if (!point.estimated && point.value !== recorded.value) {
      used = {
        year: y0,
        value: point.value,
        estimated: false,
        scope: point.scope,
        origin: 'revised',
        recordedValue: recorded.value,
      };
      addFlag(flags, 'baseline-revised', {
        zh: `基期值由规划所载 ${fmt(recorded.value)} 修订为正式数 ${fmt(point.value)}，按修订值计算`,
        en: `the baseline was revised from ${fmt(recorded.value)} (as in the plan) to the final figure ${fmt(point.value)}; the revised value is used`,
      });
    }
  }
  if (used?.estimated === true) {
    addFlag(flags, 'baseline-estimated', {
      zh: '基期值为预计数',
      en: 'the baseline is an estimate',
    });
  }
  return used;
}
