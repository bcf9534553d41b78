import { Drawer, Empty, Table } from 'antd';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { Indicator, IndicatorEdits } from '@plantrack/api';

const FIELD_LABELS = (t: CurationText): Record<string, string> => ({
  name: t.fieldName,
  group_name: t.fieldGroupName,
  unit: t.unit,
  attribute: t.attribute,
  direction: t.direction,
  target_text: t.fieldTargetText,
  scope: t.scope,
});

const show = (value: unknown, none: string): string =>
  value === null || value === undefined || value === ''
    ? none
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** Who changed which field of an indicator, when, from what to what, and why. */
export function EditHistoryDrawer({
  indicator,
  t,
  onClose,
}: {
  indicator: Indicator;
  t: CurationText;
  onClose: () => void;
}) {
  const { data, error, reload } = useApi<IndicatorEdits>(`/api/indicators/${indicator.id}/edits`);
  const labels = FIELD_LABELS(t);
  return (
    <Drawer open title={format(t.historyTitle, { name: indicator.name })} size="large" onClose={onClose}>
      <ProblemAlert problem={error} onRetry={reload} />
      {data === undefined ? (
        error === undefined ? (
          <PageLoading />
        ) : null
      ) : data.edits.length === 0 ? (
        <Empty description={t.historyEmpty} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.edits}
          columns={[
            { title: t.at, dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
            { title: t.actor, render: (_, e) => e.actorName ?? e.actor },
            { title: t.versionCol, dataIndex: 'versionNo' },
            { title: t.field, dataIndex: 'field', render: (f: string) => labels[f] ?? f },
            { title: t.before, render: (_, e) => show(e.before, t.none) },
            { title: t.after, render: (_, e) => show(e.after, t.none) },
            { title: t.reason, dataIndex: 'reason', render: (r: string | null) => r ?? t.none },
          ]}
        />
      )}
    </Drawer>
  );
}
