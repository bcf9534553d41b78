import type { AssessedIndicator, DirectionResolution, MeasureBasis } from './assessment.types.js';

/**
 * Words whose presence makes a lower value better. Checked before the positive list so that
 * `生产安全事故死亡人数` is not taken as a "人数" to grow.
 */
const LOWER_IS_BETTER = [
  '浓度',
  '死亡率',
  '死亡人数',
  '发病率',
  '发生率',
  '失业率',
  '能耗',
  '排放',
  '事故',
  '污染',
  '劣V类',
  '劣Ⅴ类',
  '赤字',
  '负债率',
  '不良',
  '空置',
  '超标',
  '用水量',
  '贫困',
  '倍差',
  '差距',
];

/** Intensity per unit of output (`单位GDP建设用地使用面积`): less input per unit is better. */
const PER_UNIT_OUTPUT = /^单位(GDP|地区生产总值|国内生产总值|工业增加值)/;

/** Words whose presence makes a higher value better (conventional for plan indicator tables). */
const HIGHER_IS_BETTER = [
  '收入',
  '增加值',
  '产值',
  '总值',
  '寿命',
  '拥有量',
  '覆盖率',
  '普及率',
  '达标率',
  '优良',
  '安全感',
  '满意度',
  '受教育',
  '入托率',
  '入园率',
  '就业',
  '人才',
  '面积',
  '生产能力',
  '保有量',
  '床位',
  '医师',
  '护士',
  '企业数',
  '社区数',
  '研发',
  '专利',
  '比重',
  '占比',
  '比例',
  '投资',
];

/** A trailing word saying the value is itself a reduction (`单位GDP二氧化碳排放降低`). */
const REDUCTION_SUFFIX = /(降低|下降|减少|削减|压减)(率|幅度)?$/;
/** A trailing word saying the value is itself a growth rate (`地区生产总值增长`). */
const GROWTH_SUFFIX = /(增长|增速|增幅|增长率|提高|上升)(率|幅度)?$/;

/** Name without parenthesised parts (`细颗粒物（PM2.5）年均浓度` → `细颗粒物年均浓度`), for keyword tests. */
export function coreName(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]/g, '').replace(/\s+/g, '');
}

function isPercentUnit(unit: string | null): boolean {
  return unit !== null && /%|％|百分点|‰/.test(unit);
}

/** True when the indicator's value is a reduction rate (a bigger value is a bigger reduction). */
export function isReductionRate(ind: Pick<AssessedIndicator, 'name' | 'unit'>): boolean {
  return isPercentUnit(ind.unit) && REDUCTION_SUFFIX.test(coreName(ind.name));
}

/**
 * Infer what observations measure. A `%` indicator whose name ends in a growth or reduction word
 * reports a yearly rate; everything else reports a level. Overridable per indicator.
 */
export function inferMeasure(ind: Pick<AssessedIndicator, 'name' | 'unit' | 'target'>): MeasureBasis {
  if (!isPercentUnit(ind.unit)) return 'level';
  const n = coreName(ind.name);
  if (REDUCTION_SUFFIX.test(n) || GROWTH_SUFFIX.test(n)) return 'annual-rate';
  // `规上生产性服务业营业收入年均增速` is a rate even where the suffix test misses a variant.
  return /年均增/.test(n) ? 'annual-rate' : 'level';
}

/**
 * Settle the direction: explicit → value is a reduction rate → change target → comparator →
 * lower-is-better words → higher-is-better words → target against baseline → unknown.
 * The reason is always returned so the choice is visible and can be overridden; an unknown
 * direction is reported, never silently defaulted.
 */
