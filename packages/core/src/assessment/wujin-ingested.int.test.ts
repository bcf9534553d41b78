import { expect, test } from 'vitest';
import { ingestText } from '../ingest/ingest.js';
import { readSamplePlan } from '../testing/documents.js';
import { assessIndicators } from './assessment.engine.js';
import {
  CHANGZHOU_GDP_GROWTH,
  WUJIN_GDP_GROWTH,
  WUJIN_SCOPE_ALIASES,
  WUJIN_TARGET_SCOPE,
  wujinObservations,
} from './fixtures/wujin-observations.js';

/**
 * End to end: the indicators as ingestion reads them from the sample plan (not typed by hand),
 * with the published figures where they exist, assessed as of 2026.
 */
test('every ingested indicator of the sample plan gets a status and an explanation', () => {
  const model = ingestText(readSamplePlan());
  const results = assessIndicators(
    model.indicators.map((indicator) => ({
      indicator: { ...indicator, baseline: null, scope: WUJIN_TARGET_SCOPE },
      plan: { baselineYear: model.plan.baselineYear ?? 2025, targetYear: model.plan.periodEnd ?? 2030 },
      observations: wujinObservations(indicator.seq),
      references: [CHANGZHOU_GDP_GROWTH, WUJIN_GDP_GROWTH],
      asOf: 2026,
      options: { scopeAliases: WUJIN_SCOPE_ALIASES },
    })),
  );
  expect(results).toHaveLength(27);
  for (const [i, result] of results.entries()) {
    expect(result.seq).toBe(model.indicators[i]?.seq);
    expect(result.status).toBe('数据不足');
    expect(result.explanation.zh).toContain(result.name);
    expect(result.explanation.en.length).toBeGreaterThan(20);
    // The direction the table implies is the one the assessment uses, and it is never left unknown.
    expect(result.direction.value).toBe(model.indicators[i]?.direction);
    expect(result.direction.value).not.toBeNull();
  }
  expect(results.filter((r) => r.binding !== null)).toHaveLength(8);
});
