import type { Bilingual } from '../i18n/i18n';
import { takeStartupResponse } from './startup-requests';

/** An `application/problem+json` error from the API (or a network failure), with zh and en text. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly body: Record<string, unknown> = {},
  ) {
    super(messages.en);
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The double-submit CSRF token the server set as a readable cookie at sign-in. */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)pt_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

export type RequestOptions = {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart (file uploads). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Calls the API; resolves with the parsed JSON body, rejects with an {@link ApiProblem}. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Calls the API and returns the raw response (downloads); rejects with an {@link ApiProblem}. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  // Only unsafe methods carry the token; reading document.cookie is a slow synchronous call.
  const csrf = UNSAFE.has(method) ? csrfToken() : null;
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    body = options.form;
  }
  let response: Response;
  try {
    // The same GET already sent by the entry script (see ./startup-requests.ts) is not sent twice.
    const early = method === 'GET' ? takeStartupResponse(path) : undefined;
    response = await (early ??
      fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'network', {
      zh: '无法连接服务器，请检查网络后重试。',
      en: 'Cannot reach the server; check the network and try again.',
    });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  try {
    const body = (await response.json()) as Record<string, unknown>;
    const messages = body.messages as Bilingual | undefined;
    if (messages !== undefined && typeof messages.zh === 'string') {
      const code = typeof body.code === 'string' ? body.code : 'error';
      return new ApiProblem(response.status, code, messages, body);
    }
  } catch {
    // Not JSON: fall through to a generic message.
  }
  return new ApiProblem(response.status, 'http', {
    zh: `请求失败（${response.status}）。`,
    en: `The request failed (${response.status}).`,
  });
}

/** Query string from an object, skipping empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
