import type { BilingualMessage } from '@plantrack/core';
import { StorageError } from '../errors.js';

/** Why a backup or a restore was refused. */
export type BackupErrorCode =
  | 'backup-missing'
  | 'backup-exists'
  | 'backup-wrong-format'
  | 'backup-newer-format'
  | 'backup-truncated'
  | 'backup-corrupt'
  | 'backup-newer-schema'
  | 'backup-schema-mismatch'
  | 'target-not-empty'
  | 'target-newer-schema'
  | 'source-not-initialised'
  | 'evidence-missing'
  | 'evidence-damaged'
  | 'evidence-folder-unwritable'
  | 'restore-failed';

/**
 * A backup that cannot be written or read, or a database it cannot be restored into. Thrown before
 * anything is written or from inside the restore transaction, so a refused restore leaves nothing.
 */
export class BackupError extends StorageError {
  declare readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, messages: BilingualMessage, options?: { cause?: unknown }) {
    super(code, messages);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The backup file is damaged: a refusal that names the file and the reason. */
export function corruptBackup(file: string, detail: BilingualMessage, cause?: unknown): BackupError {
  return new BackupError(
    'backup-corrupt',
    {
      zh: `备份文件已损坏，无法恢复：${file}（${detail.zh}）`,
      en: `The backup file is corrupt and cannot be restored: ${file} (${detail.en})`,
    },
    { cause },
  );
}

/** The backup file ends early (an interrupted copy or download). */
export function truncatedBackup(file: string, cause?: unknown): BackupError {
  return new BackupError(
    'backup-truncated',
    {
      zh: `备份文件不完整（可能在复制或下载时被截断），无法恢复：${file}`,
      en: `The backup file is incomplete (probably cut short while copying or downloading): ${file}`,
    },
    { cause },
  );
}

/** The file is not a PlanTrack backup at all. */
export function wrongFormat(file: string, detail: BilingualMessage): BackupError {
  return new BackupError('backup-wrong-format', {
    zh: `不是 PlanTrack 备份文件：${file}（${detail.zh}）`,
    en: `Not a PlanTrack backup file: ${file} (${detail.en})`,
  });
}
