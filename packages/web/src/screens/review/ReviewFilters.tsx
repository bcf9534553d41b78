import { Button, Input, Segmented, Select, Space, Switch } from 'antd';
import { useUrlParams } from '../../app/use-url-params';
import { useMessages } from '../../i18n/i18n';
import { WEB_RECORD_KINDS } from '../../records/record-kinds';
import { recordKindMessages } from '../../records/record-kinds.messages';
import type { ReviewText } from './review.messages';
import type { ReviewQueueItem as QueueItem } from '@plantrack/api';

export type QueueFilter = {
  kind: 'all' | QueueItem['kind'];
  period: string | null;
  /** The submitting department's id. */
  department: string | null;
  flaggedOnly: boolean;
  search: string;
};

const KEYS = ['kind', 'period', 'department', 'flagged', 'q'] as const;

/**
 * The queue's filters in the address (`/review?department=…&kind=…&period=…&flagged=1&q=…`): a
 * notice of new submissions links to the queue filtered to them, and back from an indicator,
 * a reload or a shared link keeps them.
 */
export function useQueueFilter(): [QueueFilter, (next: QueueFilter) => void] {
  const [params, setParams] = useUrlParams(KEYS);
  const kind = WEB_RECORD_KINDS.find((k) => k.name === params.kind)?.name ?? 'all';
  const filter: QueueFilter = {
    kind,
    period: params.period,
    department: params.department,
    flaggedOnly: params.flagged === '1',
    search: params.q ?? '',
  };
  const set = (next: QueueFilter) => {
    setParams({
      kind: next.kind === 'all' ? null : next.kind,
      period: next.period,
      department: next.department,
      flagged: next.flaggedOnly ? '1' : null,
      q: next.search,
    });
  };
  return [filter, set];
}

export function matches(filter: QueueFilter, item: QueueItem, name: string): boolean {
  return (
    (filter.kind === 'all' || item.kind === filter.kind) &&
    (filter.period === null || item.period === filter.period) &&
    (filter.department === null || item.submittedByDepartmentId === filter.department) &&
    (!filter.flaggedOnly || (item.qualityFlags ?? []).length > 0) &&
    (filter.search.trim() === '' || name.includes(filter.search.trim()))
  );
}

const NO_FILTER: QueueFilter = {
  kind: 'all',
  period: null,
  department: null,
  flaggedOnly: false,
  search: '',
};

/** Department, type, period, flagged-only and name filters over the review queue. */
export function ReviewFilters({
  t,
  filter,
  periods,
  departments,
  onChange,
}: {
  t: ReviewText;
  filter: QueueFilter;
  periods: readonly string[];
  /** The submitting departments in the queue: id and name. */
  departments: readonly { id: string; name: string }[];
  onChange: (filter: QueueFilter) => void;
}) {
  const kinds = useMessages(recordKindMessages);
  const filtered =
    filter.kind !== 'all' ||
    filter.period !== null ||
    filter.department !== null ||
    filter.flaggedOnly ||
    filter.search !== '';
  return (
    <Space wrap aria-label={t.filters} role="group">
      <Select<string>
        aria-label={t.departmentLabel}
        style={{ width: 200, maxWidth: '100%' }}
        value={filter.department ?? ''}
        onChange={(department) => {
          onChange({ ...filter, department: department === '' ? null : department });
        }}
        options={[
          { value: '', label: t.departmentAll },
          ...departments.map((d) => ({ value: d.id, label: d.name })),
          // A department from a link whose submissions were all decided still shows as chosen.
          ...(filter.department === null || departments.some((d) => d.id === filter.department)
            ? []
            : [{ value: filter.department, label: t.departmentGone }]),
        ]}
      />
      <Segmented<QueueFilter['kind']>
        aria-label={t.kindLabel}
        value={filter.kind}
        onChange={(kind) => {
          onChange({ ...filter, kind });
        }}
        options={[
          { value: 'all', label: t.kindAll },
          ...WEB_RECORD_KINDS.map((k) => ({ value: k.name, label: kinds[k.name] })),
        ]}
      />
      <Select<string>
        aria-label={t.periodLabel}
        style={{ width: 140 }}
        value={filter.period ?? ''}
        onChange={(period) => {
          onChange({ ...filter, period: period === '' ? null : period });
        }}
        options={[
          { value: '', label: t.periodAll },
          ...periods.map((p) => ({ value: p, label: p })),
          ...(filter.period === null || periods.includes(filter.period)
            ? []
            : [{ value: filter.period, label: filter.period }]),
        ]}
      />
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
        <Switch
          size="small"
          checked={filter.flaggedOnly}
          onChange={(flaggedOnly) => {
            onChange({ ...filter, flaggedOnly });
          }}
        />
        {t.flaggedOnly}
      </label>
      <Input.Search
        aria-label={t.searchLabel}
        placeholder={t.searchPlaceholder}
        allowClear
        value={filter.search}
        onChange={(event) => {
          onChange({ ...filter, search: event.target.value });
        }}
        style={{ width: 220, maxWidth: '100%' }}
      />
      {filtered ? (
        <Button
          onClick={() => {
            onChange(NO_FILTER);
          }}
        >
          {t.clearFilters}
        </Button>
      ) : null}
    </Space>
  );
}
