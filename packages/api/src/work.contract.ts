import { PLAN_RECORD_KINDS, SEARCH_DOC_KINDS } from '@plantrack/core';
import { z } from 'zod';
import { QualityFlagSchema } from './evidence.contract.js';
import { IndicatorSchema, TaskSchema } from './plan.contract.js';

/** `GET /api/my/items`: per plan, the indicators and tasks the reporter's department owns. */
export const OwnedItemsSchema = z.object({
  planId: z.string(),
  indicators: z.array(IndicatorSchema),
  tasks: z.array(TaskSchema),
});

/** `GET /api/review/queue` rows: a submission waiting for review. */
export const ReviewQueueItemSchema = z.object({
  kind: z.enum(PLAN_RECORD_KINDS),
  key: z.string(),
  targetId: z.string(),
  period: z.string(),
  revisionNo: z.number().int(),
  submittedBy: z.string(),
  /** Who submitted, by name and department (null when the id names no user). */
  submittedByName: z.string().nullable(),
  submittedByDepartment: z.string().nullable(),
  /** The submitter's department id: what the queue filters by (`?department=`). */
  submittedByDepartmentId: z.string().nullable(),
  submittedAt: z.string(),
  qualityFlags: z.array(QualityFlagSchema).optional(),
  lateFor: z
    .object({ roundName: z.string(), closedAt: z.string() })
    .nullable()
    .optional()
    .describe('逾期补报: submitted after the round asking for this period closed'),
});

/** `GET /api/search` query. */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  planId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** `GET /api/search` rows: a hit with its excerpt (hits between 【 and 】). */
export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_DOC_KINDS),
  id: z.string(),
  planId: z.string(),
  planVersionId: z.string().nullable(),
  nodeKey: z.string().nullable(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
  source: z.object({ start: z.number(), end: z.number() }).nullable(),
});

/** `GET /api/audit` query. */
export const AuditQuerySchema = z.object({
  entity: z.string().max(100).optional(),
  entityId: z.string().max(400).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  planId: z.string().max(100).optional(),
  departmentId: z
    .string()
    .max(100)
    .optional()
    .describe("Only what people of this department did (the actor's department)"),
  recordId: z
    .string()
    .max(400)
    .optional()
    .describe(
      'One record and what hangs off it: an indicator id also finds its observations, a task id its progress reports',
    ),
  from: z.string().max(40).optional().describe('Inclusive lower bound (ISO date or timestamp)'),
  to: z.string().max(40).optional().describe('Exclusive upper bound (ISO date or timestamp)'),
  beforeId: z.string().max(100).optional().describe('Cursor: the last id of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /api/audit` rows: one entry of the append-only audit log. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  /** The actor by name and department (null when the id names no user, e.g. `system`). */
  actorName: z.string().nullable(),
  actorDepartment: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  planId: z.string().nullable(),
  detail: z.unknown(),
});

/** The indicators and tasks of one plan a department owns. */
export type PlanOwnedItems = z.infer<typeof OwnedItemsSchema>;
/** `GET /api/my/items`: every plan's owned items. */
export type OwnedItems = PlanOwnedItems[];
/** A submission waiting for review. */
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;
/** A search hit. */
export type SearchHit = z.infer<typeof SearchHitSchema>;
/** An audit log entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Answer of `GET /api/my/items`: per plan, what the reporter's department owns. */
export const OwnedItemsListSchema = z.array(OwnedItemsSchema);
/** Answer of `GET /api/review-queue`. */
export const ReviewQueueSchema = z.array(ReviewQueueItemSchema);
/** Answer of the search. */
export const SearchHitListSchema = z.array(SearchHitSchema);
/** Answer of the audit log read. */
export const AuditEntryListSchema = z.array(AuditEntrySchema);

/** `GET /api/audit/export.xlsx|csv` query: the audit filters without paging (at most {@link AUDIT_EXPORT_MAX_ROWS} rows). */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ beforeId: true, limit: true });
/** The most rows one audit export writes; a larger selection is refused with 422 (narrow the filters). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** `GET /api/audit/export.xlsx|csv`: the file's bytes (documented, not validated). */
export const AuditExportFileSchema = z
  .any()
  .describe('The filtered audit rows as .xlsx or CSV (UTF-8 with BOM)');
/** The audit filters of an export. */
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

/** `GET /api/audit/actors`: everyone who appears in the audit log, by name, for the person filter. */
export const AuditActorSchema = z.object({
  id: z.string(),
  /** Null when the id names no user (e.g. `system`). */
  name: z.string().nullable(),
  departmentName: z.string().nullable(),
});
/** Answer of `GET /api/audit/actors`. */
export const AuditActorListSchema = z.array(AuditActorSchema);
/** Someone who appears in the audit log. */
export type AuditActor = z.infer<typeof AuditActorSchema>;
/** `GET /api/audit` query parameters. */
export type AuditQueryParams = z.infer<typeof AuditQuerySchema>;
