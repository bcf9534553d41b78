import { App, Button, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import type { Page, Indicator } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { hasAnyRole, useUser } from '../../auth/auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import { EditHistoryDrawer } from './EditHistoryDrawer';
import { EditIndicatorDialog } from './EditIndicatorDialog';
import { describeTarget } from './target-text';
import { dataLabel, dataLabelMessages } from '../../records/data-labels.messages';

/** Every indicator of the newest version with its parsed target, to check, correct and publish. */
export function IndicatorsPanel({ planId, t }: { planId: string; t: CurationText }) {
  const { data, error, loading, reload } = useApi<Page<Indicator>>(
    `/api/plans/${planId}/indicators?pageSize=200`,
  );
  const user = useUser();
  const { message } = App.useApp();
  const pick = useBilingual();
  const labels = useMessages(dataLabelMessages);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [history, setHistory] = useState<Indicator | null>(null);
  const [publishing, setPublishing] = useState<string | null>(null);
  const mayPublish = hasAnyRole(user, ['planning_office']);
  const none = (v: string | null) => v ?? t.none;

  const publish = async (indicator: Indicator, published: boolean) => {
    setPublishing(indicator.id);
    try {
      await api(`/api/indicators/${indicator.id}/publish`, { method: 'PATCH', json: { published } });
      void message.success(t.publishedOk);
      reload();
    } catch (failure) {
      if (failure instanceof ApiProblem) void message.error(pick(failure.messages));
    } finally {
      setPublishing(null);
    }
  };

  return (
    <>
      <ProblemAlert problem={error} onRetry={reload} />
      <Table<Indicator>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t.seq, dataIndex: 'seq', width: 60 },
          { title: t.name, dataIndex: 'name', width: 220 },
          { title: t.group, dataIndex: 'group', render: none, width: 130 },
          { title: t.target, render: (_, i) => i.target.text, width: 140 },
          {
            title: t.parsed,
            width: 150,
            render: (_, i) =>
              i.target.parsed === false ? (
                <Tag color="red">{t.unparsed}</Tag>
              ) : (
                describeTarget(i.target, labels)
              ),
          },
          { title: t.unit, dataIndex: 'unit', render: none, width: 90 },
          {
            title: t.attribute,
            dataIndex: 'attribute',
            render: (a: string | null) => dataLabel(labels, a),
            width: 100,
          },
          { title: t.scope, dataIndex: 'scope', render: none, width: 120 },
          {
            title: t.direction,
            dataIndex: 'direction',
            width: 100,
            render: (d: string | null) => (d === 'higher' ? t.higher : d === 'lower' ? t.lower : t.none),
          },
          {
            title: t.published,
            width: 70,
            render: (_, i) => (
              <Tooltip title={mayPublish ? undefined : t.publishOnlyOffice}>
                <Switch
                  size="small"
                  aria-label={format(t.publishLabel, { name: i.name })}
                  checked={i.published}
                  disabled={!mayPublish}
                  loading={publishing === i.id}
                  onChange={(on) => void publish(i, on)}
                />
              </Tooltip>
            ),
          },
          {
            title: t.actions,
            width: 150,
            fixed: 'right',
            render: (_, i) => (
              <Space size="small">
                <Button
                  size="small"
                  aria-label={format(t.editLabel, { name: i.name })}
                  onClick={() => {
                    setEditing(i);
                  }}
                >
                  {t.edit}
                </Button>
                <Button
                  size="small"
                  type="link"
                  aria-label={format(t.historyLabel, { name: i.name })}
                  onClick={() => {
                    setHistory(i);
                  }}
                >
                  {t.history}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing === null ? null : (
        <EditIndicatorDialog
          indicator={editing}
          t={t}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
      {history === null ? null : (
        <EditHistoryDrawer
          indicator={history}
          t={t}
          onClose={() => {
            setHistory(null);
          }}
        />
      )}
    </>
  );
}
