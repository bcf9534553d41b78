import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DatabaseHandle, SQLITE_FILE_NAME, openDatabase, writeBackup } from '@plantrack/db';
import { type CommandIo, processIo } from './ingest.command.js';

type BackupCliOptions = { out: string; dataDir: string };

/**
 * `plantrack backup --out FILE`: writes a portable backup of the whole store (PostgreSQL when
 * DATABASE_URL is set, else the SQLite file in the data folder, as `serve` uses). Exit 1 when the
 * database or the file cannot be used.
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
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase({ url: databaseUrl, dataDir });
    const summary = await writeBackup(handle.db, options.out);
    io.stdout(
      `已备份 / backed up: ${handle.location}\n` +
        `  ${summary.tables.length} 张表 / tables, ${summary.rows} 行 / rows, ${summary.bytes} 字节 / bytes → ${summary.file}\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`plantrack backup: ${bilingual(error)}\n`);
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
