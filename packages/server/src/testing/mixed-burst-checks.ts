import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle, DialectName } from '@plantrack/db';
import { expect } from 'vitest';
import {
  type RecordRevision,
  allEvidenceRecords,
  allRecordRevisions,
  projectReportRevisions,
  projectReportSubmitAudits,
  revisionAudits,
} from '../../../db/src/testing/durability-records.js';
import { sha256Of } from '../services/evidence/evidence.storage.js';
import type { Parties } from './burst-parties.js';
import {
  type Acknowledged,
  type BurstAction,
  BURST_KINDS,
  type BurstKind,
  observationKeyOf,
  projectMonthOf,
} from './mixed-burst.js';

/** How many actions of each kind are in the store (acknowledged or not). */
export type FoundByKind = Record<BurstKind, number>;

/**
 * Checks the store after a restart: every acknowledged action is there exactly once with what it
 * wrote, every revision has exactly one audit record (in the same transaction on PostgreSQL) and
 * every audit record its revision, and every evidence row has its bytes. Returns what was found
 * per kind, acknowledged or not.
 */
export async function expectBurstKept(
  handle: DatabaseHandle,
  dialect: DialectName,
  evidenceDir: string,
  parties: Parties,
  actions: readonly BurstAction[],
  acknowledged: readonly Acknowledged[],
): Promise<FoundByKind> {
  const revisions = await allRecordRevisions(handle.db, dialect);
  expectAudited(revisions, await revisionAudits(handle.db, dialect));
  const byIdempotencyKey = new Map<string, RecordRevision>();
  for (const r of revisions) {
    if (r.idempotencyKey === null) continue;
    expect(
      byIdempotencyKey.has(r.idempotencyKey),
      `one revision per idempotency key ${r.idempotencyKey}`,
    ).toBe(false);
    byIdempotencyKey.set(r.idempotencyKey, r);
  }
  const slots = new Set(revisions.map((r) => `${r.kind}|${r.key}|${r.revisionNo}`));
  expect(slots.size, 'one revision per record and number').toBe(revisions.length);
  const latest = new Map<string, RecordRevision>();
  for (const r of revisions) {
    if (r.kind === 'observation' && (latest.get(r.key)?.revisionNo ?? 0) < r.revisionNo) latest.set(r.key, r);
  }
  const evidence = await allEvidenceRecords(handle.db);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  expect(new Set(evidence.map((e) => `${e.subjectKey}|${e.sha256}`)).size, 'no evidence file twice').toBe(
    evidence.length,
  );
  for (const e of evidence) {
    expect(sha256Of(readFileSync(join(evidenceDir, e.storagePath))), `bytes of evidence ${e.id}`).toBe(
      e.sha256,
    );
  }

  const projectReports = await storedProjectReports(handle);
  for (const { action: a, answer } of acknowledged) {
    const id = (answer.body as { id?: string }).id;
    switch (a.kind) {
      case 'submission':
      case 'progress-report': {
        const stored = byIdempotencyKey.get(a.idempotencyKey);
        expect(stored?.id, `acknowledged ${a.kind} ${a.idempotencyKey}`).toBe(id);
        expect(stored).toMatchObject({
          revisionNo: 1,
          status: 'submitted',
          createdBy: parties.reporter.id,
          ...(a.kind === 'submission'
            ? { key: observationKeyOf(a), value: a.value }
            : { key: `${a.taskId}|${a.period}`, narrative: a.narrative }),
        });
        break;
      }
      case 'approval':
      case 'return': {
        const stored = byIdempotencyKey.get(a.idempotencyKey);
        expect(stored?.id, `acknowledged ${a.kind} of ${a.key}`).toBe(id);
        expect(stored).toMatchObject({
          key: a.key,
          revisionNo: 2,
          status: a.kind === 'approval' ? 'approved' : 'returned',
          createdBy: parties.reviewer.id,
          ...(a.kind === 'return' ? { reason: a.reason } : {}),
        });
        break;
      }
      case 'evidence': {
        const row = evidenceById.get(id ?? '');
        expect(row, `acknowledged evidence upload ${a.fileName}`).toMatchObject({
          sha256: a.sha256,
          subjectKey: a.key,
        });
        break;
      }
      case 'project-report': {
        const stored = projectReports.get(projectMonthOf(a));
        expect(stored, `acknowledged project report ${projectMonthOf(a)}`).toMatchObject({
          id,
          revisionNo: 1,
          status: 'submitted',
          ytdWan: a.ytdWan,
          progressText: a.progressText,
          createdBy: parties.reporter.id,
          audited: 1,
        });
        break;
      }
      case 'template':
        for (const row of a.rows) {
          expect(latest.get(observationKeyOf(row)), `template row ${observationKeyOf(row)}`).toMatchObject({
            status: 'submitted',
            value: row.value,
            createdBy: parties.reporter.id,
          });
        }
        break;
    }
  }
  // A review action is in the store once at most, acknowledged or not.
  const reviews = revisions.filter((r) => r.action === 'approve' || r.action === 'return');
  expect(new Set(reviews.map((r) => r.key)).size, 'one review per submitted revision').toBe(reviews.length);
  // A project report's month is stored once at most: one revision, with one audit record.
  for (const [month, r] of projectReports) {
    expect(r.revisions, `revisions of project report ${month}`).toBe(1);
    expect(r.audited, `audit records of project report ${month}`).toBe(1);
  }
  return foundByKind(
    actions,
    byIdempotencyKey,
    latest,
    new Set(evidence.map((e) => e.sha256)),
    new Set(projectReports.keys()),
  );
}

