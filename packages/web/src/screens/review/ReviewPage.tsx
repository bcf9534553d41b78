import { Alert, Drawer, Pagination, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import type { BatchApprovalResponse, Page, ReviewQueueItem as QueueItem } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { usePlan } from '../../app/plan-context';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../records/idempotency';
import HistoryPanel from './HistoryPanel';
import { ReturnDialog } from './ReturnDialog';
import { ReviewFilters, matches, useQueueFilter } from './ReviewFilters';
import { type ApprovalLine, ApproveDialog } from './ApproveDialog';
import { BatchBar } from './BatchBar';
import { type ItemAction, ReviewItemCard } from './ReviewItemCard';
import { reviewMessages } from './review.messages';
import { recordUrl, webRecordKind } from '../../records/record-kinds';

const PAGE_SIZE = 10;

type Named = { id: string; name?: string; seq?: string; measure?: string };

/** Names of the plan's indicators and tasks by id, for the queue (which carries ids only). */
function useTargetNames(planId: string | null): Map<string, string> {
  const indicators = useApi<Page<Named>>(
    planId === null ? null : `/api/plans/${planId}/indicators?pageSize=200`,
  );
  const tasks = useApi<Page<Named>>(planId === null ? null : `/api/plans/${planId}/tasks?pageSize=200`);
  return useMemo(
    () =>
      new Map([
        ...(indicators.data?.items ?? []).map((i): [string, string] => [
          i.id,
          `${i.seq ?? ''}. ${i.name ?? i.id}`,
        ]),
        ...(tasks.data?.items ?? []).map((i): [string, string] => [i.id, i.measure ?? i.id]),
      ]),
    [indicators.data, tasks.data],
  );
}

/** The id of a queue row: one submission of one record. */
const idOf = (item: QueueItem): string => `${item.kind}:${item.key}:${item.revisionNo}`;

/** The submitting departments in the queue, by name, for the department filter. */
function departmentsOf(items: readonly QueueItem[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const i of items) {
    if (i.submittedByDepartmentId !== null)
      byId.set(i.submittedByDepartmentId, i.submittedByDepartment ?? i.submittedByDepartmentId);
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** What a batch left undone, each with its reason in the reader's language. */
type BatchOutcome = { approved: number; failures: { id: string; text: string }[] };

/**
 * The reviewer's queue: submissions with submitter, value against target and previous value,
 * quality flags, evidence and comment; filters in the address; approve (confirmed in a dialog
 * naming item, period and value), approve a batch once every selected item's warnings were read,
 * or return with a required reason; each record's history in a drawer.
 */
export default function ReviewPage() {
  const t = useMessages(reviewMessages);
  const { planId } = usePlan();
  const queue = useApi<QueueItem[]>('/api/review/queue');
  const names = useTargetNames(planId);
  const pick = useBilingual();
  const [filter, setFilter] = useQueueFilter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const summaries = useRef(new Map<string, string>());
  const [approving, setApprovingState] = useState<{ items: QueueItem[]; lines: ApprovalLine[] } | null>(null);
  const [batchBusy, setBatchBusy] = useState(false);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const [historyOf, setHistoryOf] = useState<QueueItem | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const nameOf = (item: QueueItem) => names.get(item.targetId) ?? item.targetId;
  const items = queue.data ?? [];
  const periods = [...new Set(items.map((i) => i.period))].sort();
  const shown = items.filter((i) => matches(filter, i, nameOf(i)));
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // Only what is still in the queue counts as selected (decided items leave it on reload).
  const chosen = items.filter((i) => selected.has(idOf(i)));
  const unseen = chosen.filter((i) => (i.qualityFlags ?? []).length > 0 && !seen.has(idOf(i))).length;
  const lineOf = (i: QueueItem): ApprovalLine => ({
    id: idOf(i),
    name: nameOf(i),
    period: i.period,
    value: summaries.current.get(idOf(i)) ?? '—',
  });

  /** Opens the approval dialog over these items, naming what each holds (null closes it). */
  const setApproving = (batch: QueueItem[] | null) => {
    setApprovingState(batch === null ? null : { items: batch, lines: batch.map(lineOf) });
  };

  const approveBatch = async (batch: readonly QueueItem[]) => {
    setBatchBusy(true);
    setProblem(undefined);
    setConflict(false);
    setDone(null);
    setOutcome(null);
    try {
      const answer = await api<BatchApprovalResponse>('/api/review/approve-batch', {
        json: { items: batch.map((i) => ({ kind: i.kind, key: i.key, expectedRevision: i.revisionNo })) },
        headers: { 'idempotency-key': newIdempotencyKey() },
      });
      const byKey = new Map(batch.map((i) => [`${i.kind}:${i.key}`, i]));
      setOutcome({
        approved: answer.approved,
        failures: answer.results
          .filter((r) => r.outcome === 'failed')
          .map((r) => {
            const item = byKey.get(`${r.kind}:${r.key}`);
            return {
              id: `${r.kind}:${r.key}`,
              text: format(t.batchFailedItem, {
                name: item === undefined ? r.key : nameOf(item),
                period: item?.period ?? '',
                reason: r.problem === null ? '' : pick(r.problem.messages),
              }),
            };
          }),
      });
      setSelected(new Set());
      setApproving(null);
    } catch (failure) {
      setProblem(
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '操作失败。', en: 'The action failed.' }),
      );
      setApproving(null);
    } finally {
      setBatchBusy(false);
      queue.reload();
    }
  };

  const decide = async (item: QueueItem, action: 'approve' | 'return', reason?: string) => {
    setBusyKey(item.key);
    setProblem(undefined);
    setConflict(false);
    setDone(null);
    setOutcome(null);
    try {
      await api(`${recordUrl(item.kind, item.key)}/${action}`, {
        json:
          action === 'approve'
            ? { expectedRevision: item.revisionNo }
            : { expectedRevision: item.revisionNo, reason },
        headers: { 'idempotency-key': newIdempotencyKey() },
      });
      setDone(
        format(action === 'approve' ? t.approved : t.returned, { name: nameOf(item), period: item.period }),
      );
      setReturning(null);
      setApproving(null);
    } catch (failure) {
      const p =
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '操作失败。', en: 'The action failed.' });
      setProblem(p);
      setConflict(p.status === 409);
      // The refusal shows on the page; the approval dialog has nothing more to ask.
      setApproving(null);
      if (p.status === 409) setReturning(null);
    } finally {
      setBusyKey(null);
      queue.reload();
    }
  };

  const onAction = (item: QueueItem, action: ItemAction) => {
    if (action === 'approve') setApproving([item]);
    else if (action === 'return') setReturning(item);
    else setHistoryOf(item);
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ReviewFilters
          t={t}
          filter={filter}
          periods={periods}
          departments={departmentsOf(items)}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {items.length === 0 ? null : (
          <BatchBar
            t={t}
            selected={chosen.length}
            unseen={unseen}
            busy={batchBusy}
            onSelectPage={() => {
              setSelected(new Set([...selected, ...pageItems.map(idOf)]));
            }}
            onClear={() => {
              setSelected(new Set());
            }}
            onApprove={() => {
              setApproving(chosen);
            }}
          />
        )}
        <div role="status" aria-live="polite">
          {done === null ? null : <Alert type="success" showIcon title={done} />}
          {outcome === null ? null : (
            <Alert
              type={outcome.failures.length === 0 ? 'success' : 'warning'}
              showIcon
              title={format(t.batchDone, { n: outcome.approved })}
              description={
                outcome.failures.length === 0 ? undefined : (
                  <>
                    {format(t.batchFailed, { n: outcome.failures.length })}
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {outcome.failures.map((f) => (
                        <li key={f.id}>{f.text}</li>
                      ))}
                    </ul>
                  </>
                )
              }
            />
          )}
        </div>
        {conflict ? <Alert type="warning" showIcon title={t.conflict} /> : null}
        <ProblemAlert problem={queue.error ?? problem} onRetry={queue.reload} />
        {queue.data === undefined ? (
          queue.error === undefined ? (
            <PageLoading />
          ) : null
        ) : items.length === 0 || shown.length === 0 ? (
          <Typography.Paragraph type="secondary">
            {items.length === 0 ? t.emptyQueue : t.emptyFiltered}
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Text>{format(t.count, { n: items.length, shown: shown.length })}</Typography.Text>
            <ul
              aria-label={t.listLabel}
              style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}
            >
              {pageItems.map((item) => (
                <li key={idOf(item)}>
                  <ReviewItemCard
                    t={t}
                    item={item}
                    name={nameOf(item)}
                    busy={busyKey === item.key}
                    onAction={(action) => {
                      onAction(item, action);
                    }}
                    selected={selected.has(idOf(item))}
                    onSelect={(on) => {
                      const next = new Set(selected);
                      if (on) next.add(idOf(item));
                      else next.delete(idOf(item));
                      setSelected(next);
                    }}
                    flagsSeen={seen.has(idOf(item))}
                    onFlagsSeen={() => {
                      setSeen(new Set([...seen, idOf(item)]));
                    }}
                    onSummary={(text) => {
                      summaries.current.set(idOf(item), text);
                    }}
                  />
                </li>
              ))}
            </ul>
            {shown.length > PAGE_SIZE ? (
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={shown.length}
                onChange={setPage}
                showSizeChanger={false}
              />
            ) : null}
          </>
        )}
      </Space>
      {approving === null ? null : (
        <ApproveDialog
          t={t}
          lines={approving.lines}
          busy={batchBusy || busyKey !== null}
          onConfirm={() => {
            const [only] = approving.items;
            if (approving.items.length === 1 && only !== undefined) void decide(only, 'approve');
            else void approveBatch(approving.items);
          }}
          onCancel={() => {
            setApproving(null);
          }}
        />
      )}
      {returning === null ? null : (
        <ReturnDialog
          t={t}
          name={nameOf(returning)}
          period={returning.period}
          busy={busyKey === returning.key}
          onConfirm={(reason) => void decide(returning, 'return', reason)}
          onCancel={() => {
            setReturning(null);
          }}
        />
      )}
      <Drawer
        open={historyOf !== null}
        onClose={() => {
          setHistoryOf(null);
        }}
        size={760}
        title={
          historyOf === null
            ? t.history
            : format(t.historyItem, { name: nameOf(historyOf), period: historyOf.period })
        }
      >
        {historyOf === null ? null : (
          <HistoryPanel
            key={historyOf.key}
            kind={webRecordKind(historyOf.kind).element}
            recordKey={historyOf.key}
          />
        )}
      </Drawer>
    </>
  );
}
