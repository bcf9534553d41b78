import { openDatabase } from '@plantrack/db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app.js';

/**
 * The OpenAPI document generated from the route schemas. Builds the app on a throwaway (unmigrated)
 * SQLite file without listening; nothing touches the database.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-openapi-'));
  const handle = openDatabase({ dataDir: dir });
  try {
    const app = await buildApp({ db: handle.db, dialect: 'sqlite' });
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed file's exact text for a document. */
export function openApiText(doc: Record<string, unknown>): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
