import { Button, Select, Space } from 'antd';
import { STATUSES, type AssessmentStatus, useStatusLabel } from '../../components/StatusTag';
import { format, useMessages } from '../../i18n/i18n';
import { type CardFilters, NO_FILTERS, isFiltered } from './card-filters';
import { dashboardMessages } from './dashboard.messages';

type Option = { value: string; label: string };

/** Five labelled selects (group, chapter, department, phase, status) and a reset. */
export function DashboardFilters({
  filters,
  onChange,
  groups,
  chapters,
  departments,
  phases,
  assessedYear,
}: {
  filters: CardFilters;
  onChange: (next: CardFilters) => void;
  groups: string[];
  chapters: string[];
  departments: Option[];
  phases: Option[];
  assessedYear: number;
}) {
  const t = useMessages(dashboardMessages);
  const label = useStatusLabel();
  const asOptions = (values: string[]): Option[] => values.map((v) => ({ value: v, label: v }));
  const select = (
    key: keyof CardFilters,
    title: string,
    options: Option[],
    allLabel: string = t.all,
    width = 200,
  ) => (
    <Select<string>
      key={key}
      aria-label={title}
      prefix={`${title}：`}
      allowClear
      placeholder={allLabel}
      value={filters[key] ?? undefined}
      onChange={(value) => {
        onChange({ ...filters, [key]: value ?? null });
      }}
      options={options}
      style={{ minWidth: width }}
      popupMatchSelectWidth={false}
    />
  );
  return (
    <section aria-label={t.filters} className="pt-no-print">
      <Space wrap>
        {select('group', t.group, asOptions(groups))}
        {select('chapter', t.chapter, asOptions(chapters), t.all, 240)}
        {select('department', t.department, departments, t.all, 220)}
        {select('phase', t.phase, phases, format(t.phaseNow, { year: assessedYear }), 220)}
        {select(
          'status',
          t.status,
          STATUSES.map((s: AssessmentStatus) => ({ value: s, label: label(s) })),
        )}
        {isFiltered(filters) ? (
          <Button
            onClick={() => {
              onChange(NO_FILTERS);
            }}
          >
            {t.clearFilters}
          </Button>
        ) : null}
      </Space>
    </section>
  );
}
