import { ingestText } from '@plantrack/core';
import {
  type DatabaseHandle,
  type DemoTargetState,
  SQLITE_FILE_NAME,
  demoTargetState,
  dialectOf,
  importPlanVersion,
  listIndicators,
  listTasks,
  markDemoDatabase,
  migrateToLatest,
  openDatabase,
  withSimulatedClock,
} from '@plantrack/db';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildApp } from './app.js';
import { SAMPLE_OUTLINE_PATH } from './serve.js';
import { type DemoCredential, createDemoPeople } from './services/demo/demo-people.js';
import { addReferenceSeries, assignOwnersAndCycles } from './services/demo/demo-setup.js';
import {
  type DemoHistoryCounts,
  emptyCounts,
  reportObservation,
  reportProgress,
  simulatedProgress,
} from './services/demo/demo-history.js';
import { DemoClock, periodsDueBy, reportDates } from './services/demo/demo-calendar.js';
import { simulateIndicator } from './services/demo/demo-values.js';
import { demoPlaces, simulateProjects } from './services/demo/demo-projects.js';
import { type DemoProjectCounts, registerDemoProjects } from './services/demo/demo-project-history.js';

export type DemoOptions = {
  /** SQLite folder; ignored when `databaseUrl` is given. */
  dataDir: string;
  databaseUrl?: string | undefined;
  /** The simulated history covers every report due by this date (`YYYY-MM-DD`). */
  through: string;
  /** Replace a previous demo database (SQLite only) instead of refusing. */
  reset: boolean;
};

export type DemoResult = {
  location: string;
  planId: string;
  credentials: DemoCredential[];
  counts: DemoHistoryCounts & DemoProjectCounts & { referenceValues: number };
};

/** Why the demo refused to write: said in both languages by the command. */
export class DemoRefusedError extends Error {
  constructor(readonly messages: { zh: string; en: string }) {
    super(messages.en);
  }
}

/**
 * `plantrack demo`: a separate database marked as a demo (`instance_settings.demo`), holding the
 * sample plan ingested as `plantrack serve` does, users for every role, owners, reporting cycles,
 * simulated reference series, a simulated project register (重大项目库) and a simulated reporting
 * history through `through` (indicators, tasks and the projects' monthly reports), all written
 * through the services so that history, audit and review look as they would for real data.
 * Refuses a database that holds anything not written by the demo.
 */
export async function createDemoDatabase(options: DemoOptions): Promise<DemoResult> {
  // --reset removes a previous demo's SQLite file, and nothing else: a real database is refused.
  if (options.reset && options.databaseUrl === undefined && (await stateOf(options)) === 'demo') {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(options.dataDir, SQLITE_FILE_NAME + suffix), { force: true });
  }
  const handle = openHandle(options);
  try {
    const state = await demoTargetState(handle.db);
    if (state === 'real') throw refusal('real');
    if (state === 'demo') throw refusal(options.databaseUrl === undefined ? 'demo' : 'demo-url');
    await migrateToLatest(handle.db);
    await markDemoDatabase(handle.db);
    return { location: handle.location, ...(await fill(handle, options.through)) };
  } finally {
    await handle.close();
  }
}

async function stateOf(options: DemoOptions): Promise<DemoTargetState> {
  const handle = openHandle(options);
  try {
    return await demoTargetState(handle.db);
  } finally {
    await handle.close();
  }
}

function openHandle(options: DemoOptions): DatabaseHandle {
  return openDatabase(
    options.databaseUrl === undefined ? { dataDir: options.dataDir } : { url: options.databaseUrl },
  );
}

/** When the simulated history starts: the plan is imported and the people set up in early 2026. */
const HISTORY_START = '2026-01-05T09:00:00Z';

