import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { buildApp } from '../app.js';

/**
 * The served OpenAPI document passes a real linter (Redocly's `recommended` rules, plus: every tag
 * an operation names is declared) with no error, and the reference page works with no outside
 * host: every script, style sheet and icon it names is answered by this server.
 */
async function lintErrors(text: string): Promise<string[]> {
  const config = await createConfig({
    extends: ['recommended'],
    rules: { 'operation-tag-defined': 'error' },
  });
  const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
}

forEachDialect((dialect, open) => {
  describe('API reference', () => {
    it('serves /api/openapi.json, which lints with no error and names a relative server', async () => {
      const app = await buildApp({ db: (await open()).db, dialect });
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      await app.close();
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.json<{ servers: { url: string }[]; paths: Record<string, unknown> }>();
      expect(doc.servers.map((s) => s.url)).toEqual(['/']);
      expect(Object.keys(doc.paths)).toContain('/api/auth/sign-in');
      // The reference page's own routes describe nothing of the API.
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/docs'))).toEqual([]);
      expect(await lintErrors(res.body)).toEqual([]);
    });

    it('names the public address, with the prefix a proxy mounts the service under, as the server', async () => {
      const app = await buildApp({
        db: (await open()).db,
        dialect,
        config: { publicUrl: 'https://plan.example.gov.cn/plantrack/' },
      });
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        servers: { url: string }[];
      }>();
      const page = await app.inject({ method: 'GET', url: '/api/docs' });
      await app.close();
      expect(doc.servers.map((s) => s.url)).toEqual(['https://plan.example.gov.cn/plantrack']);
      expect(page.body).toContain('href="/plantrack/api/docs/static/swagger-ui.css"');
    });

    it('serves the reference page and every asset it names from this server', async () => {
      const app = await buildApp({ db: (await open()).db, dialect });
      try {
        const page = await app.inject({ method: 'GET', url: '/api/docs/' });
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.headers['content-security-policy']).toContain("default-src 'self'");
        const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
        expect(refs.some((r) => r.endsWith('swagger-ui-bundle.js'))).toBe(true);
        for (const ref of refs) {
          expect(ref, 'no outside host').not.toMatch(/^(https?:)?\/\//);
          const asset = await app.inject({ method: 'GET', url: new URL(ref, 'http://x/api/docs/').pathname });
          expect(asset.statusCode, ref).toBe(200);
        }
        const init = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
        expect(init.body).toContain("resolveUrl('./json')");
        expect(init.body).toContain('validatorUrl: null');
        const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
        expect(json.json<{ openapi: string }>().openapi).toBe('3.1.0');
      } finally {
        await app.close();
      }
    });
  });
});
