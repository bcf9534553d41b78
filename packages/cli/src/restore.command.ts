import { join, resolve } from 'node:path';
import { type DatabaseHandle, openDatabase, restoreBackup } from '@plantrack/db';
import { bilingual, codeOf } from './backup.command.js';
import { type CommandIo, processIo } from './ingest.command.js';

type RestoreCliOptions = {
  dataDir: string;
  /** Default `<data dir>/evidence`, where `plantrack serve` looks for them (with PostgreSQL too). */
  evidenceDir?: string | undefined;
  allowMissingEvidence?: boolean | undefined;
};

/**
 * `plantrack restore FILE`: loads a backup into an empty database (PostgreSQL when DATABASE_URL is
 * set, else the SQLite file in the data folder, created if missing) and its evidence files into
 * the evidence folder. Every file is checked against its checksum first; nothing is written when
 * the backup is damaged, a file does not match, a file is missing (unless
 * `--allow-missing-evidence`) or the database already holds data. Exit 1 on refusal.
 */
export async function runRestore(
  file: string,
  options: RestoreCliOptions,
  io: CommandIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const dataDir = env.PLANTRACK_DATA_DIR ?? options.dataDir;
  const evidenceDir = resolve(options.evidenceDir ?? join(dataDir, 'evidence'));
  let handle: DatabaseHandle | undefined;
  try {
    handle = openDatabase({ url: env.DATABASE_URL || undefined, dataDir });
    const summary = await restoreBackup(handle.db, file, {
      evidenceDir,
      allowMissingEvidence: options.allowMissingEvidence === true,
    });
    const { evidence } = summary;
    io.stdout(
      `已恢复 / restored: ${summary.file} → ${handle.location}\n` +
        `  ${summary.tables.length} 张表 / tables, ${summary.rows} 行 / rows（${summary.sourceDialect} → ${summary.dialect}）\n` +
        `  ${evidence.files} 个佐证材料文件已校验并写入 / evidence files checked and written (${evidence.bytes} 字节 / bytes) → ${evidenceDir}\n`,
    );
    if (!evidence.carried) {
      io.stdout(
        '  此备份为旧格式（版本 1），不含文件；佐证材料文件已在目标目录中核对。\n' +
          '  This backup is in the old format (version 1) without files; the evidence folder was checked instead.\n',
      );
    }
    if (evidence.missing.length > 0) {
      io.stderr(
        `plantrack restore: 警告：${evidence.missing.length} 个佐证材料文件缺失，下载它们会得到“文件内容已不在存储目录中”：\n` +
          `Warning: ${evidence.missing.length} evidence files are missing; downloading them answers "content missing":\n` +
          evidence.missing.map((m) => `  ${m.path}\n`).join(''),
      );
    }
    return 0;
  } catch (error) {
    io.stderr(`plantrack restore: ${bilingual(error)}\n`);
    if (codeOf(error) === 'evidence-missing') {
      io.stderr(
        '若确认这些文件已无法找回，可加 --allow-missing-evidence 只恢复数据行。\n' +
          'If these files cannot be recovered, --allow-missing-evidence restores the rows without them.\n',
      );
    }
    return 1;
  } finally {
    await handle?.close();
  }
}
