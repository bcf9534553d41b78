import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';
import { SpanSchema } from './outline.contract.js';
import { IndicatorSchema } from './plan.contract.js';

/** An indicator as the planning office curates it, with its edit number (optimistic concurrency). */
export const CuratedIndicatorSchema = IndicatorSchema.extend({
  editNo: z.number().int().describe('Quote it as `expectedEditNo` when correcting the indicator'),
}).meta({ id: 'CuratedIndicator' });

/** A corrected text field of a correction (null: none). */
const nullableText = z.string().trim().max(200).nullable();

/** Body of `PATCH /api/indicators/{id}`: the corrected fields, the reason and the edit it started from. */
export const IndicatorCorrectionSchema = z
  .object({
    expectedEditNo: z.number().int().min(0),
    reason: z.string().trim().min(1).max(1000).describe('Why the extracted value is corrected'),
    changes: z
      .object({
        name: z.string().trim().min(1).max(200),
        groupName: nullableText,
        unit: nullableText,
        attribute: z.enum(['预期性', '约束性']).nullable(),
        direction: z.enum(['higher', 'lower']).nullable(),
        targetText: z.string().trim().min(1).max(200),
        scope: nullableText,
      })
      .partial()
      .strict(),
  })
  .meta({ id: 'IndicatorCorrection' });

/** One edit of an indicator: field, before, after, reason, who and when. */
export const FrameworkEditSchema = z
  .object({
    id: z.string(),
    versionNo: z.number().int(),
    field: z.string().describe('The column corrected, e.g. `unit`, `target_text`'),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    actor: z.string(),
    actorName: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'FrameworkEdit' });

/** An indicator added, removed or changed between two versions. */
export const DiffEntrySchema = z.object({
  key: z.string(),
  indicatorId: z.string(),
  seq: z.string(),
  name: z.string(),
});

/** A task added, removed or changed between two versions. */
export const TaskDiffEntrySchema = z.object({ key: z.string(), taskId: z.string(), measure: z.string() });

/** `GET /api/plans/{planId}/versions/{versionId}/diff`: what a version changed against the one before. */
export const VersionDiffSchema = z
  .object({
    versionId: z.string(),
    versionNo: z.number().int(),
    previousVersionNo: z.number().int().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    indicators: z.object({
      added: z.array(DiffEntrySchema),
      removed: z.array(DiffEntrySchema),
      changed: z.array(
        DiffEntrySchema.extend({
          changes: z.array(
            z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
          ),
        }),
      ),
    }),
    tasks: z.object({
      added: z.array(TaskDiffEntrySchema),
      removed: z.array(TaskDiffEntrySchema),
      changed: z.array(
        TaskDiffEntrySchema.extend({ before: z.array(z.string()), after: z.array(z.string()) }),
      ),
    }),
  })
  .meta({ id: 'PlanVersionDiff' });

/** `GET /api/plans/{planId}/versions` rows: an imported version and its change counts. */
export const VersionSummarySchema = z
  .object({
    id: z.string(),
    versionNo: z.number().int(),
    fileName: z.string().nullable(),
    sha256: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    changes: z.object({
      indicatorsAdded: z.number().int(),
      indicatorsRemoved: z.number().int(),
      indicatorsChanged: z.number().int(),
      tasksAdded: z.number().int(),
      tasksRemoved: z.number().int(),
      tasksChanged: z.number().int(),
    }),
  })
  .meta({ id: 'PlanVersionSummary' });

/** `GET /api/plans/{planId}/findings`: the consistency audit of a version. */
export const FindingsSchema = z
  .object({
    versionId: z.string(),
    versionNo: z.number().int(),
    counts: z.object({
      nodes: z.number().int(),
      indicators: z.number().int(),
      commitments: z.number().int(),
      assignments: z.number().int(),
    }),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['info', 'warning', 'error']),
        message: MessagesSchema,
        sources: z.array(SpanSchema),
        indicatorSeq: z.string().nullable(),
        indicatorId: z.string().nullable(),
      }),
    ),
    warnings: z.array(MessagesSchema),
  })
  .meta({ id: 'PlanFindings' });

/** The shape of `CuratedIndicatorSchema`. */
export type CuratedIndicator = z.infer<typeof CuratedIndicatorSchema>;
/** The shape of `IndicatorCorrectionSchema`. */
export type IndicatorCorrection = z.input<typeof IndicatorCorrectionSchema>;
/** The shape of `FrameworkEditSchema`. */
export type FrameworkEdit = z.infer<typeof FrameworkEditSchema>;
/** The shape of `VersionDiffSchema`. */
export type VersionDiff = z.infer<typeof VersionDiffSchema>;
/** The shape of `VersionSummarySchema`. */
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
/** The shape of `FindingsSchema`. */
export type Findings = z.infer<typeof FindingsSchema>;

/** `GET /api/indicators/{id}/edits`: the indicator as curated and every edit of it. */
export const IndicatorEditsSchema = z.object({
  indicator: CuratedIndicatorSchema,
  edits: z.array(FrameworkEditSchema),
});

/** An indicator's edit history. */
export type IndicatorEdits = z.infer<typeof IndicatorEditsSchema>;
/** One finding of the consistency audit. */
export type Finding = Findings['findings'][number];
/** The fields the planning office may correct. */
export type IndicatorChanges = IndicatorCorrection['changes'];

/** `:planId/:versionId` of a route about one version of a plan. */
export const PlanVersionParamsSchema = z.object({
  planId: z.string().min(1).max(100),
  versionId: z.string().min(1).max(100),
});

/** Answer of `PATCH /api/indicators/{id}`: the corrected indicator and the fields that changed. */
export const IndicatorCorrectionResultSchema = z.object({
  indicator: CuratedIndicatorSchema,
  changedFields: z.array(z.string()),
});

/** Path parameters of a plan version. */
export type PlanVersionParams = z.infer<typeof PlanVersionParamsSchema>;
/** Answer of an indicator correction. */
export type IndicatorCorrectionResult = z.infer<typeof IndicatorCorrectionResultSchema>;

/** The ingested versions of a plan, oldest first. */
export const VersionSummaryListSchema = z.array(VersionSummarySchema);