async function fill(handle: DatabaseHandle, through: string): Promise<Omit<DemoResult, 'location'>> {
  const clock = new DemoClock(HISTORY_START);
  return withSimulatedClock(clock.now, async () => {
    const text = readFileSync(SAMPLE_OUTLINE_PATH, 'utf8');
    const fileName = basename(SAMPLE_OUTLINE_PATH);
    const model = ingestText(text, { fileName });
    const { planId } = await importPlanVersion(handle.db, { model, text, fileName, actor: 'system' });
    const app = await buildApp({
      db: handle.db,
      dialect: dialectOf(handle.db),
      config: { logLevel: 'silent' },
    });
    try {
      const ctx = app.plantrack;
      const people = await createDemoPeople(ctx, planId);
      const indicators = await listIndicators(handle.db, planId);
      const tasks = await listTasks(handle.db, planId);
      const ownerOf = await assignOwnersAndCycles(ctx, people.office, {
        planId,
        indicators,
        tasks,
        departments: people.departments,
      });
      const { years, quarters } = periodsDueBy(through);
      const counts = { ...emptyCounts(), referenceValues: 0, projects: 0, projectReports: 0 };
      const reports: { at: Date; run: () => Promise<void> }[] = [];
      // The major-project register: simulated projects in the plan's towns, their monthly reports.
      reports.push(
        ...(await registerDemoProjects(
          ctx,
          {
            office: people.office,
            reviewer: people.reviewer,
            reporters: people.reporters,
            departmentIdOf: (name) => people.departments.find((d) => d.canonicalName === name)?.id,
            clock,
          },
          {
            planId,
            projects: simulateProjects(demoPlaces(model.gazetteer, model.plan.region), people.departments),
            through,
          },
          counts,
        )),
      );
      for (const [seq, row] of indicators.entries()) {
        const ind = model.indicators.find((i) => i.seq === row.seq);
        const owner = ownerOf.get(row.indicatorId);
        const reporter = owner === undefined ? undefined : people.reporters.get(owner);
        if (ind === undefined || reporter === undefined) continue;
        const simulated = simulateIndicator(ind, years, quarters);
        counts.referenceValues += await addReferenceSeries(ctx, people.office, {
          planId,
          indicator: row,
          simulated,
          clock,
        });
        const actors = { reporter, reviewer: people.reviewer, clock };
        for (const point of simulated.points) {
          const dates = reportDates(point.period, seq, through);
          reports.push({
            at: dates.submit,
            run: () =>
              reportObservation(
                ctx,
                actors,
                { indicatorId: row.indicatorId, unit: row.unit, point, dates },
                counts,
              ),
          });
        }
      }
      for (const [seq, task] of tasks.entries()) {
        const lead = task.owners.find((o) => o.role === 'lead') ?? task.owners[0];
        const reporter = lead === undefined ? undefined : people.reporters.get(lead.departmentId);
        if (reporter === undefined) continue;
        const actors = { reporter, reviewer: people.reviewer, clock };
        for (const [n, period] of quarters.entries()) {
          const dates = reportDates(period, seq + 7, through);
          const progress = simulatedProgress(seq, n);
          reports.push({
            at: dates.submit,
            run: () => reportProgress(ctx, actors, { taskId: task.taskId, period, progress, dates }, counts),
          });
        }
      }
      // In the order they were made, so that histories, queues and the audit log read in time order.
      reports.sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const report of reports) await report.run();
      return { planId, credentials: people.credentials, counts };
    } finally {
      await app.close();
    }
  });
}

function refusal(kind: 'real' | 'demo' | 'demo-url'): DemoRefusedError {
  switch (kind) {
    case 'real':
      return new DemoRefusedError({
        zh: '该数据库已有非演示数据，演示模式不会写入。请指定一个新的或空的数据目录（--data-dir）。',
        en: 'This database holds data that is not demo data; the demo will not write into it. Give a new or empty data folder (--data-dir).',
      });
    case 'demo':
      return new DemoRefusedError({
        zh: '该数据目录已是演示数据库。如需重新生成，请加 --reset。',
        en: 'This data folder already holds a demo database; add --reset to create it afresh.',
      });
    case 'demo-url':
      return new DemoRefusedError({
        zh: '该数据库已是演示数据库；PostgreSQL 上的演示数据库请先删除再重新生成。',
        en: 'This database already holds a demo; on PostgreSQL drop and recreate the database to start again.',
      });
  }
}
