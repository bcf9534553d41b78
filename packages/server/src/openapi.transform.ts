import { UploadFileBodySchema, operationIdOf } from '@plantrack/api';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type RouteTransform = typeof jsonSchemaTransform;
type ObjectTransform = typeof jsonSchemaTransformObject;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_JSON = 'application/problem+json';

/**
 * One route's schema as the OpenAPI document shows it. An upload route (multipart/form-data) reads
 * its file part as a stream instead of validating a body, so its request body is documented from
 * the contract's upload schema here, without becoming a validator.
 */
export const transformRoute: RouteTransform = (input) => {
  const consumes = (input.schema as { consumes?: unknown } | undefined)?.consumes;
  const multipart = Array.isArray(consumes) && consumes.includes('multipart/form-data');
  if (!multipart || input.schema?.body !== undefined) return jsonSchemaTransform(input);
  return jsonSchemaTransform({ ...input, schema: { ...input.schema, body: UploadFileBodySchema } });
};

type MediaObject = { schema?: Record<string, unknown> };
type ResponseObject = { content?: Record<string, MediaObject> };
type OperationObject = { operationId?: string; responses?: Record<string, ResponseObject> };

/**
 * The whole document, finished from the contract: each operation gets the operationId declared in
 * @plantrack/api; every error is documented as application/problem+json (the error handler sends
 * nothing else, whatever the route's success type); a file download's body is a binary string;
 * component schemas in name order.
 */
export const transformDocument: ObjectTransform = (input) => {
  const doc = jsonSchemaTransformObject(input);
  const paths = (doc.paths ?? {}) as Record<string, Record<string, OperationObject>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const id = operationIdOf(method, path);
      if (id !== undefined && op.operationId === undefined) {
        // The id goes first, as the operation's name, before summary and the rest.
        item[method] = { operationId: id, ...op };
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        finishResponse(status, response);
      }
    }
  }
  // Schemas in name order: the order modules happen to register them in is no part of the contract.
  const finished = doc as { components?: { schemas?: Record<string, unknown> } };
  const schemas = finished.components?.schemas;
  if (finished.components !== undefined && schemas !== undefined) {
    finished.components.schemas = Object.fromEntries(
      Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return doc;
};

function finishResponse(status: string, response: ResponseObject): void {
  const content = response.content;
  if (content === undefined) return;
  const types = Object.keys(content);
  if (/^[45]/.test(status)) {
    const first = types[0];
    const media = first === undefined ? undefined : content[first];
    // A route that produces several file types (a report as .docx, HTML or PDF) lists each for its
    // errors too; the error handler sends problem+json only.
    if (media !== undefined && !types.includes(PROBLEM_JSON)) {
      response.content = { [PROBLEM_JSON]: media };
    }
    return;
  }
  for (const type of types) {
    const media = content[type];
    if (type.endsWith('json') || media?.schema === undefined || 'type' in media.schema) continue;
    if ('$ref' in media.schema) continue;
    // z.any() on a download: the body is the file's bytes (text for CSV).
    media.schema = type.startsWith('text/')
      ? { type: 'string', ...media.schema }
      : { type: 'string', format: 'binary', ...media.schema };
  }
}
