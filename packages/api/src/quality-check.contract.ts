import { z } from 'zod';
import { QualityFlagSchema } from './evidence.contract.js';
import { ObservationRefShape } from './record.contract.js';

/**
 * Body of `POST /api/observations/check`: a value not yet submitted. The same checks run again on
 * submission; this only lets the reporter see the warnings first and fix or confirm them.
 */
export const QualityCheckBodySchema = z.object({
  ...ObservationRefShape,
  value: z.number().nullable(),
  unit: z.string().max(50).nullable().optional(),
  evidenceCount: z.number().int().min(0).max(50).optional(),
});

/** Answer of `POST /api/observations/check`: the flags the value would raise if submitted. */
export const QualityCheckResultSchema = z
  .object({ flags: z.array(QualityFlagSchema) })
  .meta({ id: 'QualityCheckResult', description: 'The quality flags a value would raise if submitted now' });

/** A draft value to check. */
export type QualityCheckBody = z.infer<typeof QualityCheckBodySchema>;
/** The flags a draft value would raise. */
export type QualityCheckResult = z.infer<typeof QualityCheckResultSchema>;
