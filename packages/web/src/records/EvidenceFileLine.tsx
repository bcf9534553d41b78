import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useUser } from '../auth/auth';
import { format, useMessages } from '../i18n/i18n';
import { shortTime } from './short-time';
import { evidenceMessages } from './evidence.messages';
import type { EvidenceFile } from '@plantrack/api';

/** `532 B`, `12.5 KB`, `3.1 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One evidence file as everyone who may see it is shown it: a download link (never for a
 * redacted file, whose bytes are gone), its size, and for a file that left the record its state
 * with who, when and (redaction) why. `action` holds the buttons the caller may offer.
 */
export function EvidenceFileLine({ file, action }: { file: EvidenceFile; action?: ReactNode }) {
  const t = useMessages(evidenceMessages);
  const user = useUser();
  const who = (by: string | null, otherwise: string) =>
    by !== null && user !== null && by === user.id ? t.byYou : otherwise;
  let note: string | null = null;
  if (file.state === 'redacted') {
    note = format(t.redactedNote, {
      who: who(file.redactedBy, t.byOffice),
      at: shortTime(file.redactedAt ?? ''),
      reason: file.redactionReason ?? '—',
    });
  } else if (file.state === 'withdrawn') {
    note = format(t.withdrawnNote, {
      who: who(file.withdrawnBy, t.byDepartment),
      at: shortTime(file.withdrawnAt ?? ''),
    });
  }
  return (
    <Space wrap size={[8, 0]} data-evidence-state={file.state}>
      <PaperClipOutlined aria-hidden />
      {file.state === 'redacted' ? (
        <Typography.Text delete>{file.fileName}</Typography.Text>
      ) : (
        <a href={`/api/evidence/${encodeURIComponent(file.id)}`} download={file.fileName}>
          {file.fileName}
        </a>
      )}
      <Typography.Text type="secondary">{fileSize(file.sizeBytes)}</Typography.Text>
      {file.state === 'active' ? null : (
        <Tag>{file.state === 'redacted' ? t.stateRedacted : t.stateWithdrawn}</Tag>
      )}
      {action}
      {note === null ? null : <Typography.Text type="secondary">{note}</Typography.Text>}
    </Space>
  );
}
