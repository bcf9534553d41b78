import { writeFile } from 'node:fs/promises';
import { type CommandIo, processIo } from './ingest.command.js';

/** The options of `plantrack report KIND` as commander hands them over. */
export type ReportCliOptions = {
  year: string;
  asOf?: string;
  format: string;
  out: string;
  plan?: string;
  dataDir: string;
};

const KINDS = ['annual', 'midterm', 'final', 'briefing'] as const;
const FORMATS = ['docx', 'pdf', 'html'] as const;

/**
 * `plantrack report annual|midterm|final|briefing --year YEAR [--as-of DATE] --format docx|pdf|html
 * --out FILE [--plan ID] [--data-dir DIR]`: creates and stores the report with its frozen snapshot
 * (as the web app does), then writes the file. Exit 2 for bad usage, 1 when the report cannot be made.
 */
export async function runReport(
  kind: string,
  options: ReportCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const usage = (zh: string, en: string): number => {
    io.stderr(`plantrack report: ${zh} / ${en}\n`);
    return 2;
  };
  const k = KINDS.find((x) => x === kind);
  if (k === undefined)
    return usage(`报告类型应为 ${KINDS.join('|')}`, `the kind must be ${KINDS.join('|')} (got "${kind}")`);
  const f = FORMATS.find((x) => x === options.format);
  if (f === undefined) return usage(`格式应为 ${FORMATS.join('|')}`, `--format must be ${FORMATS.join('|')}`);
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2100)
    return usage('年份无效', `invalid --year "${options.year}"`);
  // Loaded here so that `plantrack ingest` does not pay for the server's start-up.
  const { generateReport } = await import('@plantrack/server');
  try {
    const { report, file } = await generateReport({
      kind: k,
      year,
      asOf: options.asOf,
      format: f,
      plan: options.plan,
      dataDir: env.PLANTRACK_DATA_DIR ?? options.dataDir,
      databaseUrl: env.DATABASE_URL || undefined,
    });
    await writeFile(options.out, file.bytes);
    io.stdout(
      `${report.title}（截至 ${report.asOf}）→ ${options.out}（${file.bytes.length} 字节 / bytes）\n` +
        `报告编号 / report id: ${report.id}    快照 / snapshot sha256: ${report.snapshot.sha256}\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`plantrack report: ${messageOf(error)}\n`);
    return 1;
  }
}

function messageOf(error: unknown): string {
  const messages = (error as { messages?: { zh: string; en: string } }).messages;
  if (messages !== undefined) return `${messages.zh} / ${messages.en}`;
  return error instanceof Error ? error.message : String(error);
}
