import type { ProjectImportAnswer } from '@plantrack/server';
import { type CommandIo, processIo } from './ingest.command.js';

/** Options of `plantrack projects import` and `plantrack projects export`. */
export type ProjectsCliOptions = {
  plan?: string;
  dataDir: string;
  year?: string;
  confirm?: string;
  preview?: boolean;
};

/**
 * `plantrack projects import FILE.xlsx [--plan ID] [--year YYYY] [--confirm 5:update,9:create] [--preview]`:
 * imports an office's project sheet into the plan's register, all or nothing. Exit 0 when written
 * (or previewed without errors); 1 on any cell error, an unanswered name-only match, or an unreadable
 * file or store — then nothing is written and every problem is listed in Chinese and English.
 */
export async function runProjectsImport(
  file: string,
  options: ProjectsCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  // Loaded here so that `plantrack ingest` does not pay for the server's start-up.
  const { importProjectsFile } = await import('@plantrack/server');
  let answer: ProjectImportAnswer;
  try {
    answer = await importProjectsFile({
      file,
      plan: options.plan,
      dataDir: env.PLANTRACK_DATA_DIR ?? options.dataDir,
      databaseUrl: env.DATABASE_URL || undefined,
      year: yearOf(options.year),
      confirm: options.confirm,
      preview: options.preview,
    });
  } catch (error) {
    io.stderr(`plantrack projects import: ${messageOf(error)}\n`);
    return 1;
  }
  io.stdout(formatImport(answer));
  if (answer.errors.length > 0) return 1;
  if (options.preview === true) return 0;
  return answer.committed ? 0 : 1;
}

/** `plantrack projects export --out FILE.xlsx [--plan ID] [--year YYYY]`: the register in the import layout. */
export async function runProjectsExport(
  options: { out: string; plan?: string; dataDir: string; year?: string },
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { exportProjectsFile } = await import('@plantrack/server');
  try {
    const { out } = await exportProjectsFile({
      out: options.out,
      plan: options.plan,
      dataDir: env.PLANTRACK_DATA_DIR ?? options.dataDir,
      databaseUrl: env.DATABASE_URL || undefined,
      year: yearOf(options.year),
    });
    io.stdout(`已导出 / written: ${out}\n`);
    return 0;
  } catch (error) {
    io.stderr(`plantrack projects export: ${messageOf(error)}\n`);
    return 1;
  }
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1950 || year > 2100) {
    throw Object.assign(new Error('bad year'), {
      messages: { zh: `年份无效：${text}`, en: `Not a year: ${text}` },
    });
  }
  return year;
}

function formatImport(a: ProjectImportAnswer): string {
  const lines = [`工作表 / sheet: ${a.sheet}    读取行数 / rows read: ${a.rows.length}`];
  lines.push(`列映射 / columns: ${a.mapping.map((m) => `${m.column}=${m.header}`).join(' ')}`);
  if (a.ignoredColumns.length > 0)
    lines.push(
      `未读取的列 / columns not read: ${a.ignoredColumns.map((c) => `${c.column}=${c.header}`).join(' ')}`,
    );
  for (const e of a.errors) {
    const where = e.column === null ? `第 ${e.row} 行 / row ${e.row}` : `${e.column}${e.row}`;
    lines.push(`  ✗ ${where}: ${e.messages.zh} / ${e.messages.en}`);
  }
  const waiting = a.matches.filter((m) => m.outcome === 'confirm');
  for (const m of waiting) {
    lines.push(
      `  ? 第 ${m.row} 行 / row ${m.row}: “${m.name}” 与已有项目同名同责任单位，请用 --confirm ${m.row}:update 或 ${m.row}:create 确认 / matches an existing project by name only; answer with --confirm`,
    );
  }
  if (a.errors.length > 0) lines.push('有错误，未导入任何行 / errors found: nothing was imported');
  else if (a.committed)
    lines.push(`已导入 / imported: 新增 / created ${a.created}, 更新 / updated ${a.updated}`);
  else if (waiting.length > 0)
    lines.push('待确认，未导入任何行 / waiting for confirmation: nothing was imported');
  else
    lines.push(
      `预览 / preview: 新增 / to create ${a.matches.filter((m) => m.outcome === 'create').length}, 更新 / to update ${a.matches.filter((m) => m.outcome === 'update').length}`,
    );
  return `${lines.join('\n')}\n`;
}

function messageOf(error: unknown): string {
  const messages = (error as { messages?: { zh: string; en: string } }).messages;
  if (messages !== undefined) return `${messages.zh} / ${messages.en}`;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return '文件不存在 / no such file';
  return error instanceof Error ? error.message : String(error);
}
