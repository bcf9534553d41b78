#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { runIngest } from './ingest.command.js';
import { runServe } from './serve.command.js';

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
  .action(async (options: { port: string; host: string; dataDir: string }) => {
    process.exitCode = await runServe(options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
