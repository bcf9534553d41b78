import type { StatisticsLoadResult } from '@plantrack/server';
import { type CommandIo, processIo } from './ingest.command.js';

type LoadStatisticsCliOptions = { plan?: string; dataDir: string };

/**
 * `plantrack load-statistics FILE [--plan ID]`: stores the published statistics of a Markdown file
 * (e.g. `wujin-statistics.md`) as approved observations, and lists what it added, what was already
 * there and every figure it did not load, with the reason. Exit 1 when the file or the store
 * cannot be read.
 */
export async function runLoadStatistics(
  file: string,
  options: LoadStatisticsCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  // Loaded here so that `plantrack ingest` does not pay for the server's start-up.
  const { loadStatisticsFile } = await import('@plantrack/server');
  let result: StatisticsLoadResult;
  try {
    result = await loadStatisticsFile({
      file,
      plan: options.plan,
      dataDir: env.PLANTRACK_DATA_DIR ?? options.dataDir,
      databaseUrl: env.DATABASE_URL || undefined,
    });
  } catch (error) {
    io.stderr(`plantrack load-statistics: ${messageOf(error)}\n`);
    return 1;
  }
  io.stdout(formatResult(result));
  return 0;
}

function formatResult(r: StatisticsLoadResult): string {
  const lines = [
    `已导入 / added: ${r.added.length}    已存在 / unchanged: ${r.unchanged.length}    未导入 / not loaded: ${r.notLoaded.length}`,
  ];
  for (const f of r.added) {
    const estimate = f.estimated ? '（预计 / estimate）' : '';
    lines.push(
      `  + 第 ${f.line} 行 / line ${f.line}: ${f.indicatorName} ${f.period} ${f.scope} = ${f.value} ${f.unit}${estimate}`,
    );
  }
  if (r.notLoaded.length > 0) lines.push('未导入 / not loaded:');
  for (const n of r.notLoaded) {
    const year = n.year === null ? '' : ` ${n.year}`;
    lines.push(
      `  - 第 ${n.line} 行 / line ${n.line}: ${n.measure}${year} “${n.text}” — ${n.reason.zh} / ${n.reason.en}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function messageOf(error: unknown): string {
  const messages = (error as { messages?: { zh: string; en: string } }).messages;
  if (messages !== undefined) return `${messages.zh} / ${messages.en}`;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在 / no such file';
  return error instanceof Error ? error.message : String(error);
}
