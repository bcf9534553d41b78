import { Button, Input, Select, Space } from 'antd';
import { actorLabel } from './actor-label';
import type { AuditFilter } from './audit-filters';
import { auditEntityLabels, type auditMessages } from './audit.messages';
import type { AuditNames } from './use-audit-names';

type Text = (typeof auditMessages)['zh'];

const select = { width: '100%', minWidth: 0 } as const;

/** Person, department, record type, record and date filters of the audit log (each a labelled control). */
export function AuditFilters({
  t,
  lang,
  names,
  filter,
  onChange,
}: {
  t: Text;
  lang: 'zh' | 'en';
  names: AuditNames;
  filter: AuditFilter;
  /** The fields that changed (the panel merges them with the filters as last changed). */
  onChange: (patch: Partial<AuditFilter>) => void;
}) {
  const field = (label: string, control: React.ReactNode) => (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
      <span className="pt-small">{label}</span>
      {control}
    </label>
  );
  return (
    <div
      role="group"
      aria-label={t.filters}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
        gap: 12,
        marginBottom: 16,
      }}
    >
      {field(
        t.person,
        <Select<string>
          aria-label={t.person}
          style={select}
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.person}
          onChange={(person) => {
            onChange({ person });
          }}
          options={[
            { value: '', label: t.personAll },
            ...names.actors.map((a) => ({
              value: a.id,
              label:
                a.name === null || a.departmentName === null
                  ? actorLabel(t, a)
                  : `${a.name}（${a.departmentName}）`,
            })),
          ]}
        />,
      )}
      {field(
        t.department,
        <Select<string>
          aria-label={t.department}
          style={select}
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.department}
          onChange={(department) => {
            onChange({ department });
          }}
          options={[
            { value: '', label: t.departmentAll },
            ...names.departments.map((d) => ({ value: d.id, label: d.canonicalName })),
          ]}
        />,
      )}
      {field(
        t.kind,
        <Select<string>
          aria-label={t.kind}
          style={select}
          value={filter.kind}
          onChange={(kind) => {
            onChange({ kind });
          }}
          options={[
            { value: '', label: t.kindAll },
            ...Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label: label[lang] })),
          ]}
        />,
      )}
      {field(
        t.record,
        <Select<string>
          aria-label={t.record}
          style={select}
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.record}
          onChange={(record) => {
            onChange({ record });
          }}
          options={[
            { value: '', label: t.recordAll },
            ...names.indicators.map((i) => ({ value: i.id, label: `${t.indicatorPrefix} ${i.label}` })),
            ...names.tasks.map((i) => ({ value: i.id, label: `${t.taskPrefix} ${i.label}` })),
          ]}
        />,
      )}
      {field(
        t.from,
        <Input
          type="date"
          aria-label={t.from}
          style={select}
          value={filter.from}
          onChange={(event) => {
            onChange({ from: event.target.value });
          }}
        />,
      )}
      {field(
        t.to,
        <Input
          type="date"
          aria-label={t.to}
          style={select}
          value={filter.to}
          onChange={(event) => {
            onChange({ to: event.target.value });
          }}
        />,
      )}
      <Space wrap style={{ alignSelf: 'end' }}>
        <Button
          onClick={() => {
            onChange({ person: '', department: '', kind: '', record: '', from: '', to: '' });
          }}
        >
          {t.clear}
        </Button>
      </Space>
    </div>
  );
}
