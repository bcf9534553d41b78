import type { BilingualMessage } from '../model/plan-model.schema.js';

/** Ingestion refused the input; `messages` says why in Chinese and English. */
export class IngestError extends Error {
  constructor(
    readonly code: 'too-large' | 'empty',
    readonly messages: BilingualMessage,
  ) {
    super(messages.en);
    this.name = 'IngestError';
  }
}

/** Plan outlines are 100–300 KB of text; ten times the largest seen is still accepted. */
export const MAX_TEXT_CHARS = 3_000_000;
