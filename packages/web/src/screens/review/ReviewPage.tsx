import { Alert, Drawer, Pagination, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import type { Page, ReviewQueueItem as QueueItem } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { usePlan } from '../../app/plan-context';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../records/idempotency';
import HistoryPanel from './HistoryPanel';
import { ReturnDialog } from './ReturnDialog';
import { NO_FILTER, type QueueFilter, ReviewFilters, matches } from './ReviewFilters';
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

/**
 * The reviewer's queue: submissions with value, scope, previous value, quality flags, evidence and
 * comment; approve, or return with a required reason; each record's history in a drawer.
 */
export default function ReviewPage() {
  const t = useMessages(reviewMessages);
  const { planId } = usePlan();
  const queue = useApi<QueueItem[]>('/api/review/queue');
  const names = useTargetNames(planId);
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
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

  const decide = async (item: QueueItem, action: 'approve' | 'return', reason?: string) => {
    setBusyKey(item.key);
    setProblem(undefined);
    setConflict(false);
    setDone(null);
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
    } catch (failure) {
      const p =
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '操作失败。', en: 'The action failed.' });
      setProblem(p);
      setConflict(p.status === 409);
      if (p.status === 409) setReturning(null);
    } finally {
      setBusyKey(null);
      queue.reload();
    }
  };

  const onAction = (item: QueueItem, action: ItemAction) => {
    if (action === 'approve') void decide(item, 'approve');
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
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        <div role="status" aria-live="polite">
          {done === null ? null : <Alert type="success" showIcon title={done} />}
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
                <li key={`${item.kind}:${item.key}:${item.revisionNo}`}>
                  <ReviewItemCard
                    t={t}
                    item={item}
                    name={nameOf(item)}
                    busy={busyKey === item.key}
                    onAction={(action) => {
                      onAction(item, action);
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