/** A month of a project as stored: its newest revision, how many it has, and its audit records. */
export type StoredProjectReport = {
  id: string;
  revisionNo: number;
  status: string;
  ytdWan: number | null;
  progressText: string | null;
  createdBy: string;
  revisions: number;
  audited: number;
};

/** Every month of every project report in the store, by `projectMonthOf`. */
export async function storedProjectReports(
  handle: DatabaseHandle,
): Promise<Map<string, StoredProjectReport>> {
  const rows = await projectReportRevisions(handle.db);
  const audits = await projectReportSubmitAudits(handle.db);
  const out = new Map<string, StoredProjectReport>();
  for (const r of rows) {
    const key = projectMonthOf({ projectId: r.project_id, year: r.year, month: r.month });
    const audited = audits.filter((a) => {
      const d = JSON.parse(a.detail_json) as { year?: number; month?: number };
      return a.entity_id === r.project_id && d.year === r.year && d.month === r.month;
    }).length;
    out.set(key, {
      id: r.id,
      revisionNo: r.revision_no,
      status: r.status,
      ytdWan: r.ytd_wan,
      progressText: r.progress_text,
      createdBy: r.created_by,
      revisions: (out.get(key)?.revisions ?? 0) + 1,
      audited,
    });
  }
  return out;
}

function foundByKind(
  actions: readonly BurstAction[],
  byIdempotencyKey: Map<string, RecordRevision>,
  latest: Map<string, RecordRevision>,
  storedContent: Set<string>,
  projectMonths: Set<string>,
): FoundByKind {
  const found = Object.fromEntries(BURST_KINDS.map((k) => [k, 0])) as FoundByKind;
  for (const a of actions) {
    const present =
      a.kind === 'evidence'
        ? storedContent.has(a.sha256)
        : a.kind === 'template'
          ? a.rows.every((r) => latest.get(observationKeyOf(r))?.value === r.value)
          : a.kind === 'project-report'
            ? projectMonths.has(projectMonthOf(a))
            : byIdempotencyKey.has(a.idempotencyKey);
    if (present) found[a.kind] += 1;
  }
  return found;
}

/** Revisions and their audit records match one to one (and, on PostgreSQL, share a transaction). */
function expectAudited(
  revisions: readonly RecordRevision[],
  audits: Awaited<ReturnType<typeof revisionAudits>>,
): void {
  const auditByRevision = new Map(audits.map((a) => [a.revisionId, a]));
  expect(auditByRevision.size, 'one audit record per revision id').toBe(audits.length);
  for (const r of revisions) {
    const audit = auditByRevision.get(r.id);
    const entity = r.kind === 'observation' ? 'observation' : 'progress_report';
    expect(audit, `audit record of ${r.kind} revision ${r.id}`).toMatchObject({
      entity,
      entityId: r.key,
      action: `${entity}.${r.action}`,
      actor: r.createdBy,
    });
    expect(audit?.writtenBy, `revision ${r.id} and its audit record in one transaction`).toBe(r.writtenBy);
  }
  const ids = new Set(revisions.map((r) => r.id));
  expect(
    audits.filter((a) => !ids.has(a.revisionId)),
    'audit records without their revision',
  ).toEqual([]);
}

/** Files in the evidence folder that should not be there: temporary files and orphans. */
export function leftoverEvidenceFiles(evidenceDir: string, referenced: ReadonlySet<string>): string[] {
  let entries;
  try {
    entries = readdirSync(evidenceDir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && (e.name.startsWith('.') || !referenced.has(e.name)))
    .map((e) => join(e.parentPath, e.name));
}

/** A line per kind: fired, acknowledged before the kill, found after the restart. */
export function burstFigures(
  dialect: DialectName,
  actions: readonly BurstAction[],
  acknowledged: readonly Acknowledged[],
  found: FoundByKind,
): string {
  const count = (list: readonly { kind: BurstKind }[], kind: BurstKind) =>
    list.filter((x) => x.kind === kind).length;
  const rows = BURST_KINDS.map(
    (k) =>
      `  ${k.padEnd(16)} fired ${String(count(actions, k)).padStart(4)}  acknowledged ${String(
        count(
          acknowledged.map((a) => a.action),
          k,
        ),
      ).padStart(4)}  found after restart ${String(found[k]).padStart(4)}`,
  );
  return [`SIGKILL mixed burst (${dialect}):`, ...rows].join('\n');
}
