import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Swagger UI's own assets are served from this server (no CDN), so the page works offline. The UI
 * sets inline styles and shows data: images; it calls only this server (no validator badge).
 */
const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Options of {@link apiDocsRoutes}. */
export type ApiDocsOptions = {
  /** The operator's public address (`publicUrl`); its path is the prefix a proxy mounts us under. */
  publicUrl: string | null;
};

/**
 * The API's self-description: `GET /api/openapi.json` (the document generated from the route
 * schemas, the same one as docs/openapi.json save for `servers` when a public address is set) and
 * the reference page `GET /api/docs/` (Swagger UI from the npm package, reading `./json`). Both are
 * public, as the document only describes what every route already answers to anyone who asks.
 */
export const apiDocsRoutes: FastifyPluginAsync<ApiDocsOptions> = async (app, { publicUrl }) => {
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(app.swagger()),
  );

  const mountPath = publicUrl === null ? '' : new URL(publicUrl).pathname.replace(/\/+$/, '');
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Asset links on `/api/docs` (no trailing slash) are absolute, so they carry the proxy's prefix.
    ...(mountPath === '' ? {} : { indexPrefix: mountPath }),
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
    theme: { title: 'PlanTrack API 接口参考 / reference' },
    uiConfig: { deepLinking: true, docExpansion: 'none', defaultModelsExpandDepth: 0 },
  });
};
