import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ApiError, forbidden, unauthenticated } from '../errors.js';
import type { Principal } from './principal.js';

/**
 * What an upload route declares in its `config.upload`: the route's policy as far as the principal
 * and the URL can decide it, and the largest file it takes. Checked by {@link guardUpload} before a
 * byte of the body is read, so a caller who may not upload, or who announces too much, costs the
 * server neither memory nor time reading the body.
 */
export type UploadGate = {
  /** The largest file (or, for a JSON body, the largest body) the route accepts, in bytes. */
  maxBytes: number;
  /** The route's policy, given the caller and the raw route parameters. */
  allows: (
    principal: Principal,
    params: Readonly<Record<string, string | undefined>>,
  ) => boolean | Promise<boolean>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Makes the route an upload: guarded before its body is read (auth/upload.gate.ts). */
    upload?: UploadGate;
  }
}

/**
 * Room for what a multipart body carries besides the file: boundaries, part headers and a few small
 * fields. A declared length above `maxBytes` plus this cannot hold an acceptable upload.
 */
export const UPLOAD_ENVELOPE_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): ApiError {
  const mib = (maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return new ApiError(413, 'upload-too-large', {
    zh: `上传内容超过大小上限（${mib} MiB，${maxBytes} 字节），未读取。`,
    en: `The upload exceeds the size limit (${mib} MiB, ${maxBytes} bytes) and was not read.`,
  });
}

/** The refusal of an upload request from its headers alone, or null when its body may be read. */
async function refusalOf(gate: UploadGate, request: FastifyRequest): Promise<ApiError | null> {
  const principal = request.principal;
  if (principal.via === 'anonymous') return unauthenticated();
  const params = (request.params ?? {}) as Readonly<Record<string, string | undefined>>;
  if (!(await gate.allows(principal, params))) return forbidden();
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > gate.maxBytes + UPLOAD_ENVELOPE_BYTES) {
    return tooLarge(gate.maxBytes);
  }
  return null;
}

/**
 * How long a refused upload's connection stays open after the answer, discarding what the client
 * still sends. Closing at once would reset the connection while the client is still writing, and
 * most clients (browsers' fetch, Node's) then report the reset instead of the answer.
 */
export const REFUSED_UPLOAD_LINGER_MS = 5_000;

/**
 * After the refusal is sent: half-close the connection (the client sees the answer, then the end),
 * let Node discard, never buffer, what arrives meanwhile, and drop the connection after
 * {@link REFUSED_UPLOAD_LINGER_MS} if the client has not hung up by then.
 */
function closeAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  const socket = request.raw.socket;
  reply.raw.once('finish', () => {
    socket.end();
    setTimeout(() => {
      socket.destroy();
    }, REFUSED_UPLOAD_LINGER_MS).unref();
  });
}

/**
 * `onRequest` hook (after authentication): refuses an upload the caller may not make (401/403) or
 * whose declared length is over the route's limit (413) before a byte of the body is read or
 * parsed, and ends the connection after the answer (see {@link closeAfterAnswer}). A body sent
 * without a length is still bounded while it streams, by the route's own limit.
 */
export async function guardUpload(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const gate = request.routeOptions.config.upload;
  if (gate === undefined) return;
  let refusal: ApiError | null;
  try {
    refusal = await refusalOf(gate, request);
  } catch (error) {
    // A malformed record key or a missing record: answered the same way, still without the body.
    closeAfterAnswer(request, reply);
    throw error;
  }
  if (refusal === null) return;
  closeAfterAnswer(request, reply);
  throw refusal;
}

/**
 * `onRoute` hook: a route that takes multipart uploads or raises the body limit must declare
 * `config.upload`, so a new upload route cannot forget to be guarded (the app fails to start).
 */
export function requireUploadGate(route: RouteOptions): void {
  const consumes = route.schema?.consumes ?? [];
  const takesUploads = consumes.includes('multipart/form-data') || route.bodyLimit !== undefined;
  const config = route.config;
  if (takesUploads && config?.upload === undefined) {
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(`${methods} ${route.url} takes uploads but declares no config.upload gate`);
  }
}
