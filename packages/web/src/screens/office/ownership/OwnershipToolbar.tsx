import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Department } from '@plantrack/api';
import { format } from '../../../i18n/i18n';
import type { OwnershipText } from './ownership.messages';
import type { OwnershipFilters } from './ownership-rows';

/** The ownership tab's filters (kept in the URL by the panel), bulk actions and "accept all shown". */
export function OwnershipToolbar({
  t,
  filters,
  departments,
  shownCount,
  selectedCount,
  acceptableCount,
  saving,
  onFilter,
  onBulk,
  onAcceptAll,
}: {
  t: OwnershipText;
  filters: OwnershipFilters;
  departments: readonly Department[];
  shownCount: number;
  selectedCount: number;
  acceptableCount: number;
  saving: boolean;
  onFilter: (name: 'owner' | 'kind' | 'department', value: string | null) => void;
  onBulk: (departmentId: string, role: 'lead' | 'co') => void;
  onAcceptAll: () => void;
}) {
  const [bulkDepartment, setBulkDepartment] = useState<string | undefined>(undefined);
  const options = departments.map((d) => ({ value: d.id, label: d.canonicalName }));
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap>
        <Select
          aria-label={t.filterOwner}
          style={{ minWidth: 120 }}
          value={filters.owner ?? 'any'}
          options={[
            { value: 'any', label: format(t.labelled, { label: t.filterOwner, value: t.ownerAny }) },
            { value: 'none', label: t.ownerNone },
            { value: 'some', label: t.ownerSome },
          ]}
          onChange={(v: string) => {
            onFilter('owner', v === 'any' ? null : v);
          }}
        />
        <Select
          aria-label={t.filterKind}
          style={{ minWidth: 140 }}
          value={filters.kind ?? 'any'}
          options={[
            { value: 'any', label: t.kindAny },
            { value: 'indicator', label: t.kindIndicator },
            { value: 'task', label: t.kindTask },
          ]}
          onChange={(v: string) => {
            onFilter('kind', v === 'any' ? null : v);
          }}
        />
        <Select
          aria-label={t.filterDepartment}
          style={{ minWidth: 180, maxWidth: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.department ?? 'any'}
          options={[{ value: 'any', label: t.departmentAny }, ...options]}
          onChange={(v: string) => {
            onFilter('department', v === 'any' ? null : v);
          }}
        />
        <Typography.Text type="secondary">{format(t.count, { n: shownCount })}</Typography.Text>
      </Space>
      <Space wrap>
        <Button type="primary" disabled={acceptableCount === 0} loading={saving} onClick={onAcceptAll}>
          {format(t.acceptAll, { n: acceptableCount })}
        </Button>
      </Space>
      {selectedCount > 0 && (
        <Space wrap>
          <Typography.Text>{format(t.selected, { n: selectedCount })}</Typography.Text>
          <Select
            aria-label={t.bulkDepartment}
            placeholder={t.bulkDepartment}
            style={{ minWidth: 200, maxWidth: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            value={bulkDepartment}
            options={options}
            onChange={(v: string) => {
              setBulkDepartment(v);
            }}
          />
          <Button
            disabled={bulkDepartment === undefined}
            loading={saving}
            onClick={() => {
              if (bulkDepartment !== undefined) onBulk(bulkDepartment, 'lead');
            }}
          >
            {t.setLead}
          </Button>
          <Button
            disabled={bulkDepartment === undefined}
            loading={saving}
            onClick={() => {
              if (bulkDepartment !== undefined) onBulk(bulkDepartment, 'co');
            }}
          >
            {t.addCoLead}
          </Button>
        </Space>
      )}
    </Space>
  );
}
