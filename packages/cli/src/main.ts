#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { type DemoCliOptions, runDemo } from './demo.command.js';
import { runIngest } from './ingest.command.js';
import { runLoadStatistics } from './load-statistics.command.js';
import { type ServeCliOptions, runServe } from './serve.command.js';
import { type ReportCliOptions, runReport } from './report.command.js';
import { type ProjectsCliOptions, runProjectsExport, runProjectsImport } from './projects.command.js';

/** Exit statuses: 0 success, 1 a document could not be read, 2 bad usage. */
const program = new Command()
  .name('plantrack')
  .description('PlanTrack 规划实施监测评估系统 — plan outlines turned into a monitoring system')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('ingest')
  .description('读取规划纲要并输出结构化模型 / read plan outlines into the plan model')
  .argument('<files...>', '.txt, .docx or .pdf files')
  .option('--json', 'print the plan model as JSON to stdout')
  .option('--summary', 'print a summary (default)')
  .option('--out <dir>', 'write <name>.plan.json for each file into this folder')
  .option('--lang <lang>', 'summary language: zh or en', 'zh')
  .action(
    async (files: string[], options: { json?: boolean; summary?: boolean; out?: string; lang: string }) => {
      process.exitCode = await runIngest(files, options);
    },
  );

program
  .command('serve')
  .description('启动监测服务（默认内置数据库）/ start the monitoring service (embedded database by default)')
  .option('--port <port>', 'port to listen on', '3000')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--data-dir <dir>', 'folder of the embedded SQLite database', './data')
  .option(
    '--trust-proxy <proxies>',
    'reverse proxies believed about X-Forwarded-For/-Proto: addresses or CIDR ranges, comma-separated, or a hop count (env PLANTRACK_TRUST_PROXY; default none)',
  )
  .option(
    '--secure-cookies <mode>',
    'Secure cookies: auto (when the request came over https or --public-url is https), true or false (env PLANTRACK_SECURE_COOKIES)',
  )
  .option(
    '--public-url <url>',
    'address users reach the service at, for links in e-mails (env PLANTRACK_PUBLIC_URL)',
  )
  .option(
    '--log-level <level>',
    'trace, debug, info (default), warn, error, fatal or silent (env PLANTRACK_LOG_LEVEL)',
  )
  .action(async (options: ServeCliOptions) => {
    process.exitCode = await runServe(options);
  });

program
  .command('report')
  .description(
    '生成并保存评估报告（冻结数据快照）并写出文件 / create and store a report with its frozen snapshot, then write the file',
  )
  .argument('<kind>', 'annual | midterm | final | briefing')
  .requiredOption('--year <year>', 'the year the report assesses')
  .option('--as-of <date>', 'YYYY-MM-DD: values approved after this day are left out (default: today)')
  .requiredOption('--format <format>', 'docx | pdf | html')
  .requiredOption('--out <file>', 'where to write the file')
  .option('--plan <id>', 'plan id or slug (needed when the store holds several plans)')
  .option('--data-dir <dir>', 'folder of the embedded SQLite database', './data')
  .action(async (kind: string, options: ReportCliOptions) => {
    process.exitCode = await runReport(kind, options);
  });

program
  .command('load-statistics')
  .description('把已公布统计数据导入为已审核监测值 / load published statistics as approved observations')
  .argument('<file>', 'Markdown file of published statistics (e.g. wujin-statistics.md)')
  .option('--plan <id>', 'plan id or slug (needed when the store holds several plans)')
  .option('--data-dir <dir>', 'folder of the embedded SQLite database', './data')
  .action(async (file: string, options: { plan?: string; dataDir: string }) => {
    process.exitCode = await runLoadStatistics(file, options);
  });

program
  .command('demo')
  .description('生成演示数据库（模拟数据）/ create a demo database with simulated data')
  .option(
    '--data-dir <dir>',
    'folder of the demo SQLite database (never the service data folder)',
    './plantrack-demo',
  )
  .option('--database-url <url>', 'an empty PostgreSQL database to fill instead (postgres://…)')
  .option('--through <date>', 'simulate the reporting history up to this date', '2028-06-30')
  .option('--reset', 'replace a demo database made earlier in the same place')
  .action(async (options: DemoCliOptions) => {
    process.exitCode = await runDemo(options);
  });

const projects = program
  .command('projects')
  .description(
    '重大项目库：导入与导出项目清单 / the major-project register: import and export the project sheet',
  );
projects
  .command('import')
  .description('导入项目清单（全部或全不）/ import an office project sheet, all or nothing')
  .argument('<file>', '.xlsx project sheet (序号, 项目名称, 总投资, 年度计划投资, 责任单位 …)')
  .option('--plan <id>', 'plan id or slug (needed when the store holds several plans)')
  .option('--year <year>', 'the year of 年度计划投资 (default: this year)')
  .option('--confirm <answers>', 'answers for rows matched by name only, e.g. 5:update,9:create')
  .option('--preview', 'read and match only; write nothing')
  .option('--data-dir <dir>', 'folder of the embedded SQLite database', './data')
  .action(async (file: string, options: ProjectsCliOptions) => {
    process.exitCode = await runProjectsImport(file, options);
  });
projects
  .command('export')
  .description('导出项目清单（与导入相同的格式）/ export the register in the import layout')
  .requiredOption('--out <file>', '.xlsx file to write')
  .option('--plan <id>', 'plan id or slug (needed when the store holds several plans)')
  .option('--year <year>', 'the year of 年度计划投资 (default: this year)')
  .option('--data-dir <dir>', 'folder of the embedded SQLite database', './data')
  .action(async (options: { out: string; plan?: string; dataDir: string; year?: string }) => {
    process.exitCode = await runProjectsExport(options);
  });

// The database commands are imported when run, so that `ingest` does not load the database drivers.
program
  .command('backup')
  .description('备份整个数据库到一个可移植文件 / back up the whole store to a portable file')
  .requiredOption(
    '--out <file>',
    'backup file to write (gzip JSON lines), e.g. plantrack-2026-03-01.backup.gz',
  )
  .option(
    '--data-dir <dir>',
    'data folder: the embedded SQLite database (unless DATABASE_URL is set) and evidence/',
    './data',
  )
  .option('--evidence-dir <dir>', 'evidence files folder (default: <data-dir>/evidence)')
  .option('--allow-missing-evidence', 'write the backup even if evidence files are missing (recorded)')
  .action(
    async (options: {
      out: string;
      dataDir: string;
      evidenceDir?: string;
      allowMissingEvidence?: boolean;
    }) => {
      const { runBackup } = await import('./backup.command.js');
      process.exitCode = await runBackup(options);
    },
  );

program
  .command('restore')
  .description('把备份恢复到空数据库 / restore a backup into an empty database')
  .argument('<file>', 'backup file written by plantrack backup')
  .option(
    '--data-dir <dir>',
    'data folder: the embedded SQLite database (unless DATABASE_URL is set) and evidence/',
    './data',
  )
  .option('--evidence-dir <dir>', 'evidence files folder (default: <data-dir>/evidence)')
  .option('--allow-missing-evidence', 'restore even if evidence files are missing (listed)')
  .action(
    async (
      file: string,
      options: { dataDir: string; evidenceDir?: string; allowMissingEvidence?: boolean },
    ) => {
      const { runRestore } = await import('./restore.command.js');
      process.exitCode = await runRestore(file, options);
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
