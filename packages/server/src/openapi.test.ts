import { operationIdOf, operations } from '@plantrack/api';
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

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};

async function operationsOf(): Promise<{ method: string; path: string; op: Operation }[]> {
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
}

it('names every operation with the operationId the contract declares, and every declared one is a route', async () => {
  const ops = await operationsOf();
  for (const { method, path, op } of ops) {
    expect(op.operationId, `${method} ${path}`).toBe(operationIdOf(method, path));
  }
  const documented = new Set(ops.map(({ method, path }) => `${method.toUpperCase()} ${path}`));
  const declared = Object.values(operations).map((o) => `${o.method} ${o.path}`);
  expect(declared.filter((route) => !documented.has(route))).toEqual([]);
});

it('documents errors as problem+json and upload bodies as multipart/form-data with the file part', async () => {
  for (const { method, path, op } of await operationsOf()) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (status >= '400' && response.content !== undefined) {
        expect(Object.keys(response.content), `${method} ${path} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
  }
  const uploads = (await operationsOf()).filter(({ op }) => op.requestBody?.content?.['multipart/form-data']);
  expect(uploads.map(({ op }) => op.operationId).sort()).toEqual([
    'importPlanFile',
    'importProjects',
    'importUsers',
    'uploadMyTemplate',
    'uploadObservationEvidence',
    'uploadProgressReportEvidence',
    'uploadProjectReportEvidence',
  ]);
});
