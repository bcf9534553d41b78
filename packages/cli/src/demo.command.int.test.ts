import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  type DatabaseHandle,
  createUser,
  isDemoDatabase,
  migrateToLatest,
  openDatabase,
  projectsDashboard,
} from '@plantrack/db';
import { observationSources, storedDemoRecords } from '../../db/src/testing/demo-records.js';
import { TEST_PG_URL, openTempPostgres } from '../../db/src/testing/dialects.js';
import { startServer } from '@plantrack/server';
import { runDemo } from './demo.command.js';
import type { CommandIo } from './ingest.command.js';

const DEMO_SOURCE = '演示数据（模拟值）';

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

/** What the demo wrote, read straight from the store. */
async function storedHistory(dataDir: string) {
  const handle = openDatabase({ dataDir });
  try {
    const { observations, reports, roles, projects, projectReports } = await storedDemoRecords(handle.db);
    const planId = projects[0]?.plan_id;
    const dashboard =
      planId === undefined
        ? null
        : await projectsDashboard(handle.db, { planId, year: 2026, asOf: '2026-12-31' });
    return {
      observations,
      reports,
      projects,
      projectReports,
      dashboard,
      roles,
      demo: await isDemoDatabase(handle.db),
    };
  } finally {
    await handle.close();
  }
}

const keysWith = (rows: { status: string }[], status: string, key: (r: never) => string) =>
  new Set(rows.filter((r) => r.status === status).map((r) => key(r as never)));

describe('plantrack demo (embedded database)', () => {
  const root = mkdtempSync(join(tmpdir(), 'plantrack-cli-demo-'));
  const dataDir = join(root, 'demo');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('creates a marked demo database: every value simulated, submitted and approved through the review flow', async () => {
    const io = captureIo();
    expect(await runDemo({ dataDir, through: '2026-12-31' }, io), io.err).toBe(0);
    // 2025 for every indicator with a target to move toward, 2026Q1–Q3 for the growth indicators;
    // 2026Q1–Q3 for each of the 21 tasks. Deterministic: the same counts on every run.
    expect(io.out).toContain('监测值 / observations: 36    进展报告 / progress reports: 63');
    expect(io.out).toContain('已审核通过 / approved: 99    退回后更正 / returned and corrected: 3');
    for (const role of [
      'administrator',
      'planning_office',
      'reviewer',
      'leader',
      'public',
      'department_reporter',
    ]) {
      expect(io.out).toMatch(new RegExp(`${role}\\s+\\S+@demo\\.plantrack\\.local\\s+\\S{12,}`));
    }

    const stored = await storedHistory(dataDir);
    expect(stored.demo).toBe(true);
    const approvedObs = keysWith(
      stored.observations,
      'approved',
      (r: { observation_key: string }) => r.observation_key,
    );
    const returnedObs = keysWith(
      stored.observations,
      'returned',
      (r: { observation_key: string }) => r.observation_key,
    );
    expect(approvedObs.size).toBe(36);
    expect(returnedObs.size).toBe(3);
    for (const key of returnedObs) expect(approvedObs.has(key)).toBe(true); // corrected, then approved
    expect(stored.observations.every((o) => o.source === DEMO_SOURCE)).toBe(true);
    // Dated as it would have happened: 2025 figures in March 2026 (due on the 31st), all by the date given.
    for (const o of stored.observations) {
      expect(o.created_at >= '2026-01-05' && o.created_at <= '2026-12-31T17:00:00.000Z', o.created_at).toBe(
        true,
      );
      if (o.period === '2025') expect(o.created_at.slice(0, 7), o.observation_key).toMatch(/^2026-0[34]$/);
    }
    expect(keysWith(stored.reports, 'approved', (r: { report_key: string }) => r.report_key).size).toBe(63);

    // The project register: 20 simulated projects across categories in the plan's towns, each led by
    // a seeded department; monthly reports approved through the review flow, all marked simulated.
    expect(io.out).toMatch(/重大项目 \/ major projects: 20 {4}项目月报 \/ monthly project reports: \d+/);
    expect(stored.projects).toHaveLength(20);
    expect(new Set(stored.projects.map((p) => p.category)).size).toBeGreaterThanOrEqual(4);
    for (const p of stored.projects) {
      expect(p.place).toMatch(/[镇街道]$/);
      expect(p.lead_department_id).not.toBeNull();
      expect(p.content).toContain(DEMO_SOURCE);
    }
    const printed = Number(/项目月报 \/ monthly project reports: (\d+)/.exec(io.out)?.[1]);
    const approvedReports = stored.projectReports.filter((r) => r.status === 'approved');
    expect(approvedReports.length).toBe(printed);
    expect(printed).toBeGreaterThan(100);
    expect(stored.projectReports.every((r) => (r.progress_text ?? '').includes(DEMO_SOURCE))).toBe(true);
    expect(stored.projectReports.every((r) => r.created_at <= '2026-12-31T17:00:00.000Z')).toBe(true);
    // Some lag behind their annual plan; one has an issue open past its deadline (需协调).
    const flagged = stored.dashboard?.flagged ?? [];
    expect(flagged.filter((f) => f.health === '滞后').length).toBeGreaterThanOrEqual(2);
    expect(flagged.filter((f) => f.health === '需协调')).toHaveLength(1);
    expect(stored.dashboard?.openIssuesByDepartment.reduce((n, d) => n + d.overdue, 0)).toBe(1);
    expect(new Set(stored.roles)).toEqual(
      new Set(['administrator', 'planning_office', 'reviewer', 'leader', 'public', 'department_reporter']),
    );
  });

  test('a second run on the same folder is refused; --reset creates the demo afresh', async () => {
    const again = captureIo();
    expect(await runDemo({ dataDir, through: '2026-12-31' }, again)).toBe(1);
    expect(again.err).toContain('已是演示数据库');
    expect(again.err).toContain('--reset');

    const reset = captureIo();
    expect(await runDemo({ dataDir, through: '2026-06-30', reset: true }, reset), reset.err).toBe(0);
    const stored = await storedHistory(dataDir);
    expect(stored.demo).toBe(true);
    // Through mid-2026 only 2025 and 2026Q1 were due: the earlier history is gone, not added to.
    expect(
      keysWith(stored.observations, 'approved', (r: { observation_key: string }) => r.observation_key).size,
    ).toBe(Number(/监测值 \/ observations: (\d+)/.exec(reset.out)?.[1]));
    expect(keysWith(stored.reports, 'approved', (r: { report_key: string }) => r.report_key).size).toBe(21);
  });

  test('refuses a data folder holding a real database, even with --reset, and leaves it untouched', async () => {
    const realDir = join(root, 'real');
    const server = await startServer({
      port: 0,
      dataDir: realDir,
      print: () => undefined,
      config: { reminderIntervalMs: 0 },
    });
    await server.close();
    for (const reset of [false, true]) {
      const io = captureIo();
      expect(await runDemo({ dataDir: realDir, through: '2026-12-31', reset }, io)).toBe(1);
      expect(io.err).toContain('非演示数据');
      expect(io.err).toContain('not demo data');
    }
    const stored = await storedHistory(realDir);
    expect(stored.demo).toBe(false);
    expect(stored.observations).toEqual([]);
    expect(stored.roles).toEqual(expect.arrayContaining(['administrator']));
  });

  test('the service tells every caller whether it serves demo data', async () => {
    for (const [dir, demo] of [
      [dataDir, true],
      [join(root, 'real'), false],
    ] as const) {
      const server = await startServer({
        port: 0,
        dataDir: dir,
        print: () => undefined,
        config: { reminderIntervalMs: 0 },
      });
      try {
        const response = await server.app.inject({ method: 'GET', url: '/api/instance' });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toEqual({ demo });
      } finally {
        await server.close();
      }
    }
  });

  test("refuses the service's own data folder, even empty", async () => {
    const io = captureIo();
    expect(await runDemo({ dataDir: './data', through: '2026-12-31' }, io, {})).toBe(1);
    expect(io.err).toContain("service's data folder");
    const env = captureIo();
    expect(
      await runDemo({ dataDir: join(root, 'served'), through: '2026-12-31' }, env, {
        PLANTRACK_DATA_DIR: join(root, 'served'),
      }),
    ).toBe(1);
  });

  test('refuses a date it cannot simulate to', async () => {
    const io = captureIo();
    expect(await runDemo({ dataDir: join(root, 'bad'), through: '2028-02-30' }, io)).toBe(2);
    expect(io.err).toContain('--through');
  });
});

