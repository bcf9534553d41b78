import { randomBytes } from 'node:crypto';
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import type { LogLevel } from './config.js';

/**
 * Never written to the log: credentials travel in these headers, and pino replaces them with
 * `[redacted]` wherever a request or response is serialised (an error's request, a debug line).
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
];

/**
 * Fastify's logger (pino, one JSON object a line) at `level`, with credentials redacted and the
 * two default per-request lines replaced by one (see {@link logRequestCompleted}). Every request
 * gets an id (`reqId` on each of its lines, `x-request-id` on its answer) that a user can quote.
 */
export function requestLogOptions(
  level: LogLevel,
  stream?: { write: (line: string) => void },
): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId'> {
  // A per-process counter with a random prefix: unique across restarts, short to quote.
  const prefix = randomBytes(3).toString('hex');
  let next = 0;
  return {
    logger: {
      level,
      redact: { paths: REDACTED, censor: '[redacted]' },
      ...(stream === undefined ? {} : { stream }),
    },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => {
      next += 1;
      return `${prefix}-${next.toString(36)}`;
    },
  };
}

/**
 * One line per answered request: method, route pattern, path, status, the signed-in user's id
 * (null when anonymous) and the time taken in milliseconds. Errors of level 5xx are logged once
 * more, with their cause, by the error handler.
 */
export function logRequestCompleted(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const status = reply.statusCode;
  const line = {
    method: request.method,
    route: request.routeOptions.url ?? null,
    url: request.url,
    status,
    userId: (request.principal as { userId: string | null } | null)?.userId ?? null,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (status >= 500) request.log.error(line, 'request failed');
  else if (status >= 400) request.log.info(line, 'request refused');
  else request.log.info(line, 'request completed');
  done();
}

/** Tells the client its request id, so that a report of a failure can be found in the log. */
export function echoRequestId(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.header('x-request-id', request.id);
  done();
}
