/**
 * Why a file could not be turned into text:
 * - `empty`: zero bytes (or nothing but a byte-order mark);
 * - `too-large`: the file, or what it decompresses/extracts to, exceeds a {@link ReadLimits} bound;
 * - `binary`: not text in any supported encoding (UTF-8, UTF-16, GB18030);
 * - `corrupt`: damaged, truncated or not really the format its signature/extension claims;
 * - `encrypted`: password-protected;
 * - `unsupported`: a recognised but unsupported format (old `.doc`, `.xlsx`, RTF…);
 * - `no-text`: a PDF without a usable text layer (a scan).
 */
export type FormatErrorCode =
  'empty' | 'too-large' | 'binary' | 'corrupt' | 'encrypted' | 'unsupported' | 'no-text';

/** The same user-facing message in Chinese and English; both name the problem and what to do. */
export type FormatErrorMessages = { zh: string; en: string };

/** Options of {@link FormatError}: a technical `detail` for logs and the underlying `cause`. */
export type FormatErrorOptions = { detail?: string; cause?: unknown };

/**
 * The only error the readers of this package throw on bad input. `messages` are meant for end users;
 * `detail` (also appended to `message`) is technical and meant for logs.
 */
export class FormatError extends Error {
  /** Machine-readable reason. */
  readonly code: FormatErrorCode;
  /** User-facing bilingual message. */
  readonly messages: FormatErrorMessages;
  /** Technical detail (e.g. the parser's own message), or null. */
  readonly detail: string | null;

  constructor(code: FormatErrorCode, messages: FormatErrorMessages, options: FormatErrorOptions = {}) {
    super(
      options.detail ? `${messages.en} (${options.detail})` : messages.en,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'FormatError';
    this.code = code;
    this.messages = messages;
    this.detail = options.detail ?? null;
  }
}

/** True when `value` is a {@link FormatError}. */
export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}
