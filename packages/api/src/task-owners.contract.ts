import { z } from 'zod';

/** `PUT /api/tasks/{id}/owners` body: the task's lead and co-lead departments, replacing the plan's. */
export const TaskOwnersUpdateSchema = z.object({
  owners: z
    .array(
      z.object({
        department: z.string().trim().min(1).max(100).describe('Department id, canonical name or alias'),
        role: z.enum(['lead', 'co_lead']).describe('lead (牵头) or co_lead (配合)'),
      }),
    )
    .min(1)
    .max(50)
    .describe('At least one lead'),
});

/** Body of a task owners replacement. */
export type TaskOwnersUpdate = z.infer<typeof TaskOwnersUpdateSchema>;
