import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IngestError, ingestText, type PlanModel } from '@plantrack/core';
import { FormatError, readDocument, DEFAULT_LIMITS } from '@plantrack/formats';
import { formatSummary, type Lang } from './summary.presenter.js';

type IngestCliOptions = { json?: boolean; summary?: boolean; out?: string; lang: string };

/** Where the command writes; tests pass their own. */
export type CommandIo = { stdout: (text: string) => void; stderr: (text: string) => void };

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * `plantrack ingest FILE…`: reads each file, prints its summary (or the model as JSON) and returns
 * the exit status — 1 when any document could not be read, 2 for bad usage.
 */
export async function runIngest(
  files: string[],
  options: IngestCliOptions,
  io: CommandIo = processIo,
): Promise<number> {
  if (options.json && options.summary)
    return usage(io, '--json 与 --summary 只能选一个 / choose either --json or --summary');
  if (options.lang !== 'zh' && options.lang !== 'en')
    return usage(io, `--lang 只能是 zh 或 en / --lang must be zh or en (got "${options.lang}")`);
  if (options.json && files.length > 1 && !options.out)
    return usage(io, '多个文件请用 --out 输出 JSON / use --out to write JSON for several files');
  const lang: Lang = options.lang;
  if (options.out) await mkdir(options.out, { recursive: true });
  let failed = 0;
  for (const [index, file] of files.entries()) {
    if (files.length > 1) io.stderr(`[${index + 1}/${files.length}] ${file}\n`);
    const model = await ingestFile(file, lang, io);
    if (!model) {
      failed++;
      continue;
    }
    if (options.out)
      await writeFile(
        join(options.out, `${basename(file).replace(/\.[^.]+$/, '')}.plan.json`),
        JSON.stringify(model, null, 2),
      );
    if (options.json && !options.out) io.stdout(`${JSON.stringify(model, null, 2)}\n`);
    else if (!options.json) io.stdout(`${formatSummary(model, lang)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

async function ingestFile(file: string, lang: Lang, io: CommandIo): Promise<PlanModel | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new FormatError('unsupported', { zh: '不是文件。', en: 'Not a file.' });
    if (info.size > DEFAULT_LIMITS.maxFileBytes) {
      throw new FormatError('too-large', {
        zh: `文件过大（${info.size} 字节，上限 ${DEFAULT_LIMITS.maxFileBytes}）。`,
        en: `The file is too large (${info.size} bytes, limit ${DEFAULT_LIMITS.maxFileBytes}).`,
      });
    }
    const document = await readDocument(new Uint8Array(await readFile(file)), basename(file));
    return ingestText(document.text, { fileName: basename(file), encoding: document.encoding });
  } catch (error) {
    io.stderr(`${file}: ${describe(error, lang)}\n`);
    return null;
  }
}

function describe(error: unknown, lang: Lang): string {
  if (error instanceof FormatError || error instanceof IngestError) {
    return lang === 'zh' ? `${error.messages.zh} (${error.messages.en})` : error.messages.en;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return lang === 'zh' ? '文件不存在。(No such file.)' : 'No such file.';
  if (code === 'EACCES') return lang === 'zh' ? '没有读取权限。(Permission denied.)' : 'Permission denied.';
  return error instanceof Error ? error.message : String(error);
}

function usage(io: CommandIo, message: string): number {
  io.stderr(`plantrack ingest: ${message}\n`);
  return 2;
}