describe.skipIf(process.env.PLANTRACK_SKIP_POSTGRES === '1')(
  'plantrack demo --database-url (PostgreSQL)',
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });
    /** A new, empty database on the test server: its URL and a handle to look into it. */
    const urlOf = async (): Promise<{ url: string; handle: DatabaseHandle }> => {
      const { url, handle, cleanup } = await openTempPostgres(TEST_PG_URL);
      cleanups.push(cleanup);
      return { url, handle };
    };

    test('fills an empty database, then refuses to write into it again', async () => {
      const { url, handle } = await urlOf();
      const io = captureIo();
      expect(await runDemo({ dataDir: 'unused', databaseUrl: url, through: '2026-06-30' }, io), io.err).toBe(
        0,
      );
      expect(await isDemoDatabase(handle.db)).toBe(true);
      expect(await observationSources(handle.db)).toEqual([DEMO_SOURCE]);
      const again = captureIo();
      expect(
        await runDemo({ dataDir: 'unused', databaseUrl: url, through: '2026-06-30', reset: true }, again),
      ).toBe(1);
      expect(again.err).toContain('已是演示数据库');
    });

    test('refuses a database that holds real data', async () => {
      const { url, handle } = await urlOf();
      await migrateToLatest(handle.db);
      await createUser(handle.db, {
        email: 'office@example.org',
        displayName: 'office',
        passwordHash: 'x',
        roles: ['planning_office'],
        grantedBy: 'test',
      });
      const io = captureIo();
      expect(await runDemo({ dataDir: 'unused', databaseUrl: url, through: '2026-06-30' }, io)).toBe(1);
      expect(io.err).toContain('非演示数据');
      expect(await isDemoDatabase(handle.db)).toBe(false);
    });
  },
);
