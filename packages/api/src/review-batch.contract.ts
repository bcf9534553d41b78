import { PLAN_RECORD_KINDS } from '@plantrack/core';
import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';
import { ExpectedRevisionSchema } from './record.contract.js';

/** The most submissions one batch approval may hold: a page of the queue and then some. */
export const MAX_BATCH_APPROVALS = 100;

/** One submission of a batch approval: which record, and the revision the reviewer saw. */
export const BatchApprovalItemSchema = z.object({
  kind: z.enum(PLAN_RECORD_KINDS),
  key: z.string().min(3).max(400),
  expectedRevision: ExpectedRevisionSchema,
});

/** Body of `POST /api/review/approve-batch`: several submissions, approved item by item. */
export const BatchApprovalBodySchema = z.object({
  items: z
    .array(BatchApprovalItemSchema)
    .min(1)
    .max(MAX_BATCH_APPROVALS)
    .refine((items) => new Set(items.map((i) => `${i.kind}|${i.key}`)).size === items.length, {
      error: 'Each record may appear once in a batch',
    }),
});

/** What happened to one submission of a batch: approved, or refused with its own zh/en reason. */
export const BatchApprovalResultSchema = z.object({
  kind: z.enum(PLAN_RECORD_KINDS),
  key: z.string(),
  outcome: z.enum(['approved', 'failed']),
  /** The approved revision's number (approved only). */
  revisionNo: z.number().int().nullable(),
  /** Why it failed (failed only): the problem code, HTTP status it would have had alone, and text. */
  problem: z.object({ status: z.number().int(), code: z.string(), messages: MessagesSchema }).nullable(),
});

/** Answer of `POST /api/review/approve-batch`: one result per item, in the order sent. */
export const BatchApprovalResponseSchema = z
  .object({
    approved: z.number().int(),
    failed: z.number().int(),
    results: z.array(BatchApprovalResultSchema),
  })
  .meta({
    id: 'BatchApproval',
    description:
      'Each item is approved in its own transaction with its own revision check; a stale or refused item fails alone',
  });

/** One submission of a batch approval. */
export type BatchApprovalItem = z.infer<typeof BatchApprovalItemSchema>;
/** Body of a batch approval. */
export type BatchApprovalBody = z.infer<typeof BatchApprovalBodySchema>;
/** One item's outcome of a batch approval. */
export type BatchApprovalResult = z.infer<typeof BatchApprovalResultSchema>;
/** Answer of a batch approval. */
export type BatchApprovalResponse = z.infer<typeof BatchApprovalResponseSchema>;
