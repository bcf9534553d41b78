import {
  type AssessmentThresholds,
  DEFAULT_THRESHOLDS,
  type ThresholdsPatch,
  mergeThresholds,
  validateThresholds,
} from '@plantrack/core';
import { getAssessmentSettings, putAssessmentSettings, planHeader } from '@plantrack/db';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { canManageAssessmentSettings } from '../../policies/assessment.policy.js';
import { enforce } from '../../policies/policy.js';

export type AssessmentSettingsDto = {
  planId: string;
  thresholds: AssessmentThresholds;
  /** `default` until the planning office sets thresholds for the plan. */
  source: 'default' | 'plan';
  revisionNo: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

export async function readAssessmentSettings(
  ctx: AppContext,
  p: Principal,
  planId: string,
): Promise<AssessmentSettingsDto> {
  enforce(p, canManageAssessmentSettings(p));
  await planHeader(ctx.db, planId);
  const row = await getAssessmentSettings(ctx.db, planId);
  return row === undefined
    ? {
        planId,
        thresholds: DEFAULT_THRESHOLDS,
        source: 'default',
        revisionNo: 0,
        updatedAt: null,
        updatedBy: null,
      }
    : {
        planId,
        thresholds: row.thresholds as AssessmentThresholds,
        source: 'plan',
        revisionNo: row.revisionNo,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      };
}

/**
 * Sets the plan's thresholds: the office writes only what differs from the defaults, the merged
 * set is checked with the engine's own `validateThresholds` (cut points must not increase,
 * tolerances must not be negative) and stored whole, so later assessments never re-validate.
 */
export async function writeAssessmentSettings(
  ctx: AppContext,
  p: Principal,
  planId: string,
  body: { expectedRevision: number; thresholds: ThresholdsPatch },
): Promise<AssessmentSettingsDto> {
  enforce(p, canManageAssessmentSettings(p));
  // Core's merge; the problems are listed here rather than thrown, so the 400 names each one.
  const merged = mergeThresholds(body.thresholds);
  const problems = validateThresholds(merged);
  if (problems.length > 0) {
    throw new ApiError(
      400,
      'invalid-thresholds',
      {
        zh: `评估阈值不正确：${problems.map((x) => x.zh).join('；')}`,
        en: `Invalid thresholds: ${problems.map((x) => x.en).join('; ')}`,
      },
      { errors: problems.map((x) => ({ path: 'thresholds', message: `${x.zh} / ${x.en}` })) },
    );
  }
  const row = await putAssessmentSettings(ctx.db, {
    planId,
    thresholds: merged,
    expectedRevision: body.expectedRevision,
    actor: actorOf(p),
  });
  return {
    planId,
    thresholds: merged,
    source: 'plan',
    revisionNo: row.revisionNo,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
