import type { QualityFlag } from '@plantrack/core';
import type { DatabaseHandle } from '../../connection.factory.js';
import { nowIso } from '../../support/ids.js';
import { insertWithGroup } from '../../support/group-commit.js';

/**
 * Stored data-quality flags (migration 0009). Plain Kysely, both dialects. Evidence file rows are
 * in evidence.repository.ts.
 */
type Db = DatabaseHandle['db'];

/**
 * Stores the flags of a revision that has just entered review, in its transaction. The revision
 * is new to that transaction (a replayed submission returns the stored revision and never gets
 * here), so no set exists for it yet; in a grouped commit the row joins the group's multi-row
 * INSERT (`insertWithGroup`), saving each submission a round trip.
 */
export async function storeQualityFlags(
  trx: Db,
  revision: { id: string; key: string; revisionNo: number },
  flags: readonly QualityFlag[],
): Promise<QualityFlag[]> {
  await insertWithGroup(trx, 'observation_quality_flags', {
    revision_id: revision.id,
    observation_key: revision.key,
    revision_no: revision.revisionNo,
    flags_json: JSON.stringify(flags),
    checked_at: nowIso(),
  });
  return [...flags];
}

/** Stored flags by revision id (revisions never checked are absent). */
export async function qualityFlagsOf(
  db: Db,
  revisionIds: readonly string[],
): Promise<Map<string, QualityFlag[]>> {
  const out = new Map<string, QualityFlag[]>();
  if (revisionIds.length === 0) return out;
  const rows = await db
    .selectFrom('observation_quality_flags')
    .select(['revision_id', 'flags_json'])
    .where('revision_id', 'in', [...revisionIds])
    .execute();
  for (const r of rows) out.set(r.revision_id, JSON.parse(r.flags_json) as QualityFlag[]);
  return out;
}

/** Stored flags by `observation_key` and revision number (for the review queue). */
export async function qualityFlagsByKey(
  db: Db,
  keys: readonly { key: string; revisionNo: number }[],
): Promise<Map<string, QualityFlag[]>> {
  const out = new Map<string, QualityFlag[]>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('observation_quality_flags')
    .select(['observation_key', 'revision_no', 'flags_json'])
    .where(
      'observation_key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  for (const r of rows)
    out.set(`${r.observation_key}#${r.revision_no}`, JSON.parse(r.flags_json) as QualityFlag[]);
  return out;
}
