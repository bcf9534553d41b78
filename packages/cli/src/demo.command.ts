import type { DemoResult } from '@plantrack/server';
import { resolve } from 'node:path';
import { type CommandIo, processIo } from './ingest.command.js';

/** Where `plantrack serve` keeps its database by default. */
const SERVICE_DATA_DIR = './data';

/** The options of `plantrack demo` as commander hands them over. */
export type DemoCliOptions = { dataDir: string; databaseUrl?: string; through: string; reset?: boolean };

/**
 * `plantrack demo [--data-dir DIR] [--through DATE] [--reset]`: creates a separate demo database
 * (default `./plantrack-demo`, never the service's own data folder) with the sample plan, users
 * for every role and a simulated reporting history, every value marked 演示数据（模拟值）.
 * Exit 1 when it refuses (the target holds real data, or a demo without --reset), 2 on bad usage.
 */
export async function runDemo(
  options: DemoCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  // Loaded here so that `plantrack ingest` does not pay for the server's start-up.
  const { DemoRefusedError, createDemoDatabase, isDemoDate } = await import('@plantrack/server');
  if (!isDemoDate(options.through)) {
    io.stderr(
      `plantrack demo: --through 应为 2026-01-01 至 2031-12-31 之间的日期 / must be a date from 2026-01-01 to 2031-12-31: "${options.through}"\n`,
    );
    return 2;
  }
  // The service's own data folder is never a demo's, even while it is still empty.
  const serviceDirs = [SERVICE_DATA_DIR, env.PLANTRACK_DATA_DIR].filter(
    (d): d is string => d !== undefined && d !== '',
  );
  if (options.databaseUrl === undefined && serviceDirs.some((d) => resolve(d) === resolve(options.dataDir))) {
    io.stderr(
      `plantrack demo: 演示数据库不能放在服务的数据目录（${options.dataDir}）中，请另选目录，默认为 ./plantrack-demo\n` +
        `The demo never goes into the service's data folder (${options.dataDir}); choose another, by default ./plantrack-demo\n`,
    );
    return 1;
  }
  const started = Date.now();
  let result: DemoResult;
  try {
    result = await createDemoDatabase({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      through: options.through,
      reset: options.reset === true,
    });
  } catch (error) {
    if (!(error instanceof DemoRefusedError)) throw error;
    io.stderr(`plantrack demo: ${error.messages.zh}\n${error.messages.en}\n`);
    return 1;
  }
  io.stdout(formatResult(result, options, Date.now() - started));
  return 0;
}

function formatResult(r: DemoResult, options: DemoCliOptions, ms: number): string {
  const c = r.counts;
  const serve =
    options.databaseUrl === undefined
      ? `npx plantrack serve --data-dir ${options.dataDir}`
      : 'DATABASE_URL=… npx plantrack serve';
  const lines = [
    `演示数据库已生成 / Demo database created: ${r.location}  (${(ms / 1000).toFixed(1)} s)`,
    `所有数值均为模拟值，标注“演示数据（模拟值）” / every value is simulated and marked as such`,
    `模拟至 / simulated through: ${options.through}`,
    `监测值 / observations: ${c.observations}    进展报告 / progress reports: ${c.progressReports}    参照值 / reference values: ${c.referenceValues}`,
    `已审核通过 / approved: ${c.approved}    退回后更正 / returned and corrected: ${c.returned}`,
    `重大项目 / major projects: ${c.projects}    项目月报 / monthly project reports: ${c.projectReports}`,
    '',
    '演示账号（密码只显示这一次）/ Demo accounts (passwords are shown only once):',
    ...r.credentials.map(
      (u) =>
        `  ${u.role.padEnd(20)} ${u.email.padEnd(36)} ${u.password}${u.department === null ? '' : `  ${u.department}`}`,
    ),
    '',
    `启动 / start: ${serve}`,
  ];
  return `${lines.join('\n')}\n`;
}
