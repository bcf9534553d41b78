import { Table, Tag } from 'antd';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { entryMessages } from '../my-items/entry.messages';
import type { AnyRevision } from '../my-items/my-items.types';
import { reviewMessages } from './review.messages';
import { recordUrl } from './review.types';
import { actionLabel, revisionSummary, shortTime, statusLabel } from './revision-text';

/** Every revision of one record, oldest first: who did what, when, with which values and reason. */
export default function HistoryPanel({ kind, recordKey }: { kind: 'indicator' | 'task'; recordKey: string }) {
  const t = useMessages(reviewMessages);
  const e = useMessages(entryMessages);
  const history = useApi<AnyRevision[]>(`${recordUrl(kind, recordKey)}/history`);
  if (history.data === undefined) {
    return history.error === undefined ? (
      <PageLoading />
    ) : (
      <ProblemAlert problem={history.error} onRetry={history.reload} />
    );
  }
  return (
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
              {r.selfReviewed === true ? <Tag color="orange">{t.selfReviewed}</Tag> : null}
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
                  <a href={`/api/evidence/${encodeURIComponent(f.id)}`} download={f.fileName}>
                    {f.fileName}
                  </a>
                </div>
              ))}
            </>
          ),
        },
        { title: t.colReason, key: 'reason', render: (_, r) => r.reason ?? '' },
      ]}
    />
  );
}
