import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseHandle, DialectName } from '@plantrack/db';
import { TEST_PG_URL } from '../../../db/src/testing/dialects.js';
import { TEMPORARY_FILE_PREFIX } from '../services/evidence/evidence.storage.js';
import type { BurstAction } from './mixed-burst.js';
import type { ServeStore } from './serve-process.js';

const dataDirs: string[] = [];

/** Removes the evidence folders {@link storeOf} made for PostgreSQL (call in `afterAll`). */
export function removeDataDirs(): void {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The process's store: the SQLite folder, or the PostgreSQL database with a folder of its own
 * for evidence files (never the working copy's ./data, whose files this database does not know).
 */
export function storeOf(
  dialect: DialectName,
  handle: DatabaseHandle,
): { store: ServeStore; evidenceDir: string } {
  if (dialect === 'sqlite') {
    const dataDir = dirname(handle.location);
    return { store: { dataDir }, evidenceDir: join(dataDir, 'evidence') };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'plantrack-durability-'));
  dataDirs.push(dataDir);
  const databaseUrl = Object.assign(new URL(TEST_PG_URL), {
    pathname: new URL(handle.location).pathname,
  }).href;
  return { store: { databaseUrl, dataDir }, evidenceDir: join(dataDir, 'evidence') };
}

/** What a kill between storing a file and committing its row, or mid-write, leaves behind. */
export function plantLeftovers(evidenceDir: string): string[] {
  const sha256 = randomBytes(32).toString('hex');
  const orphan = join(evidenceDir, sha256.slice(0, 2), sha256);
  const temporary = join(
    evidenceDir,
    sha256.slice(0, 2),
    `${TEMPORARY_FILE_PREFIX}${randomBytes(8).toString('hex')}`,
  );
  mkdirSync(dirname(orphan), { recursive: true });
  writeFileSync(orphan, 'bytes whose row was never committed');
  writeFileSync(temporary, 'half an upload');
  return [orphan, temporary];
}

/** `kind n, …`: acknowledged actions per kind. */
export function countKinds(acknowledged: readonly { action: BurstAction }[]): string {
  const counts = new Map<string, number>();
  for (const { action } of acknowledged) counts.set(action.kind, (counts.get(action.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}
