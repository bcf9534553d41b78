import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DatabaseHandle, SQLITE_FILE_NAME, openDatabase, writeBackup } from '@plantrack/db';
import { type CommandIo, processIo } from './ingest.command.js';

type BackupCliOptions = {
  out: string;
  dataDir: string;
  /** Default `<data dir>/evidence`, where `plantrack serve` keeps them (with PostgreSQL too). */
  evidenceDir?: string | undefined;
  allowMissingEvidence?: boolean | undefined;
};

/**
 * `plantrack backup --out FILE`: writes a portable backup of the whole store (PostgreSQL when
 * DATABASE_URL is set, else the SQLite file in the data folder, as `serve` uses) with every
 * evidence file. Exit 1 when the database, an evidence file or the output cannot be used; a
 * missing evidence file stops the backup unless `--allow-missing-evidence` is given, so that a
 * scheduled backup that lacks files fails where its exit status is watched.
 */
export async function runBackup(
  options: BackupCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = env.PLANTRACK_DATA_DIR ?? options.dataDir;
  const sqliteFile = join(resolve(dataDir), SQLITE_FILE_NAME);
  if (databaseUrl === undefined && !existsSync(sqliteFile)) {
    io.stderr(`plantrack backup: 没有找到数据库：${sqliteFile}\nNo database found at ${sqliteFile}\n`);
    return 1;
  }
  const evidenceDir = resolve(options.evidenceDir ?? join(dataDir, 'evidence'));
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase({ url: databaseUrl, dataDir });
    const summary = await writeBackup(handle.db, options.out, {
      evidence: { dir: evidenceDir, allowMissing: options.allowMissingEvidence === true },
    });
    const { evidence } = summary;
    io.stdout(
      `已备份 / backed up: ${handle.location}\n` +
        `  ${summary.tables.length} 张表 / tables, ${summary.rows} 行 / rows, ` +
        `${evidence.files} 个佐证材料文件 / evidence files (${evidence.bytes} 字节 / bytes), ` +
        `${summary.bytes} 字节 / bytes → ${summary.file}\n`,
    );
    if (evidence.missing.length > 0) {
      io.stderr(
        `plantrack backup: 警告：${evidence.missing.length} 个佐证材料文件缺失，备份中只记下了它们的名字：\n` +
          `Warning: ${evidence.missing.length} evidence files are missing; the backup only records their names:\n` +
          evidence.missing.map((m) => `  ${m.path}（${m.name}）\n`).join(''),
      );
    }
    return 0;
  } catch (error) {
    io.stderr(`plantrack backup: ${bilingual(error)}\n`);
    if (codeOf(error) === 'evidence-missing') {
      io.stderr(
        '若确认这些文件已无法找回，可加 --allow-missing-evidence 仍写出备份（文件缺失会记录在备份中）。\n' +
          'If these files cannot be recovered, --allow-missing-evidence writes the backup anyway (recording them as missing).\n',
      );
    }
    return 1;
  } finally {
    await handle?.close();
  }
}

/** A storage error's Chinese and English message on two lines; other errors as they are. */
export function bilingual(error: unknown): string {
  const messages = (error as { messages?: { zh?: unknown; en?: unknown } } | null)?.messages;
  if (typeof messages?.zh === 'string' && typeof messages.en === 'string')
    return `${messages.zh}\n${messages.en}`;
  return error instanceof Error ? error.message : String(error);
}

/** The `code` of a storage error, if any. */
export function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
