import { resolveDirection } from '../assessment/direction.infer.js';
import type { Target } from '../model/plan-model.schema.js';

/**
 * Whether a higher or lower value is better, inferred from the indicator's name, unit and target
 * by the same rules the assessment uses (and explains), or null when they do not say.
 */
export function inferDirection(name: string, unit: string | null, target: Target): 'higher' | 'lower' | null {
  return resolveDirection({ seq: '', name, unit, attribute: null, target, baseline: null }).value;
}