export function resolveDirection(ind: AssessedIndicator): DirectionResolution {
  if (ind.direction === 'higher' || ind.direction === 'lower') {
    return {
      value: ind.direction,
      source: 'explicit',
      reason: {
        zh: `方向已设定：${ind.direction === 'higher' ? '越高越好' : '越低越好'}`,
        en: `direction set explicitly: ${ind.direction === 'higher' ? 'higher is better' : 'lower is better'}`,
      },
    };
  }
  const name = coreName(ind.name);
  const t = ind.target;
  const reduction = isReductionRate(ind) ? REDUCTION_SUFFIX.exec(name) : null;
  if (reduction) {
    return inferred(
      'higher',
      `名称以“${reduction[1]}”结尾且单位为%，数值是降幅，降幅越大越好`,
      `the name ends in "${reduction[1]}" with unit %, so the value is a reduction: a larger reduction is better`,
    );
  }
  if (t.change === 'decrease') {
    return inferred('lower', '目标要求较基期下降', 'the target asks for a decrease from the baseline');
  }
  if (t.change === 'increase') {
    return inferred('higher', '目标要求较基期提高', 'the target asks for an increase from the baseline');
  }
  if (t.op === '>=' || t.op === '>') {
    return inferred('higher', `目标写作“以上/高于”（${t.op}）`, `the target is a floor (${t.op})`);
  }
  if (t.op === '<=' || t.op === '<') {
    return inferred('lower', `目标写作“以下/以内”（${t.op}）`, `the target is a ceiling (${t.op})`);
  }
  if (PER_UNIT_OUTPUT.test(name)) {
    return inferred(
      'lower',
      '名称以“单位GDP”类强度指标开头，单位产出消耗越低越好',
      'the name is an intensity per unit of output: less per unit is better',
    );
  }
  const low = LOWER_IS_BETTER.find((w) => name.includes(w));
  if (low !== undefined) {
    return inferred('lower', `名称含“${low}”，越低越好`, `the name contains "${low}": lower is better`);
  }
  if (t.kind === 'qualitative' && /降/.test(t.text)) {
    return inferred(
      'lower',
      `定性目标“${t.text}”要求下降`,
      `the qualitative target "${t.text}" asks for a fall`,
    );
  }
  const growth = GROWTH_SUFFIX.exec(name);
  if (growth !== null) {
    return inferred(
      'higher',
      `名称以“${growth[1] ?? ''}”结尾，数值是增速，越高越好`,
      `the name ends in "${growth[1] ?? ''}", so the value is a growth rate: higher is better`,
    );
  }
  const high = HIGHER_IS_BETTER.find((w) => name.includes(w));
  if (high !== undefined) {
    return inferred(
      'higher',
      `名称含“${high}”，按惯例越高越好`,
      `the name contains "${high}": higher is better by convention`,
    );
  }
  if (t.kind === 'qualitative' && /升|提高|增/.test(t.text)) {
    return inferred(
      'higher',
      `定性目标“${t.text}”要求上升`,
      `the qualitative target "${t.text}" asks for a rise`,
    );
  }
  const b = ind.baseline?.value;
  // Not for `左右`: an approximate target says which way to travel, not that overshooting is better.
  if (
    t.value !== null &&
    b !== null &&
    b !== undefined &&
    t.value !== b &&
    t.kind === 'absolute' &&
    t.op !== '~'
  ) {
    return t.value > b
      ? inferred(
          'higher',
          `目标值 ${t.value} 高于基期值 ${b}`,
          `the target ${t.value} lies above the baseline ${b}`,
        )
      : inferred(
          'lower',
          `目标值 ${t.value} 低于基期值 ${b}`,
          `the target ${t.value} lies below the baseline ${b}`,
        );
  }
  return {
    value: null,
    source: 'unknown',
    reason: {
      zh: '无法从名称和目标判断方向，请设定“越高越好”或“越低越好”',
      en: 'the direction cannot be read from the name or target; set "higher is better" or "lower is better"',
    },
  };
}

function inferred(value: 'higher' | 'lower', zh: string, en: string): DirectionResolution {
  const label =
    value === 'higher'
      ? { zh: '越高越好', en: 'higher is better' }
      : { zh: '越低越好', en: 'lower is better' };
  return {
    value,
    source: 'inferred',
    reason: { zh: `推断为${label.zh}：${zh}`, en: `inferred ${label.en}: ${en}` },
  };
}
