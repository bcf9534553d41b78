import type { FastifyReply } from 'fastify';

/**
 * For read models that are large and served from a cache (the leader dashboard, an indicator's
 * assessment, the projects dashboard): re-validating them against the zod schema on every response
 * cost more than building them. The services build them from typed DTOs and cache the JSON text,
 * which is sent as it is (Fastify does not serialise a string sent as JSON); the tests parse
 * responses with the same schemas.
 */
export const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

/** Sends cached JSON text as the response body. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
