import { ingestText } from '@plantrack/core';
import {
  type DatabaseHandle,
  dialectOf,
  importPlanVersion,
  listPlans,
  migrateToLatest,
  openDatabase,
  countUsers,
  createUser,
} from '@plantrack/db';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PlanTrackApp, buildApp } from './app.js';
import { hashPassword } from './auth/password.js';
import { generatePassword } from './auth/password-policy.js';
import { tokenMaxDaysFromEnv } from './auth/token-lifetime.js';
import type { ServerConfig } from './config.js';
import { cleanEvidenceStore, describeEvidenceCleanup } from './services/evidence/evidence-cleanup.js';
import { prepareEvidenceDir } from './services/evidence/evidence.storage.js';
import { startReminderScheduler } from './services/reminders/reminder.scheduler.js';

/** The bundled sample outline, relative to this package (src/ and dist/ alike). */
export const SAMPLE_OUTLINE_PATH = fileURLToPath(
  new URL('../../../examples/wujin-15th-outline.txt', import.meta.url),
);

export type StartServerOptions = {
  port?: number;
  host?: string;
  /** SQLite folder (default `./data`); ignored when `databaseUrl` is given. */
  dataDir?: string;
  /** `postgres://…` to use PostgreSQL. */
  databaseUrl?: string;
  /** Outline imported when the database holds no plan (default: the bundled sample). */
  sampleOutlinePath?: string;
  config?: Partial<ServerConfig>;
  /** Where the start-up lines go (default: console.log). */
  print?: (line: string) => void;
};

export type RunningServer = {
  app: PlanTrackApp;
  address: string;
  /** Set when this start created the first administrator. */
  firstAdmin: { email: string; password: string } | null;
  close: () => Promise<void>;
};

/**
 * `plantrack serve`: opens the store, migrates, imports the sample plan into an empty database,
 * creates a first administrator with a random password when there are no users, removes what a
 * killed process left in the evidence folder (see `evidence-cleanup.ts`), listens, and
 * prints the address and the sign-in in Chinese and English.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const tokenMaxDays = tokenMaxDaysFromEnv(process.env.PLANTRACK_TOKEN_MAX_DAYS);
  // Evidence files live beside the SQLite file (also with PostgreSQL: the bytes are not in the database).
  const evidenceDir = options.config?.evidenceDir ?? join(options.dataDir ?? './data', 'evidence');
  await prepareEvidenceDir(evidenceDir);
  const print =
    options.print ??
    ((line: string) => {
      console.log(line);
    });
  const handle: DatabaseHandle = openDatabase({
    ...(options.databaseUrl === undefined
      ? { dataDir: options.dataDir ?? './data' }
      : { url: options.databaseUrl }),
    checkpoints: 'background',
  });
  await migrateToLatest(handle.db);
  if ((await listPlans(handle.db)).length === 0) {
    const path = options.sampleOutlinePath ?? SAMPLE_OUTLINE_PATH;
    const text = readFileSync(path, 'utf8');
    const fileName = basename(path);
    await importPlanVersion(handle.db, {
      model: ingestText(text, { fileName }),
      text,
      fileName,
      actor: 'system',
    });
    print(`已导入示例规划 / Imported the sample plan: ${fileName}`);
  }
  let firstAdmin: RunningServer['firstAdmin'] = null;
  if ((await countUsers(handle.db)) === 0) {
    const password = generatePassword();
    const email = 'admin@plantrack.local';
    await createUser(handle.db, {
      email,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      roles: ['administrator', 'planning_office'],
      grantedBy: 'system',
    });
    firstAdmin = { email, password };
  }
  const app = await buildApp({
    db: handle.db,
    dialect: dialectOf(handle.db),
    config: { evidenceDir, ...(tokenMaxDays === undefined ? {} : { tokenMaxDays }), ...options.config },
  });
  // What a killed process left (temporary uploads, files whose record was never committed) goes
  // before the first request can store new files.
  const { evidenceDir: storedIn, evidenceOrphanGraceMs } = app.plantrack.config;
  const cleanup = await cleanEvidenceStore(handle.db, storedIn, { orphanGraceMs: evidenceOrphanGraceMs });
  for (const line of describeEvidenceCleanup(cleanup)) print(line);
  const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  print(`PlanTrack 已启动 / PlanTrack is listening: ${address}`);
  const reminders = startReminderScheduler(app.plantrack, {
    intervalMs: app.plantrack.config.reminderIntervalMs,
    log: app.log,
  });
  if (firstAdmin !== null) {
    print(`首位管理员 / First administrator: ${firstAdmin.email}  密码 / password: ${firstAdmin.password}`);
    print('请妥善保存此密码（它只显示这一次）。/ Keep this password safe: it is shown only once.');
  }
  return {
    app,
    address,
    firstAdmin,
    close: async () => {
      await reminders.stop();
      await app.close();
      await handle.close();
    },
  };
}
