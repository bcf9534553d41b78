import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isDemoDatabase, openDatabase } from '@plantrack/db';
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
    const observations = await handle.db
      .selectFrom('observations')
      .select(['observation_key', 'status', 'source'])
      .execute();
    const reports = await handle.db.selectFrom('progress_reports').select(['report_key', 'status']).execute();
    const roles = await handle.db.selectFrom('user_roles').select('role').execute();
    return { observations, reports, roles: roles.map((r) => r.role), demo: await isDemoDatabase(handle.db) };
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
    expect(keysWith(stored.reports, 'approved', (r: { report_key: string }) => r.report_key).size).toBe(63);
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

  test('refuses a date it cannot simulate to', async () => {
    const io = captureIo();
    expect(await runDemo({ dataDir: join(root, 'bad'), through: '2028-02-30' }, io)).toBe(2);
    expect(io.err).toContain('--through');
  });
});
