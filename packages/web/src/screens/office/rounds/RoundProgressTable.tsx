import { Table, Tag, Typography } from 'antd';
import type { RoundProgress } from '@plantrack/api';
import { useApi } from '../../../api/use-api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format } from '../../../i18n/i18n';
import type { RoundsText } from './rounds.messages';

type Row = RoundProgress['departments'][number];
const COUNTS = ['approved', 'submitted', 'returned', 'missing'] as const;
const COLORS: Record<(typeof COUNTS)[number], string> = {
  approved: '#1b5e20',
  submitted: '#1565c0',
  returned: '#b71c1c',
  missing: '#b45309',
};

/**
 * A round's progress, one row per department (已审核 / 待审核 / 已退回 / 未报告) and a total; the
 * items not yet reported are listed under each department. `version` refetches after a change.
 */
export function RoundProgressTable({
  t,
  planId,
  roundId,
  version,
}: {
  t: RoundsText;
  planId: string;
  roundId: string;
  version: number;
}) {
  const progress = useApi<RoundProgress>(
    `/api/plans/${encodeURIComponent(planId)}/rounds/${encodeURIComponent(roundId)}/progress?v=${version}`,
  );
  const data = progress.data;
  if (data === undefined) return <ProblemAlert problem={progress.error} onRetry={progress.reload} />;
  const headingId = `round-progress-${roundId}`;
  return (
    <section aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <Typography.Title level={2} id={headingId} style={{ fontSize: 16 }}>
        {format(t.progressTitle, { name: data.round.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {format(t.progressAsOf, {
          date: data.asOf,
          due: data.round.dueDate,
          days: data.round.reminderDays,
          semantics: t[`sem_${data.round.semantics}`],
        })}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey={(r) => r.departmentId ?? '-'}
        dataSource={data.departments}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t.noProgress }}
        aria-label={format(t.progressTitle, { name: data.round.name })}
        columns={[
          { title: t.colDepartment, key: 'name', render: (_, r) => r.name ?? t.noOwner },
          ...COUNTS.map((c) => ({
            title: t[c],
            key: c,
            align: 'right' as const,
            render: (_: unknown, r: Row) => r.counts[c],
          })),
        ]}
        expandable={{
          rowExpandable: (r) => r.counts.missing + r.counts.returned > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t.missingItems}>
              {r.items
                .filter((i) => i.state !== 'approved' && i.state !== 'submitted')
                .map((i) => (
                  <li key={`${i.kind}|${i.id}`}>
                    {i.name}{' '}
                    <Tag color={COLORS[i.state === 'returned' ? 'returned' : 'missing']}>
                      {t[i.state === 'returned' ? 'returned' : 'missing']}
                    </Tag>
                  </li>
                ))}
            </ul>
          ),
        }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>
              <Typography.Text strong>{t.total}</Typography.Text>
            </Table.Summary.Cell>
            {COUNTS.map((c, n) => (
              <Table.Summary.Cell key={c} index={n + 2} align="right">
                <Typography.Text strong>{data.totals[c]}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </section>
  );
}
