import { z } from 'zod';

/** `GET /api/instance`: what every screen needs to know about this deployment, signed in or not. */
export const InstanceInfoSchema = z
  .object({
    demo: z
      .boolean()
      .describe(
        'True when the database was created by `plantrack demo`: every figure in it is simulated (演示数据), and clients must say so on every screen',
      ),
  })
  .meta({ id: 'InstanceInfo' });

/** What `GET /api/instance` answers. */
export type InstanceInfo = z.infer<typeof InstanceInfoSchema>;
