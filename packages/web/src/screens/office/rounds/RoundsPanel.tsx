import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Round, RoundList } from '@plantrack/api';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { useServerCall } from '../../../api/use-server-call';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { shortTime } from '../../../records/short-time';
import { OpenRoundForm } from './OpenRoundForm';
import { RoundProgressTable } from './RoundProgressTable';
import { roundsMessages } from './rounds.messages';

/**
 * The office console's rounds tab (`/office?tab=rounds&round=…`): the plan's rounds, a form to open
 * one, the chosen round's per-department progress, and closing a round after a confirmation.
 */
export function RoundsPanel({ planId }: { planId: string }) {
  const t = useMessages(roundsMessages);
  const [params, setParams] = useSearchParams();
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { problem, run } = useServerCall();
  const [version, setVersion] = useState(0);
  const plan = encodeURIComponent(planId);
  const rounds = useApi<RoundList>(`/api/plans/${plan}/rounds`);
  const list = rounds.data?.items ?? [];
  const chosenId = params.get('round') ?? list[0]?.id ?? null;
  const chosen = list.find((r) => r.id === chosenId) ?? null;

  const choose = (id: string) => {
    setParams({ tab: 'rounds', round: id });
  };
  const close = async (round: Round) => {
    await run(async () => {
      await api<Round>(`/api/plans/${plan}/rounds/${encodeURIComponent(round.id)}/close`, { method: 'POST' });
      setNotice(format(t.closed, { name: round.name }));
      rounds.reload();
      setVersion((v) => v + 1);
    });
  };

  return (
    <section aria-labelledby="rounds-heading">
      <Typography.Title level={2} id="rounds-heading" style={{ fontSize: 18 }}>
        {t.heading}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {notice === null ? null : (
        <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 12 }} />
      )}
      <ProblemAlert problem={problem ?? rounds.error} onRetry={rounds.reload} />
      {formOpen ? (
        <OpenRoundForm
          t={t}
          planId={planId}
          onCancel={() => {
            setFormOpen(false);
          }}
          onOpened={(round) => {
            setFormOpen(false);
            setNotice(format(t.opened, { name: round.name }));
            rounds.reload();
            choose(round.id);
          }}
        />
      ) : (
        <Button
          type="primary"
          onClick={() => {
            setNotice(null);
            setFormOpen(true);
          }}
          style={{ marginBottom: 12 }}
        >
          {t.openNew}
        </Button>
      )}
      <Table<Round>
        size="small"
        rowKey="id"
        dataSource={list}
        loading={rounds.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label={t.heading}
        locale={{ emptyText: t.empty }}
        rowClassName={(r) => (r.id === chosenId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t.colName, dataIndex: 'name' },
          { title: t.colPeriod, dataIndex: 'period' },
          { title: t.colDue, dataIndex: 'dueDate' },
          {
            title: t.colStatus,
            key: 'status',
            render: (_, r) =>
              r.status === 'open' ? <Tag color="#1565c0">{t.statusOpen}</Tag> : <Tag>{t.statusClosed}</Tag>,
          },
          { title: t.colItems, dataIndex: 'itemCount', align: 'right' },
          {
            title: t.colOpened,
            key: 'opened',
            render: (_, r) => format(t.byWhom, { name: r.openedBy, at: shortTime(r.openedAt) }),
          },
          {
            title: t.colClosed,
            key: 'closed',
            render: (_, r) =>
              r.closedAt === null
                ? '—'
                : format(t.byWhom, { name: r.closedBy ?? '', at: shortTime(r.closedAt) }),
          },
          {
            title: t.colAction,
            key: 'action',
            render: (_, r) => (
              <Space wrap>
                <Button
                  size="small"
                  aria-label={format(t.viewRound, { name: r.name })}
                  onClick={() => {
                    choose(r.id);
                  }}
                >
                  {t.view}
                </Button>
                {r.status === 'open' ? (
                  <Popconfirm
                    title={format(t.closeConfirm, { name: r.name })}
                    okText={t.closeOk}
                    cancelText={t.cancel}
                    onConfirm={() => void close(r)}
                  >
                    <Button size="small" danger aria-label={format(t.closeRound, { name: r.name })}>
                      {t.close}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {chosen === null ? null : (
        <RoundProgressTable t={t} planId={planId} roundId={chosen.id} version={version} />
      )}
    </section>
  );
}
