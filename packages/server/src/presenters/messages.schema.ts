import { z } from 'zod';

/**
 * A text in Chinese and English, as every message, explanation and problem carries it. It lives
 * with the presenters, which shape responses, so that routes use it from here and presenters never
 * reach back into routes.
 */
export const MessagesSchema = z.object({ zh: z.string(), en: z.string() });
