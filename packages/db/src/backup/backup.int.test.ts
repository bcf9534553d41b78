import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../connection.factory.js';
import { migrateToLatest } from '../migrations/migration.provider.js';
import { appendAudit } from '../repositories/audit/audit.repository.js';
import { editIndicator } from '../repositories/plan/framework.repository.js';
import * as observations from '../repositories/records/observation.repository.js';
import { listIndicators } from '../repositories/plan/plan-query.repository.js';
import * as reports from '../repositories/records/progress-report.repository.js';
import { setReportingCycle } from '../repositories/records/reporting-cycle.repository.js';
import type { SearchAudience } from '../repositories/search/search-audience.js';
import { search } from '../repositories/search/search.repository.js';
import type { Database } from '../schema/database.schema.js';
import { TEST_PG_URL, forEachDialect, openTempPostgres } from '../testing/dialects.js';
import { seedSamplePlan } from '../testing/seed.js';
import { writeBackup } from './backup.writer.js';
import { restoreBackup } from './restore.js';
import { dataTables } from './table-catalog.js';

/** A reader who may see every indexed row (the planning office). */
const ALL: SearchAudience = { unpublishedFramework: true, records: 'all' };

/** A phrase only the fixture's progress report contains (synthetic test data). */
const REPORT_PHRASE = '土地要素市场化配置方案已经区政府常务会审议';
/** Tables the fixture fills; every one must come back row for row. */
const FILLED = [
  'plans',
  'plan_versions',
  'outline_nodes',
  'indicators',
  'indicator_versions',
  'commitments',
  'tasks',
  'task_versions',
  'task_departments',
  'departments',
  'users',
  'user_roles',
  'api_tokens',
  'reporting_cycles',
  'observations',
  'progress_reports',
  'reference_series',
  'reference_points',
  'evidence_files',
  'framework_edits',
  'audit_log',
  'search_documents',
];

/**
 * Fills a database through the repositories: the sample plan, observations through the whole
 * review flow (returned, approved, corrected), progress reports, a framework edit, audit rows,
 * a user with roles and a token, a reporting cycle, a reference series and an evidence file.
 * Values are synthetic test data.
 */
