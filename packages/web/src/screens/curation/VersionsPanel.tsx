import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { VersionSummary } from '@plantrack/api';
import { VersionDiffView } from './VersionDiffView';

/** The ingested versions; a new version's differences are reviewed and confirmed here. */
export function VersionsPanel({ planId, t }: { planId: string; t: CurationText }) {
  const { data, error, loading, reload } = useApi<VersionSummary[]>(`/api/plans/${planId}/versions`);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { message } = App.useApp();
  const pick = useBilingual();
  const versions = [...(data ?? [])].reverse();

  const confirm = async (v: VersionSummary) => {
    setConfirming(v.id);
    try {
      await api(`/api/plans/${planId}/versions/${v.id}/confirm`, { method: 'POST' });
      void message.success(format(t.confirmOk, { v: v.versionNo }));
      reload();
    } catch (failure) {
      if (failure instanceof ApiProblem) void message.error(pick(failure.messages));
    } finally {
      setConfirming(null);
    }
  };

  return (
    <>
      <ProblemAlert problem={error} onRetry={reload} />
      <Table<VersionSummary>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={versions}
        expandable={{
          expandedRowRender: (v) => <VersionDiffView planId={planId} versionId={v.id} t={t} />,
          defaultExpandedRowKeys: versions
            .filter((v) => v.confirmedAt === null)
            .slice(0, 1)
            .map((v) => v.id),
        }}
        columns={[
          { title: t.versionNo, dataIndex: 'versionNo', width: 70 },
          { title: t.fileName, dataIndex: 'fileName', render: (f: string | null) => f ?? t.none },
          {
            title: t.createdAt,
            dataIndex: 'createdAt',
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            title: t.changes,
            render: (_, v) =>
              format(t.changesText, {
                ia: v.changes.indicatorsAdded,
                ir: v.changes.indicatorsRemoved,
                ic: v.changes.indicatorsChanged,
                ta: v.changes.tasksAdded,
                tr: v.changes.tasksRemoved,
                tc: v.changes.tasksChanged,
              }),
          },
          {
            title: t.actions,
            render: (_, v) =>
              v.confirmedAt !== null ? (
                <Tag color="green">
                  {t.confirmed} {new Date(v.confirmedAt).toLocaleDateString()}
                </Tag>
              ) : (
                <Space>
                  <Tag color="orange">{t.unconfirmed}</Tag>
                  <Popconfirm
                    title={format(t.confirmTitle, { v: v.versionNo })}
                    okText={t.confirm}
                    cancelText={t.cancel}
                    onConfirm={() => void confirm(v)}
                  >
                    <Button size="small" type="primary" loading={confirming === v.id}>
                      {t.confirm}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
