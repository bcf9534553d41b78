import { Table, Tag } from 'antd';
import { useApi } from '../../api/use-api';
import { hasAnyRole, useUser } from '../../auth/auth';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import type { RecordRevision as AnyRevision } from '@plantrack/api';
import { entryMessages } from '../../records/entry.messages';
import { EvidenceAction, useEvidenceNotice } from '../../records/EvidenceAction';
import { EvidenceFileLine } from '../../records/EvidenceFileLine';
import { reviewMessages } from './review.messages';
import { type RecordElement, recordUrl } from '../../records/record-kinds';
import { shortTime } from '../../records/short-time';
import { actionLabel, revisionSummary, statusLabel } from './revision-text';

/**
 * Every revision of one record, oldest first: who did what, when, with which values, evidence
 * files (and their state) and reason. The planning office may redact a file from here.
 */
export default function HistoryPanel({ kind, recordKey }: { kind: RecordElement; recordKey: string }) {
  const t = useMessages(reviewMessages);
  const e = useMessages(entryMessages);
  const history = useApi<AnyRevision[]>(`${recordUrl(kind, recordKey)}/history`);
  const canRedact = hasAnyRole(useUser(), ['planning_office']);
  const { notice, announce } = useEvidenceNotice();
  if (history.data === undefined) {
    return history.error === undefined ? (
      <PageLoading />
    ) : (
      <ProblemAlert problem={history.error} onRetry={history.reload} />
    );
  }
  return (
    <>
      {notice}
      <Table<AnyRevision>
        aria-label={t.historyTable}
        size="small"
        rowKey="id"
        dataSource={history.data}
        pagination={false}
        locale={{ emptyText: t.historyEmpty }}
        columns={[
          { title: t.colRevision, dataIndex: 'revisionNo', width: 60 },
          {
            title: t.colAction,
            key: 'action',
            width: 110,
            render: (_, r) => (
              <>
                {actionLabel(t, r.action)}
                {r.selfReviewed ? <Tag color="orange">{t.selfReviewed}</Tag> : null}
              </>
            ),
          },
          { title: t.colStatus, key: 'status', width: 80, render: (_, r) => statusLabel(t, r.status) },
          { title: t.colAt, key: 'at', width: 140, render: (_, r) => shortTime(r.createdAt) },
          {
            title: t.colContent,
            key: 'content',
            render: (_, r) => (
              <>
                <div>{revisionSummary(r, t, e)}</div>
                {(r.evidenceFiles ?? []).map((f) => (
                  <div key={f.id}>
                    <EvidenceFileLine
                      file={f}
                      action={
                        canRedact && f.state !== 'redacted' ? (
                          <EvidenceAction
                            kind="redact"
                            file={f}
                            onDone={(file) => {
                              announce(file);
                              history.reload();
                            }}
                          />
                        ) : null
                      }
                    />
                  </div>
                ))}
              </>
            ),
          },
          { title: t.colReason, key: 'reason', render: (_, r) => r.reason ?? '' },
        ]}
      />
    </>
  );
}
