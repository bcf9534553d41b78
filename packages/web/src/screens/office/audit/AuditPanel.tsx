import { Button, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '@plantrack/api';
import { query } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useLang, useMessages } from '../../../i18n/i18n';
import { useFocusableScroll } from '../focusable-scroll';
import { apiQueryOf, filterFromParams, paramsOfFilter } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { auditEntityLabels, auditMessages, auditVerbLabels } from './audit.messages';
import { useAuditNames } from './use-audit-names';
import { actorLabel } from './actor-label';

const PAGE_SIZE = 50;

/**
 * The office console's audit log tab (`/office?tab=audit`): who changed what and when, newest
 * first, people, departments and records by name. The filters live in the URL; the pages go back
 * in time by cursor (the log only grows, so page numbers would shift under the reader). The export
 * is written by the server under the same filters, every page of them.
 */
export function AuditPanel({ planId }: { planId: string | null }) {
  const t = useMessages(auditMessages);
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  // The filters as last changed: two fields changed before the page re-renders from the URL (a
  // date typed into 起始日期, then 截止日期) both count, instead of the second undoing the first.
  const latest = useRef(filter);
  useEffect(() => {
    latest.current = filter;
  });
  const names = useAuditNames(planId);
  const apiQuery = apiQueryOf(filter);
  const filterKey = JSON.stringify(apiQuery);
  // Cursors of the pages before the one shown; reset whenever the selection changes.
  const [cursors, setCursors] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] });
  const stack = cursors.key === filterKey ? cursors.stack : [];
  const before = stack[stack.length - 1];
  const rows = useApi<AuditEntry[]>(
    `/api/audit${query({ ...apiQuery, beforeId: before, limit: PAGE_SIZE })}`,
  );
  const exportQuery = query(apiQuery);
  const tableBox = useRef<HTMLDivElement>(null);
  useFocusableScroll(tableBox, t.tableLabel, rows.data);

  const mergedNames = namesOfMerged(rows.data ?? []);
  const person = (e: AuditEntry): string => actorLabel(t, { id: e.actor, name: e.actorName });
  const action = (e: AuditEntry): string => {
    const verb = e.action.split('.').pop() ?? e.action;
    return auditVerbLabels[verb]?.[lang] ?? e.action;
  };
  const record = (e: AuditEntry): string => {
    // The action names what was changed more closely than the entity (thresholds are stored on the plan).
    const kind =
      auditEntityLabels[e.action.split('.')[0] ?? '']?.[lang] ??
      auditEntityLabels[e.entity]?.[lang] ??
      e.entity;
    return `${kind}${t.colon}${names.recordName(e.entity, e.entityId) ?? mergedNames.get(e.entityId) ?? e.entityId}`;
  };
  const at = (iso: string): string =>
    new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });

  return (
    <section aria-label={t.tableLabel}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <AuditFilters
        t={t}
        lang={lang}
        names={names}
        filter={filter}
        onChange={(patch) => {
          latest.current = { ...latest.current, ...patch };
          setParams(paramsOfFilter(latest.current));
        }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button href={`/api/audit/export.xlsx${exportQuery}`} download>
          {t.exportXlsx}
        </Button>
        <Button href={`/api/audit/export.csv${exportQuery}`} download>
          {t.exportCsv}
        </Button>
        <Typography.Text type="secondary" className="pt-small">
          {t.exportHint}
        </Typography.Text>
      </Space>
      <ProblemAlert problem={rows.error} onRetry={rows.reload} />
      <div ref={tableBox}>
        <Table<AuditEntry>
          aria-label={t.tableLabel}
          rowKey="id"
          size="small"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t.empty }}
          columns={[
            { key: 'at', title: t.colAt, render: (_, e) => at(e.at), width: 170 },
            { key: 'person', title: t.colPerson, render: (_, e) => person(e) },
            { key: 'department', title: t.colDepartment, render: (_, e) => e.actorDepartment ?? '—' },
            { key: 'action', title: t.colAction, render: (_, e) => action(e) },
            { key: 'record', title: t.colRecord, render: (_, e) => record(e) },
          ]}
        />
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          disabled={stack.length === 0}
          onClick={() => {
            setCursors({ key: filterKey, stack: stack.slice(0, -1) });
          }}
        >
          {t.newer}
        </Button>
        <Button
          disabled={(rows.data?.length ?? 0) < PAGE_SIZE}
          onClick={() => {
            const last = rows.data?.[rows.data.length - 1];
            if (last !== undefined) setCursors({ key: filterKey, stack: [...stack, last.id] });
          }}
        >
          {t.older}
        </Button>
        <Typography.Text type="secondary" className="pt-small">
          {format(t.pageInfo, { n: stack.length + 1, size: PAGE_SIZE })}
        </Typography.Text>
      </Space>
    </section>
  );
}

/**
 * Names of departments merged into others, by id, from the merge rows' details: a merged
 * department is no longer listed, and its earlier rows (its creation) should still show its name.
 */
function namesOfMerged(entries: readonly AuditEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) {
    const merged = (e.detail as { merged?: { id?: unknown; name?: unknown } } | null)?.merged;
    if (typeof merged?.id === 'string' && typeof merged.name === 'string') names.set(merged.id, merged.name);
  }
  return names;
}
