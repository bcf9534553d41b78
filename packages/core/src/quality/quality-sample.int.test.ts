import { describe, expect, it } from 'vitest';
import { inferMeasure } from '../assessment/direction.infer.js';
import { ingestText } from '../ingest/ingest.js';
import { readSamplePlan } from '../testing/documents.js';
import { checkObservationQuality } from './quality-checks.js';
import type { PreviousValue } from './quality.types.js';

/**
 * The sample plan's numeric targets reached along a straight path raise no flag. The plan states
 * no baselines, so each path starts from a synthetic baseline (test data only): 80 % of the target
 * for a level, the target itself for a rate, one fifth of the total per year for a cumulative target.
 */
describe('quality flags on the sample plan', () => {
  const indicators = ingestText(readSamplePlan(), { fileName: 'wujin.txt' }).indicators;

  it('has numeric targets to walk', () => {
    expect(indicators.filter((i) => i.target.value !== null).length).toBeGreaterThan(15);
  });

  it.each(indicators.filter((i) => i.target.value !== null).map((i) => [`${i.seq} ${i.name}`, i] as const))(
    '%s: straight path 2026–2030 raises nothing',
    (_name, indicator) => {
      const target = indicator.target.value ?? 0;
      const measure = inferMeasure(indicator);
      const cumulative = indicator.target.kind === 'cumulative';
      const base = measure === 'annual-rate' ? target : target * 0.8;
      const previous: PreviousValue[] = [];
      for (let year = 2026; year <= 2030; year++) {
        const value = cumulative ? target / 5 : base + ((target - base) * (year - 2025)) / 5;
        const flags = checkObservationQuality({
          indicator: { ...indicator, baseline: { year: 2025, value: cumulative ? null : base } },
          observation: { period: String(year), value, unit: indicator.unit, scope: indicator.target.scope },
          previous,
        });
        expect(flags, `${year}: ${JSON.stringify(flags)}`).toEqual([]);
        previous.push({ period: String(year), value, scope: indicator.target.scope });
      }
    },
  );
});
