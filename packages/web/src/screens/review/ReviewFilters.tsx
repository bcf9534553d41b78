import { Input, Segmented, Select, Space, Switch } from 'antd';
import { useMessages } from '../../i18n/i18n';
import { WEB_RECORD_KINDS } from '../../records/record-kinds';
import { recordKindMessages } from '../../records/record-kinds.messages';
import type { ReviewText } from './review.messages';
import type { ReviewQueueItem as QueueItem } from '@plantrack/api';

export type QueueFilter = {
  kind: 'all' | QueueItem['kind'];
  period: string | null;
  flaggedOnly: boolean;
  search: string;
};

export const NO_FILTER: QueueFilter = { kind: 'all', period: null, flaggedOnly: false, search: '' };

export function matches(filter: QueueFilter, item: QueueItem, name: string): boolean {
  return (
    (filter.kind === 'all' || item.kind === filter.kind) &&
    (filter.period === null || item.period === filter.period) &&
    (!filter.flaggedOnly || (item.qualityFlags ?? []).length > 0) &&
    (filter.search.trim() === '' || name.includes(filter.search.trim()))
  );
}

/** Type, period, flagged-only and name filters over the review queue. */
export function ReviewFilters({
  t,
  filter,
  periods,
  onChange,
}: {
  t: ReviewText;
  filter: QueueFilter;
  periods: readonly string[];
  onChange: (filter: QueueFilter) => void;
}) {
  const kinds = useMessages(recordKindMessages);
  return (
    <Space wrap aria-label={t.filters} role="group">
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
        options={[{ value: '', label: t.periodAll }, ...periods.map((p) => ({ value: p, label: p }))]}
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
        style={{ width: 220 }}
      />
    </Space>
  );
}
