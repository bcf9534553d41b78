import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { problem } from '../errors.js';

/** The built web app (`npm run build -w @plantrack/web`), relative to this file in src/ and dist/ alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Everything is served from this server — no outside font, script or tile — so the policy can be
 * strict. Inline styles are needed by antd's CSS-in-JS; charts draw on canvas (blob/data images).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
}

/**
 * Serves the single-page web app: hashed assets with a long cache, and `index.html` for every other
 * non-API path so that deep links (`/indicators/…`) open the right screen. When the app has not been
 * built, `/` says how to build it instead of failing obscurely.
 */
export const webRoutes: FastifyPluginAsync<{ root: string | null }> = async (app, { root }) => {
  const webRoot = root ?? DEFAULT_WEB_ROOT;
  const indexPath = join(webRoot, 'index.html');
  const built = existsSync(indexPath);
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset (packages/web/scripts/precompress.mjs).
      preCompressed: true,
      // Asset names carry a content hash, so they never change; everything else is revalidated.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.startsWith(join(webRoot, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const indexHtml = built ? readFileSync(indexPath, 'utf8') : null;

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply
        .code(404)
        .type('application/problem+json')
        .send(
          problem(404, 'no-route', {
            zh: `没有这个接口：${request.method} ${request.url}`,
            en: `No such route: ${request.method} ${request.url}`,
          }),
        );
    }
    securityHeaders(reply);
    reply.header('cache-control', 'no-cache');
    if (indexHtml === null) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          '网页界面尚未构建：请运行 npm run build。\nThe web interface has not been built: run `npm run build`.\n' +
            'API: /api (see docs/openapi.json)\n',
        );
    }
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
};
