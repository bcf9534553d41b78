import { ConflictError, FourEyesError, InvalidInputError, NotFoundError, StorageError } from '@plantrack/db';

/** A message in Chinese and English, as every error of the API carries. */
export type Messages = { zh: string; en: string };

/** An error the API answers with a given HTTP status (as `application/problem+json`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Messages;
  /** Further members of the problem body (e.g. the cell errors of an uploaded workbook). */
  readonly extra: Partial<Problem>;

  constructor(status: number, code: string, messages: Messages, extra: Partial<Problem> = {}) {
    super(messages.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.extra = extra;
  }
}

export const unauthenticated = (): ApiError =>
  new ApiError(401, 'unauthenticated', { zh: '请先登录。', en: 'Sign in first.' });

export const forbidden = (): ApiError =>
  new ApiError(403, 'forbidden', { zh: '无权执行此操作。', en: 'You are not allowed to do this.' });

export const notFound = (what: string): ApiError =>
  new ApiError(404, 'not-found', { zh: `未找到：${what}`, en: `Not found: ${what}` });

/** The body of every error response (RFC 9457), plus the bilingual message. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  messages: Messages;
  currentRevision?: number | null;
  errors?:
    { path: string; message: string }[] | CellError[] | { row: number; field: string; messages: Messages }[];
};

/** A problem found in one cell of an uploaded workbook (row and column as Excel shows them). */
export type CellError = { sheet: string; row: number; column: string; messages: Messages };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

export function problem(
  status: number,
  code: string,
  messages: Messages,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `https://plantrack.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: messages.en,
    code,
    messages,
    ...extra,
  };
}

/** Maps a storage error to its HTTP status, or null when it is not one. */
export function storageProblem(error: unknown): Problem | null {
  if (error instanceof ConflictError) {
    return problem(409, error.code, error.messages, { currentRevision: error.currentRevision });
  }
  if (error instanceof NotFoundError) return problem(404, error.code, error.messages);
  if (error instanceof FourEyesError) return problem(403, error.code, error.messages);
  if (error instanceof InvalidInputError) return problem(400, error.code, error.messages);
  if (error instanceof StorageError) return problem(400, error.code, error.messages);
  return null;
}
