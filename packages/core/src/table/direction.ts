import type { Target } from '../model/plan-model.schema.js';

/** Names that measure a reduction (`…下降率`, `…降低`): a larger number is better. */
const REDUCTION_MEASURE = /(下降|降低|减少)(率|幅度)?$/;
/** Names of quantities where less is better. */
const LOWER_IS_BETTER = /浓度|死亡率|死亡人数|失业率|倍差|能耗|排放量|用水量|使用面积|发生率|事故/;

/**
 * Infers whether a higher or lower value is better from the indicator's name and target, or null
 * when neither says so clearly (the assessment then asks for it instead of guessing).
 */
export function inferDirection(name: string, target: Target): 'higher' | 'lower' | null {
  if (REDUCTION_MEASURE.test(name)) return 'higher';
  if (LOWER_IS_BETTER.test(name)) return 'lower';
  if (target.op === '<=' || target.op === '<' || target.change === 'decrease') return 'lower';
  if (target.op === '>=' || target.op === '>' || target.change === 'increase') return 'higher';
  if (/数|量|率|比重|占比|收入|总值|产值|面积|寿命|年限|覆盖率|能力|保有量|增长|增速/.test(name))
    return 'higher';
  return null;
}
