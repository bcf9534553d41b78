import { App, Button, Grid, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type {
  BulkOwnersResult,
  Department,
  IndicatorOwners,
  OwnerSuggestion,
  Page,
  Task,
} from '@plantrack/api';
import { api } from '../../../api/client';
import type { ApiProblem } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../../i18n/i18n';
import { EditOwnersDialog, type EditedOwners } from './EditOwnersDialog';
import { OwnershipHistoryDrawer } from './OwnershipHistoryDrawer';
import { OwnershipToolbar } from './OwnershipToolbar';
import { ownershipMessages } from './ownership.messages';
import {
  type OwnershipFilters,
  type OwnershipRow,
  bulkBody,
  filterRows,
  ownershipRows,
  withCoLead,
  withLead,
} from './ownership-rows';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  allowed.find((a) => a === value) ?? null;

/**
 * The office console's ownership tab (`/office?tab=ownership`): every indicator and task of the
 * plan with its lead and co-lead departments, edited one by one or for the selected rows at once;
 * where an indicator has no owner, the suggested one with its reason, to accept or change (never
 * assigned unasked). Every change is one audited write (the bulk route); filters live in the URL.
 */
export function OwnershipPanel({ planId }: { planId: string }) {
  const t = useMessages(ownershipMessages);
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters: OwnershipFilters = {
    owner: pick(params.get('owner'), ['none', 'some'] as const),
    kind: pick(params.get('kind'), ['indicator', 'task'] as const),
    department: params.get('department'),
  };
  const owners = useApi<IndicatorOwners[]>(`/api/plans/${planId}/indicator-owners`);
  const tasks = useApi<Page<Task>>(`/api/plans/${planId}/tasks?pageSize=200`);
  const suggestions = useApi<OwnerSuggestion[]>(`/api/plans/${planId}/owner-suggestions`);
  const departments = useApi<Department[]>(`/api/departments?planId=${encodeURIComponent(planId)}`);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<OwnershipRow | null>(null);
  const [history, setHistory] = useState<OwnershipRow | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  // On a phone the owners go under the item's name, so the table keeps to the screen's width.
  const wide = Grid.useBreakpoint().md !== false;

  const rows = useMemo(
    () => ownershipRows(owners.data ?? [], tasks.data?.items ?? [], suggestions.data ?? []),
    [owners.data, tasks.data, suggestions.data],
  );
  const shown = filterRows(rows, filters);
  const acceptable = shown.filter((r) => r.suggestion?.suggestion.exists === true && r.leads.length === 0);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next);
  };

  /** One write for all the changes: every one is saved, or (stale, unknown) none is. */
  const save = async (changes: { row: OwnershipRow; owners: EditedOwners }[]): Promise<boolean> => {
    if (changes.length === 0) return true;
    setSaving(true);
    setProblem(undefined);
    try {
      const result = await api<BulkOwnersResult>(`/api/plans/${planId}/owners`, {
        method: 'PUT',
        json: bulkBody(changes),
      });
      void message.success(format(t.saved, { n: result.indicators + result.tasks }));
      setSelected([]);
      return true;
    } catch (failure) {
      setProblem(failure as ApiProblem);
      return false;
    } finally {
      setSaving(false);
      owners.reload();
      tasks.reload();
      suggestions.reload();
    }
  };

  const accept = (rowsToAccept: OwnershipRow[]) =>
    save(
      rowsToAccept.flatMap((row) => {
        const id = row.suggestion?.suggestion.departmentId;
        return id ? [{ row, owners: [{ department: id, role: 'lead' as const }] }] : [];
      }),
    );

  const bulk = (departmentId: string, role: 'lead' | 'co') => {
    const chosen = rows.filter((r) => selected.includes(r.key));
    const changes = chosen.flatMap((row) => {
      const next = role === 'lead' ? withLead(row, departmentId) : withCoLead(row, departmentId);
      return next === null ? [] : [{ row, owners: next }];
    });
    const skipped = chosen.length - changes.length;
    if (skipped > 0) void message.warning(format(t.noLeadForCo, { n: skipped }));
    void save(changes);
  };

  const names = (list: { departmentId: string; name: string }[]) =>
    list.length === 0 ? t.none : list.map((o) => <Tag key={o.departmentId}>{o.name}</Tag>);

  return (
    <>
      <ProblemAlert problem={owners.error ?? tasks.error ?? suggestions.error ?? departments.error} />
      <ProblemAlert problem={problem} />
      <OwnershipToolbar
        t={t}
        filters={filters}
        departments={departments.data ?? []}
        shownCount={shown.length}
        selectedCount={selected.length}
        acceptableCount={acceptable.length}
        saving={saving}
        onFilter={setFilter}
        onBulk={bulk}
        onAcceptAll={() => void accept(acceptable)}
      />
      <Table<OwnershipRow>
        rowKey="key"
        size="small"
        loading={owners.loading || tasks.loading}
        pagination={false}
        dataSource={shown}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => {
            setSelected(keys.map(String));
          },
          getCheckboxProps: (row) => ({ 'aria-label': row.label }),
        }}
        columns={[
          {
            title: t.item,
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text type="secondary">
                  {row.kind === 'indicator' ? t.kindIndicator : t.kindTask}
                </Typography.Text>
                <span>{row.label}</span>
                {!wide && (
                  <>
                    <span>
                      {format(t.labelled, { label: t.leads, value: '' })}
                      {names(row.leads)}
                    </span>
                    <span>
                      {format(t.labelled, { label: t.coLeads, value: '' })}
                      {names(row.coLeads)}
                    </span>
                  </>
                )}
              </Space>
            ),
          },
          ...(wide
            ? [
                { title: t.leads, render: (_: unknown, row: OwnershipRow) => names(row.leads) },
                { title: t.coLeads, render: (_: unknown, row: OwnershipRow) => names(row.coLeads) },
              ]
            : []),
          {
            title: t.suggestion,
            render: (_, row) => {
              const s = row.leads.length === 0 ? row.suggestion?.suggestion : undefined;
              if (s === undefined) return t.none;
              return (
                <Space orientation="vertical" size={2} style={{ maxWidth: 320 }}>
                  <Space wrap>
                    <Tag color={s.exists ? 'blue' : undefined}>{s.departmentName}</Tag>
                    {s.exists ? (
                      <Button size="small" type="primary" loading={saving} onClick={() => void accept([row])}>
                        {t.accept}
                      </Button>
                    ) : (
                      <Typography.Text strong>{t.mustCreate}</Typography.Text>
                    )}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {bilingual(s.reason)}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t.actions,
            render: (_, row) => (
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(row);
                  }}
                  aria-label={`${t.edit} ${row.label}`}
                >
                  {t.edit}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setHistory(row);
                  }}
                  aria-label={`${t.history} ${row.label}`}
                >
                  {t.history}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <EditOwnersDialog
          row={editing}
          departments={departments.data ?? []}
          t={t}
          saving={saving}
          onClose={() => {
            setEditing(null);
          }}
          onSave={(next) =>
            void save([{ row: editing, owners: next }]).then((ok) => {
              if (ok) setEditing(null);
            })
          }
        />
      )}
      {history && (
        <OwnershipHistoryDrawer
          row={history}
          t={t}
          onClose={() => {
            setHistory(null);
          }}
        />
      )}
    </>
  );
}
