import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Department } from '@plantrack/api';
import { format } from '../../../i18n/i18n';
import type { OwnershipText } from './ownership.messages';
import type { OwnershipRow } from './ownership-rows';

/** The new owners of one row, as the dialog returns them. */
export type EditedOwners = { department: string; role: 'lead' | 'co' }[];

/** Sets one row's lead and co-lead departments; the caller saves (and records) the change. */
export function EditOwnersDialog({
  row,
  departments,
  t,
  saving,
  onSave,
  onClose,
}: {
  row: OwnershipRow;
  departments: readonly Department[];
  t: OwnershipText;
  saving: boolean;
  onSave: (owners: EditedOwners) => void;
  onClose: () => void;
}) {
  const [lead, setLead] = useState<string | undefined>(row.leads[0]?.departmentId);
  const [co, setCo] = useState<string[]>([
    ...row.leads.slice(1).map((o) => o.departmentId),
    ...row.coLeads.map((o) => o.departmentId),
  ]);
  const [missing, setMissing] = useState(false);
  const options = departments.map((d) => ({ value: d.id, label: d.canonicalName }));
  return (
    <Modal
      open
      title={format(t.editTitle, { name: row.label })}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => {
        if (lead === undefined) {
          setMissing(true);
          return;
        }
        onSave([
          { department: lead, role: 'lead' },
          ...co.filter((id) => id !== lead).map((id) => ({ department: id, role: 'co' as const })),
        ]);
      }}
    >
      <Form layout="vertical">
        <Form.Item
          label={t.lead}
          htmlFor="owner-lead"
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t.leadRequired : undefined}
        >
          <Select
            id="owner-lead"
            aria-label={t.lead}
            showSearch={{ optionFilterProp: 'label' }}
            value={lead}
            options={options}
            onChange={(v: string) => {
              setLead(v);
              setMissing(false);
            }}
          />
        </Form.Item>
        <Form.Item label={t.coLeadsField} htmlFor="owner-co">
          <Select
            id="owner-co"
            aria-label={t.coLeadsField}
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            value={co}
            options={options.filter((o) => o.value !== lead)}
            onChange={(v: string[]) => {
              setCo(v);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
