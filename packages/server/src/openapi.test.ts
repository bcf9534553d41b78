import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openApiDocument, openApiText } from './openapi.js';

const committed = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

it('docs/openapi.json matches the route schemas (regenerate: node packages/server/dist/openapi.generate.js)', async () => {
  const doc = await openApiDocument();
  expect(openApiText(doc)).toBe(readFileSync(committed, 'utf8'));
});

it('documents every route with problem+json errors', async () => {
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, unknown>> };
  const paths = Object.keys(doc.paths);
  expect(paths).toContain('/api/observations/{key}/approve');
  expect(paths).toContain('/api/public/plans/{planId}/indicators');
  expect(paths.length).toBeGreaterThanOrEqual(20);
});
