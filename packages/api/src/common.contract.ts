import { z } from 'zod';

/** A text in Chinese and English: every message the API gives a person. */
export const MessagesSchema = z.object({ zh: z.string(), en: z.string() });

/** Every error the API answers (RFC 9457 problem details). */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    messages: MessagesSchema,
    currentRevision: z.number().int().nullable().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({
    id: 'Problem',
    description: 'application/problem+json (RFC 9457) with a Chinese and an English message',
  });

/** Error responses every authenticated route can give. */
export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
} as const;

/** `?page&pageSize` of paged lists. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of items with its position and the total. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** The `Idempotency-Key` header of writes that may be retried. */
export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe('A retried request with the same key returns the first result and writes nothing.'),
});

/** A text in Chinese and English. */
export type Messages = z.infer<typeof MessagesSchema>;
/** An error response (problem+json). */
export type Problem = z.infer<typeof ProblemSchema>;
/** A page of items. */
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** `:id` of a route about one stored thing (an indicator, a department, a user …). */
export const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** `:planId` of a route about one plan. */
export const PlanIdParamsSchema = z.object({ planId: z.string().min(1).max(100) });

/** `:key` of a route about one record (an observation or a progress report). */
export const RecordKeyParamsSchema = z.object({
  key: z.string().min(3).max(400).describe('Record key (URL-encoded)'),
});

/** `?versionId` of plan reads that default to the newest version. */
export const VersionQuerySchema = z.object({
  versionId: z.string().max(100).optional().describe('Default: the newest version'),
});

/** Path parameters `:id`. */
export type IdParams = z.infer<typeof IdParamsSchema>;
/** Path parameters `:planId`. */
export type PlanIdParams = z.infer<typeof PlanIdParamsSchema>;
/** Path parameters `:key` of a record. */
export type RecordKeyParams = z.infer<typeof RecordKeyParamsSchema>;
/** Query `?versionId`. */
export type VersionQuery = z.infer<typeof VersionQuerySchema>;