async function fill(handle: DatabaseHandle, evidenceDir: string): Promise<{ planId: string }> {
  const { db } = handle;
  const seeded = await seedSamplePlan(handle);
  const indicatorId = seeded.indicatorIds[1] ?? '';
  const ref = { indicatorId, period: '2026' };
  await observations.saveDraft(db, {
    ref,
    actor: 'reporter',
    expectedRevision: 0,
    values: { value: 41.2, unit: '亿元', source: '测试数据', estimated: true },
  });
  await observations.submit(db, { ref, actor: 'reporter', expectedRevision: 1 });
  await observations.returnForCorrection(db, {
    ref,
    actor: 'reviewer',
    expectedRevision: 2,
    reason: '口径, "全口径"\n请核对',
  });
  await observations.submit(db, {
    ref,
    actor: 'reporter',
    expectedRevision: 3,
    values: { value: 42.5, unit: '亿元' },
  });
  await observations.approve(db, { ref, actor: 'reviewer', expectedRevision: 4 });
  await observations.correctApproved(db, {
    ref,
    actor: 'office',
    expectedRevision: 5,
    values: { value: 42.8, unit: '亿元' },
    reason: '测试更正',
  });
  const taskRef = { taskId: seeded.taskIds[1] ?? '', period: '2026Q2' };
  await reports.saveDraft(db, {
    ref: taskRef,
    actor: 'dept',
    expectedRevision: 0,
    values: { progress: 'in_progress', narrative: REPORT_PHRASE, evidence: ['file-1'] },
  });
  await reports.submit(db, { ref: taskRef, actor: 'dept', expectedRevision: 1 });
  await reports.approve(db, { ref: taskRef, actor: 'reviewer', expectedRevision: 2 });
  const [indicator] = (await listIndicators(db, seeded.planId)).filter((i) => i.seq === '4');
  await editIndicator(db, {
    indicatorVersionId: indicator?.indicatorVersionId ?? '',
    expectedEditNo: 0,
    changes: { targetText: '50以上' },
    actor: 'office',
    reason: '测试修改',
  });
  await appendAudit(db, {
    actor: 'admin',
    action: 'test.checked',
    entity: 'plan',
    entityId: seeded.planId,
    detail: { n: 1 },
  });
  await setReportingCycle(db, {
    subject: { indicatorId },
    rule: { frequency: 'quarterly', dueMonthOffset: 1, dueDay: 15 },
    actor: 'office',
  });
  const at = '2026-03-01T08:00:00.000Z';
  await db
    .insertInto('users')
    .values({
      id: 'u-1',
      email: 'a@test.local',
      display_name: '测试',
      password_hash: null,
      department_id: null,
      active: 1,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('user_roles')
    .values({ user_id: 'u-1', role: 'reviewer', granted_at: at, granted_by: 'test' })
    .execute();
  await db
    .insertInto('api_tokens')
    .values({
      id: 't-1',
      user_id: 'u-1',
      name: 'ci',
      token_hash: 'h',
      created_at: at,
      expires_at: null,
      revoked_at: null,
      last_used_at: at,
    })
    .execute();
  await db
    .insertInto('reference_series')
    .values({
      id: 's-1',
      plan_id: seeded.planId,
      name: '全市平均',
      unit: '%',
      scope: '测试',
      source: '测试数据',
      created_at: at,
      created_by: 'test',
    })
    .execute();
  await db
    .insertInto('reference_points')
    .values({
      id: 'p-1',
      series_id: 's-1',
      period: '2026',
      value: 0.1,
      value_text: null,
      estimated: 0,
      source: null,
      created_at: at,
      created_by: 'test',
    })
    .execute();
  const content = Buffer.from('说明', 'utf8');
  const sha256 = createHash('sha256').update(content).digest('hex');
  mkdirSync(join(evidenceDir, sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(evidenceDir, sha256.slice(0, 2), sha256), content);
  await db
    .insertInto('evidence_files')
    .values({
      id: 'e-1',
      sha256,
      size_bytes: content.length,
      mime: 'text/plain',
      original_name: '说明.txt',
      storage_path: `${sha256.slice(0, 2)}/${sha256}`,
      uploaded_at: at,
      uploaded_by: 'test',
    })
    .execute();
  return { planId: seeded.planId };
}

/** Every row of every data table, in a dialect-neutral form (flags as 0/1, bytes as base64). */
async function dump(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await dataTables(db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    out[table.name] = rows.rows
      .map((row) => JSON.stringify(table.columns.map((c) => normalise(row[c]))))
      .sort();
  }
  return out;
}

function normalise(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value ?? null;
}

/** Writes that generate keys and append rows still work on the restored database. */
async function expectWritable(db: Kysely<Database>, planId: string): Promise<void> {
  const indicators = await listIndicators(db, planId);
  const tasks = await db.selectFrom('tasks').select('id').where('plan_id', '=', planId).execute();
  await reports.saveDraft(db, {
    ref: { taskId: tasks[3]?.id ?? '', period: '2027' },
    actor: 'dept',
    expectedRevision: 0,
    values: { progress: 'in_progress', narrative: '恢复后新增的进展说明' },
  });
  expect((await search(db, '恢复后新增', { audience: ALL, planId })).length).toBeGreaterThan(0);
  await expect(
    sql`update observations set value = 1 where indicator_id = ${indicators[1]?.indicatorId ?? ''}`.execute(
      db,
    ),
  ).rejects.toThrow(/append-only/);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plantrack-backup-'));
}

forEachDialect((name, open) => {
  describe('backup and restore', () => {
    const dir = tempDir();
    let source: DatabaseHandle;
    let planId: string;
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const evidence = { dir: join(dir, 'evidence') };
    const restoreTo = (): { evidenceDir: string } => ({ evidenceDir: mkdtempSync(join(dir, 'restored-')) });
    beforeAll(async () => {
      source = await open();
      ({ planId } = await fill(source, evidence.dir));
    });

    it('restores every table row for row into a fresh database, with search and keys working', async () => {
      const file = join(dir, 'full.plantrack-backup.gz');
      const written = await writeBackup(source.db, file, { evidence });
      expect(written.dialect).toBe(name);
      expect(written.tables.map((t) => t.name)).not.toContain('sessions');
      for (const table of FILLED)
        expect(written.tables.find((t) => t.name === table)?.rows).toBeGreaterThan(0);

      const target = await open({ migrate: false });
      const restored = await restoreBackup(target.db, file, restoreTo());
      expect(restored.rows).toBe(written.rows);
      expect(await dump(target.db)).toEqual(await dump(source.db));

      const hits = await search(target.db, '国资国企', { audience: ALL, planId });
      expect(hits.some((h) => h.kind === 'task' && h.title === '深化国资国企改革')).toBe(true);
      expect(
        (await search(target.db, REPORT_PHRASE, { audience: ALL, planId })).map((h) => h.kind),
      ).toContain('report');
      if (name === 'sqlite') {
        await sql`insert into search_fts (search_fts) values ('integrity-check')`.execute(target.db);
      }
      await expectWritable(target.db, planId);
    });

    it('refuses to overwrite an existing file and to restore into a database holding data', async () => {
      const file = join(dir, 'twice.gz');
      await writeBackup(source.db, file, { evidence });
      await expect(writeBackup(source.db, file, { evidence })).rejects.toMatchObject({
        code: 'backup-exists',
      });
      const before = await dump(source.db);
      await expect(restoreBackup(source.db, file, restoreTo())).rejects.toMatchObject({
        code: 'target-not-empty',
        messages: {
          zh: expect.stringContaining('已有数据') as unknown,
          en: expect.stringContaining('already holds data') as unknown,
        },
      });
      expect(await dump(source.db)).toEqual(before);
    });

    it('restores into a migrated empty database, whatever the order of self-referencing rows', async () => {
      const file = join(dir, 'migrated.gz');
      await writeBackup(source.db, file, { evidence });
      // Revisions point at the revision they supersede: put every child before its parent.
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      const trailer = lines.pop() ?? '';
      const isObservation = (l: string): boolean => l.startsWith('{"t":"observations"');
      const first = lines.findIndex(isObservation);
      const reversed = lines.filter(isObservation).reverse();
      lines.splice(first, reversed.length, ...reversed);
      const body = lines.map((l) => `${l}\n`).join('');
      const sha256 = createHash('sha256').update(body).digest('hex');
      const shuffled = join(dir, 'shuffled.gz');
      writeFileSync(shuffled, gzipSync(`${body}${JSON.stringify({ ...JSON.parse(trailer), sha256 })}\n`));

      const target = await open();
      await restoreBackup(target.db, shuffled, restoreTo());
      expect(await dump(target.db)).toEqual(await dump(source.db));
    });
  });
});

describe('backup and restore across databases', () => {
  const dir = tempDir();
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const sqlite = (): Promise<DatabaseHandle> => {
    const handle = openDatabase({ dataDir: mkdtempSync(join(dir, 'sqlite-')) });
    cleanups.push(() => handle.close());
    return Promise.resolve(handle);
  };
  const postgres = async (): Promise<DatabaseHandle> => {
    const opened = await openTempPostgres(TEST_PG_URL);
    cleanups.push(opened.cleanup);
    return opened.handle;
  };

  it.each([
    ['sqlite → postgres', sqlite, postgres],
    ['postgres → sqlite', postgres, sqlite],
  ] as const)('%s keeps every row and the search', async (_label, from, to) => {
    const source = await from();
    await migrateToLatest(source.db);
    const evidence = { dir: mkdtempSync(join(dir, 'evidence-')) };
    const { planId } = await fill(source, evidence.dir);
    const file = join(dir, `${source.dialect}.gz`);
    await writeBackup(source.db, file, { evidence });
    const target = await to();
    const evidenceDir = mkdtempSync(join(dir, 'restored-'));
    const restored = await restoreBackup(target.db, file, { evidenceDir });
    expect(restored).toMatchObject({ sourceDialect: source.dialect, dialect: target.dialect });
    expect(readdirSync(evidenceDir, { recursive: true }).sort()).toEqual(
      readdirSync(evidence.dir, { recursive: true }).sort(),
    );
    expect(await dump(target.db)).toEqual(await dump(source.db));
    expect((await search(target.db, REPORT_PHRASE, { audience: ALL, planId })).length).toBeGreaterThan(0);
    await expectWritable(target.db, planId);
  });
});
