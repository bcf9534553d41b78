import { type DatabaseHandle, openDatabase, restoreBackup } from '@plantrack/db';
import { bilingual } from './backup.command.js';
import { type CommandIo, processIo } from './ingest.command.js';

type RestoreCliOptions = { dataDir: string };

/**
 * `plantrack restore FILE`: loads a backup into an empty database (PostgreSQL when DATABASE_URL is
 * set, else the SQLite file in the data folder, created if missing). Nothing is written when the
 * file is damaged or the database already holds data. Exit 1 on refusal.
 */
export async function runRestore(
  file: string,
  options: RestoreCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase({
      url: env.DATABASE_URL || undefined,
      dataDir: env.PLANTRACK_DATA_DIR ?? options.dataDir,
    });
    const summary = await restoreBackup(handle.db, file);
    io.stdout(
      `已恢复 / restored: ${summary.file} → ${handle.location}\n` +
        `  ${summary.tables.length} 张表 / tables, ${summary.rows} 行 / rows（${summary.sourceDialect} → ${summary.dialect}）\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`plantrack restore: ${bilingual(error)}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}
