import { z } from 'zod';
import { MessagesSchema } from './common.contract.js';

/** A heading of the outline and the headings under it (recursive, so written out for the lazy schema). */
export type OutlineNode = {
  key: string;
  kind: string;
  label: string;
  title: string;
  depth: number;
  source: { start: number; end: number; lineStart: number; lineEnd: number };
  children: OutlineNode[];
};

/** Offsets into the version text and 1-based lines. */
export const SpanSchema = z
  .object({
    start: z.number().int(),
    end: z.number().int(),
    lineStart: z.number().int(),
    lineEnd: z.number().int(),
  })
  .meta({
    id: 'SourceSpan',
    description: 'Offsets into the version text (UTF-16 code units) and 1-based lines',
  });

/** A heading of the outline and the headings under it. */
export const OutlineNodeSchema: z.ZodType<OutlineNode> = z
  .lazy(() =>
    z.object({
      key: z.string().describe('Stable path id, e.g. `p3.c5.s1`'),
      kind: z.string(),
      label: z.string(),
      title: z.string(),
      depth: z.number().int(),
      source: SpanSchema,
      children: z.array(OutlineNodeSchema),
    }),
  )
  .meta({ id: 'OutlineNode' });

/** `GET /api/plans/{planId}/outline`: the tree, the whole text and the items found in it. */
export const OutlineSchema = z
  .object({
    planId: z.string(),
    versionId: z.string(),
    versionNo: z.number().int(),
    text: z.string().describe('The whole text of the version; every span points into it'),
    outline: z.array(OutlineNodeSchema),
    indicators: z.array(
      z.object({
        id: z.string(),
        seq: z.string(),
        name: z.string(),
        group: z.string().nullable(),
        unit: z.string().nullable(),
        attribute: z.string().nullable(),
        targetText: z.string(),
        scope: z.string().nullable(),
        source: SpanSchema,
      }),
    ),
    commitments: z.array(
      z.object({
        ref: z.string(),
        subject: z.string(),
        quantityText: z.string().nullable(),
        deadline: z.number().int().nullable(),
        nodeKey: z.string(),
        indicatorId: z.string().nullable(),
        source: SpanSchema,
      }),
    ),
    assignments: z.array(
      z.object({
        taskId: z.string(),
        measure: z.string(),
        clause: z.string(),
        nodeKey: z.string(),
        owners: z.array(
          z.object({ name: z.string(), nameAsWritten: z.string(), role: z.enum(['lead', 'co_lead']) }),
        ),
        source: SpanSchema,
      }),
    ),
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['info', 'warning', 'error']),
        message: MessagesSchema,
        sources: z.array(SpanSchema),
        indicatorSeq: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanOutline' });

/** Offsets into the version text and 1-based lines. */
export type Span = z.infer<typeof SpanSchema>;
/** The shape of `OutlineSchema`. */
export type Outline = z.infer<typeof OutlineSchema>;
