import { Drawer, Empty, Table } from 'antd';
import type { AuditEntry } from '@plantrack/api';
import { useApi } from '../../../api/use-api';
import { PageLoading } from '../../../components/PageLoading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format } from '../../../i18n/i18n';
import type { OwnershipText } from './ownership.messages';
import type { OwnershipRow } from './ownership-rows';

type OwnerDetail = { name?: string | null; departmentId: string; role: string };
type Detail = { before?: OwnerDetail[]; after?: OwnerDetail[] };

const ACTION: Record<OwnershipRow['kind'], string> = {
  indicator: 'indicator_owners.set',
  task: 'task.owners.set',
};

/** `区财政局（牵头）、区发改局（配合）`: departments by name, never by id. */
function ownersText(owners: OwnerDetail[] | undefined, t: OwnershipText): string {
  if (owners === undefined || owners.length === 0) return t.none;
  return owners
    .map((o) =>
      format(t.withRole, { name: o.name ?? o.departmentId, role: o.role === 'lead' ? t.roleLead : t.roleCo }),
    )
    .join(t.separator);
}

/** Who changed a row's owners, when, from what to what: the row's entries of the audit log. */
export function OwnershipHistoryDrawer({
  row,
  t,
  onClose,
}: {
  row: OwnershipRow;
  t: OwnershipText;
  onClose: () => void;
}) {
  const query = new URLSearchParams({ entityId: row.id, action: ACTION[row.kind], limit: '200' });
  const { data, error, reload } = useApi<AuditEntry[]>(`/api/audit?${query.toString()}`);
  return (
    <Drawer open title={format(t.historyTitle, { name: row.label })} size="large" onClose={onClose}>
      <ProblemAlert problem={error} onRetry={reload} />
      {data === undefined ? (
        error === undefined ? (
          <PageLoading />
        ) : null
      ) : data.length === 0 ? (
        <Empty description={t.historyEmpty} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data}
          columns={[
            { title: t.at, dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
            {
              title: t.actor,
              render: (_, e) =>
                e.actorDepartment === null
                  ? (e.actorName ?? e.actor)
                  : format(t.withRole, { name: e.actorName ?? e.actor, role: e.actorDepartment }),
            },
            { title: t.before, render: (_, e) => ownersText((e.detail as Detail).before, t) },
            { title: t.after, render: (_, e) => ownersText((e.detail as Detail).after, t) },
          ]}
        />
      )}
    </Drawer>
  );
}
