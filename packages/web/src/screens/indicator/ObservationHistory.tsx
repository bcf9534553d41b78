import { Button, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { personLabel } from '../../records/person-label';
import { indicatorMessages } from './indicator.messages';
import type { IndicatorDetail, ObservationRevision } from '@plantrack/api';

/**
 * Every observation of the indicator (its latest revision) and, on request, all its revisions —
 * loaded one observation at a time so the page itself stays at two requests.
 */
export function ObservationHistory({ detail, unit }: { detail: IndicatorDetail; unit: string | null }) {
  const t = useMessages(indicatorMessages);
  const [open, setOpen] = useState<string | null>(null);
  if (detail.latest === null) return <Typography.Text type="secondary">{t.historyHidden}</Typography.Text>;
  if (detail.latest.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.historyEmpty} />;
  return (
    <Table<ObservationRevision>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={detail.latest}
      expandable={{
        expandedRowKeys: open === null ? [] : [open],
        showExpandColumn: false,
        expandedRowRender: (r) => <RevisionTable revisionKey={r.key} period={r.period} unit={unit} />,
      }}
      columns={[
        { title: t.period, dataIndex: 'period' },
        { title: t.scope, dataIndex: 'scope', render: (s: string) => s || '—' },
        { title: t.value, render: (_, r) => valueText(r, unit, t.estimated) },
        { title: t.status, render: (_, r) => <Tag>{t[`status_${r.status}`]}</Tag> },
        { title: t.revision, dataIndex: 'revisionNo' },
        {
          title: t.historyTitle,
          render: (_, r) => (
            <Button
              size="small"
              aria-expanded={open === r.key}
              onClick={() => {
                setOpen(open === r.key ? null : r.key);
              }}
            >
              {format(t.historyButton, { period: r.period })}
            </Button>
          ),
        },
      ]}
    />
  );
}

function valueText(r: ObservationRevision, unit: string | null, estimated: string): string {
  const v = r.values.value === null ? (r.values.valueText ?? '—') : `${r.values.value}${unit ?? ''}`;
  return r.values.estimated ? `${v}（${estimated}）` : v;
}

function RevisionTable({
  revisionKey,
  period,
  unit,
}: {
  revisionKey: string;
  period: string;
  unit: string | null;
}) {
  const t = useMessages(indicatorMessages);
  const { data, error, reload } = useApi<ObservationRevision[]>(
    `/api/observations/${encodeURIComponent(revisionKey)}/history`,
  );
  if (error !== undefined) return <ProblemAlert problem={error} onRetry={reload} />;
  if (data === undefined) return <PageLoading />;
  return (
    <Table<ObservationRevision>
      size="small"
      rowKey="id"
      pagination={false}
      caption={format(t.historyCaption, { period })}
      dataSource={data}
      columns={[
        { title: t.revision, dataIndex: 'revisionNo' },
        { title: t.action, render: (_, r) => t[`action_${r.action}`] },
        { title: t.value, render: (_, r) => valueText(r, unit, t.estimated) },
        { title: t.source, render: (_, r) => r.values.source ?? '—' },
        { title: t.reason, render: (_, r) => r.reason ?? r.values.comment ?? '—' },
        {
          title: t.by,
          render: (_, r) => personLabel(r.createdByName ?? r.createdBy, r.createdByDepartment ?? null),
        },
        { title: t.at, render: (_, r) => r.createdAt.replace('T', ' ').slice(0, 16) },
      ]}
    />
  );
}
