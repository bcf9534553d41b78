import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';

/** One proposed owner of an indicator, with its reason; `exists` false: a department to create first. */
export const OwnerCandidateSchema = z.object({
  basis: z
    .enum(['task', 'remit'])
    .describe('task: a task mentioning it names its lead; remit: who publishes it'),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  exists: z.boolean().describe('False when the registry has no such department yet'),
  taskKey: z.string().nullable(),
  reason: MessagesSchema,
});

/** The proposal for one indicator without owners (`GET /api/plans/{planId}/owner-suggestions`). */
export const OwnerSuggestionSchema = z
  .object({
    indicatorId: z.string(),
    indicatorKey: z.string(),
    indicatorName: z.string(),
    version: z.number().int().describe('The owners version to name when accepting'),
    suggestion: OwnerCandidateSchema,
    alternatives: z.array(OwnerCandidateSchema),
  })
  .meta({ id: 'OwnerSuggestion', description: 'A proposed owner for an indicator the plan names none for' });

/** Answer of `GET /api/plans/{planId}/owner-suggestions`. */
export const OwnerSuggestionListSchema = z.array(OwnerSuggestionSchema);

const BulkOwnerSchema = z.object({
  department: z.string().trim().min(1).max(100).describe('Department id, canonical name or alias'),
  role: z.enum(['lead', 'co']).describe('lead (牵头) or co (配合)'),
});

/**
 * Body of `PUT /api/plans/{planId}/owners`: the new owners of several indicators and tasks, all in
 * one transaction, each recorded in the audit log on its own. Indicators name the version seen.
 */
export const BulkOwnersUpdateSchema = z.object({
  indicators: z
    .array(
      z.object({
        indicatorId: z.string().max(100),
        expectedVersion: z.number().int().min(0),
        owners: z.array(BulkOwnerSchema).max(50),
      }),
    )
    .max(500)
    .default([]),
  tasks: z
    .array(
      z.object({
        taskId: z.string().max(100),
        owners: z.array(BulkOwnerSchema).min(1).max(50).describe('At least one lead'),
      }),
    )
    .max(500)
    .default([]),
});

/** Answer of a bulk owners change: how many items changed. */
export const BulkOwnersResultSchema = z.object({
  indicators: z.number().int(),
  tasks: z.number().int(),
});

/** A proposed owner. */
export type OwnerCandidate = z.infer<typeof OwnerCandidateSchema>;
/** A proposal for one indicator. */
export type OwnerSuggestion = z.infer<typeof OwnerSuggestionSchema>;
/** Body of a bulk owners change. */
export type BulkOwnersUpdate = z.input<typeof BulkOwnersUpdateSchema>;
/** Answer of a bulk owners change. */
export type BulkOwnersResult = z.infer<typeof BulkOwnersResultSchema>;
