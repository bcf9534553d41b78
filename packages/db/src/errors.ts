import type { BilingualMessage } from '@plantrack/core';

/**
 * Base of the errors the storage layer throws on purpose. Each carries a stable `code` for
 * programs and a message in Chinese and English for people; `message` is the English text so logs
 * stay readable.
 */
export class StorageError extends Error {
  readonly code: string;
  readonly messages: BilingualMessage;

  constructor(code: string, messages: BilingualMessage) {
    super(messages.en);
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
  }
}

/** Why a write was refused as a conflict; the server answers all of them with HTTP 409. */
export type ConflictCode =
  | 'stale-revision'
  | 'locked'
  | 'under-review'
  | 'invalid-transition'
  | 'idempotency-key-reused'
  | 'duplicate';

/**
 * A write that would silently overwrite or skip someone else's work: the caller's
 * `expectedRevision` is stale, the record is locked by approval, or the action does not fit the
 * record's review status. The caller should reload and decide again.
 */
export class ConflictError extends StorageError {
  declare readonly code: ConflictCode;
  /** The latest revision number stored when the conflict was detected (0 when none exists). */
  readonly currentRevision: number | null;

  constructor(code: ConflictCode, messages: BilingualMessage, currentRevision: number | null = null) {
    super(code, messages);
    this.currentRevision = currentRevision;
  }
}

/** A referenced record (plan, indicator, task, version) does not exist. */
export class NotFoundError extends StorageError {
  constructor(messages: BilingualMessage) {
    super('not-found', messages);
  }
}

/** Input that breaks an integrity rule of the store (a malformed period, a missing reason). */
export class InvalidInputError extends StorageError {
  constructor(messages: BilingualMessage) {
    super('invalid-input', messages);
  }
}

/**
 * An action the store refuses because of who is acting, whatever their roles: the four-eyes rule
 * (whoever submitted a revision may not approve or return it). The server answers with HTTP 403.
 */
export class FourEyesError extends StorageError {
  constructor(messages: BilingualMessage) {
    super('four-eyes', messages);
  }
}
