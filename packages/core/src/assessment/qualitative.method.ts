import type { BilingualMessage } from '../model/plan-model.schema.js';
import { addFlag, type AssessmentContext } from './assessment-context.js';
import type { AssessmentStatus, YearCheck } from './assessment.types.js';
import { fmt } from './explanation.builder.js';
import { insufficient, type MethodOutcome } from './method-outcome.js';

/** The wording rules applied automatically when the data allow. */
export type QualitativeRule =
  'steady-rise' | 'steady-fall' | 'continuous-rise' | 'continuous-fall' | 'stable' | 'no-fall' | 'no-rise';

const RULES: readonly { rule: QualitativeRule; pattern: RegExp; zh: string; en: string }[] = [
  {
    rule: 'steady-rise',
    pattern: /稳中有升|稳中有增|稳步(提升|提高|增长)/,
    zh: '最新值高于基期，且任何一年较上年降幅不超过稳定容差',
    en: 'latest above baseline, and no year falls more than the stability tolerance',
  },
  {
    rule: 'steady-fall',
    pattern: /稳中有降|稳步下降/,
    zh: '最新值低于基期，且任何一年较上年升幅不超过稳定容差',
    en: 'latest below baseline, and no year rises more than the stability tolerance',
  },
  {
    rule: 'continuous-rise',
    pattern: /持续(提升|提高|增长|改善)|逐年(提升|提高|增长)|不断(提升|提高)/,
    zh: '每年均高于上年',
    en: 'every year above the previous one',
  },
  {
    rule: 'continuous-fall',
    pattern: /持续(下降|减少)|逐年(下降|减少)/,
    zh: '每年均低于上年',
    en: 'every year below the previous one',
  },
  {
    rule: 'stable',
    pattern: /保持稳定|基本稳定|总体稳定|稳定在/,
    zh: '各年与基期相差不超过稳定容差',
    en: 'every year within the stability tolerance of the baseline',
  },
  {
    rule: 'no-fall',
    pattern: /只增不减|不降低|不下降|不减少/,
    zh: '各年均不低于基期',
    en: 'no year below the baseline',
  },
  {
    rule: 'no-rise',
    pattern: /只减不增|不增加|不上升|不突破/,
    zh: '各年均不高于基期',
    en: 'no year above the baseline',
  },
];

/** Which rule, if any, a qualitative target's words call for. */
export function qualitativeRuleOf(text: string): QualitativeRule | null {
  return RULES.find((r) => r.pattern.test(text))?.rule ?? null;
}

/**
 * Qualitative targets (`稳中有升`): the wording rule applied automatically where the baseline and
 * at least one observation exist; otherwise the reviewer's recorded judgement; otherwise 数据不足.
 * When both exist and disagree the rule stands and the disagreement is flagged, so a judgement
 * never silently overrides the numbers.
 */
export function assessQualitative(ctx: AssessmentContext): MethodOutcome {
  const rule = RULES.find((r) => r.pattern.test(ctx.target.text));
  const B = ctx.baseline?.value ?? null;
  const pts = ctx.points;
  const formula: BilingualMessage =
    rule === undefined ? { zh: '审核人判断', en: "reviewer's judgement" } : { zh: rule.zh, en: rule.en };
  if (rule === undefined || B === null || pts.length === 0) {
    const why: BilingualMessage =
      rule === undefined
        ? {
            zh: `目标“${ctx.target.text}”无可自动判断的规则`,
            en: `no automatic rule reads "${ctx.target.text}"`,
          }
        : {
            zh: '缺少基期值或监测值，规则无法自动判断',
            en: 'no baseline or no observation, so the rule cannot be applied',
          };
    return insufficient('qualitative-rule', why, formula);
  }
  const tol = ctx.th.steadyTolerance;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-9);
  const seq = [B, ...pts.map((p) => p.value)];
  const latest = seq[seq.length - 1] as number;
  let steps = 0;
  let ups = 0;
  let downs = 0;
  let bigDrop = false;
  let bigRise = false;
  let allAtLeastB = true;
  let allAtMostB = true;
  let allNearB = true;
  for (let i = 1; i < seq.length; i++) {
    const a = seq[i - 1] as number;
    const b = seq[i] as number;
    steps++;
    if (b > a) ups++;
    if (b < a) downs++;
    if (b < a && !near(b, a)) bigDrop = true;
    if (b > a && !near(b, a)) bigRise = true;
    if (b < B) allAtLeastB = false;
    if (b > B) allAtMostB = false;
    if (!near(b, B)) allNearB = false;
  }
  let status: AssessmentStatus;
  switch (rule.rule) {
    case 'steady-rise':
      status = latest > B ? (bigDrop ? '基本符合' : '符合预期') : near(latest, B) ? '滞后' : '严重滞后';
      break;
    case 'steady-fall':
      status = latest < B ? (bigRise ? '基本符合' : '符合预期') : near(latest, B) ? '滞后' : '严重滞后';
      break;
    case 'continuous-rise':
      status = ups === steps ? '符合预期' : latest > B ? '基本符合' : near(latest, B) ? '滞后' : '严重滞后';
      break;
    case 'continuous-fall':
      status = downs === steps ? '符合预期' : latest < B ? '基本符合' : near(latest, B) ? '滞后' : '严重滞后';
      break;
    case 'stable':
      status = allNearB ? '符合预期' : near(latest, B) ? '基本符合' : '滞后';
      break;
    case 'no-fall':
      status = allAtLeastB ? '符合预期' : latest >= B ? '基本符合' : near(latest, B) ? '滞后' : '严重滞后';
      break;
    case 'no-rise':
      status = allAtMostB ? '符合预期' : latest <= B ? '基本符合' : near(latest, B) ? '滞后' : '严重滞后';
      break;
  }
  const last = pts[pts.length - 1];
  const met = status === '符合预期' && last !== undefined && last.period >= ctx.yT;
  if (met) status = '已实现';
  const j = ctx.input.judgement;
  if (j !== null && j !== undefined && j.period <= ctx.asOf && j.status !== status) {
    addFlag(ctx.flags, 'judgement-differs', {
      zh: `审核人${j.reviewer}判断为“${j.status}”，与规则结果不同；以数据规则为准，请复核`,
      en: `reviewer ${j.reviewer} judged "${j.status}", unlike the rule's result; the rule stands — please review`,
    });
  }
  const falling = rule.rule === 'steady-fall' || rule.rule === 'continuous-fall' || rule.rule === 'no-rise';
  const yearOk = (v: number): boolean =>
    rule.rule === 'stable' ? near(v, B) : falling ? v <= B || near(v, B) : v >= B || near(v, B);
  const yearly: YearCheck[] = pts.map((p) => ({
    period: p.period,
    value: p.value,
    required: B,
    ok: yearOk(p.value),
  }));
  return {
    method: 'qualitative-rule',
    status,
    met,
    targetValue: null,
    expected: B,
    progressRatio: null,
    pathModel: null,
    rangePosition: null,
    yearly,
    forecast: null,
    required: null,
    formula,
    steps: [
      {
        zh: `规则“${ctx.target.text}”：${rule.zh}（稳定容差 ${fmt(tol * 100)}%）。序列：${seq.map((x) => fmt(x, 3)).join(' → ')}。`,
        en: `Rule for "${ctx.target.text}": ${rule.en} (stability tolerance ${fmt(tol * 100)}%). Series: ${seq.map((x) => fmt(x, 3)).join(' → ')}.`,
      },
    ],
    reference: null,
  };
}
