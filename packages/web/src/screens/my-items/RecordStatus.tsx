import { Alert, Button, Space } from 'antd';
import type { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual } from '../../i18n/i18n';
import type { RecordRevision as AnyRevision } from '@plantrack/api';
import type { EntryText } from '../../records/entry.messages';
import { QualityFlags } from '../../records/QualityFlags';

/** Where the record stands; a return is highlighted with the reviewer's reason. */
export function RecordStatus({ t, current }: { t: EntryText; current: AnyRevision | null }) {
  if (current === null) return null;
  switch (current.status) {
    case 'returned':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.statusReturned}
          description={
            <>
              <div style={{ fontWeight: 600 }}>
                {format(t.returnedReason, { reason: current.reason ?? '' })}
              </div>
              <div>{format(t.returnedAt, { at: current.createdAt.slice(0, 16).replace('T', ' ') })}</div>
            </>
          }
        />
      );
    case 'submitted':
      return <Alert type="info" showIcon title={t.statusSubmitted} />;
    case 'approved':
      return <Alert type="success" showIcon title={t.statusApproved} />;
    case 'draft':
      return <Alert type="info" showIcon title={format(t.statusDraft, { n: current.revisionNo })} />;
  }
}

/** The outcome of the last write: saved/submitted with any quality flags, or why it failed. */
export function WriteFeedback({
  t,
  written,
  problem,
  stale,
  onReload,
}: {
  t: EntryText;
  written: AnyRevision | null;
  problem: ApiProblem | undefined;
  stale: boolean;
  onReload: () => void;
}) {
  const pick = useBilingual();
  if (stale) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t.staleTitle}
        description={
          <Space orientation="vertical">
            {problem === undefined ? null : <span>{pick(problem.messages)}</span>}
            <span>{t.staleText}</span>
            <Button onClick={onReload}>{t.reload}</Button>
          </Space>
        }
      />
    );
  }
  if (problem !== undefined) return <ProblemAlert problem={problem} />;
  if (written === null) return null;
  const flags = 'qualityFlags' in written ? (written.qualityFlags ?? []) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        role="status"
        title={format(written.status === 'draft' ? t.savedDraft : t.submitted, { n: written.revisionNo })}
      />
      <QualityFlags flags={flags} title={t.qualityTitle} intro={t.qualityIntro} />
    </Space>
  );
}
