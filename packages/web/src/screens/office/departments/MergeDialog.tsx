import { Alert, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useServerCall } from '../../../api/use-server-call';
import type { Department, DepartmentMergeResult } from '@plantrack/api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { departmentsMessages } from './departments.messages';

/**
 * Merges a duplicate (区发改局) into the department kept (区发展和改革局), chosen among the other
 * departments of its region. Says plainly what moves and that it cannot be undone before the
 * office confirms; reports what moved afterwards.
 */
export function MergeDialog(props: {
  department: Department;
  candidates: readonly Department[];
  onClose: (result: DepartmentMergeResult | null) => void;
}) {
  const t = useMessages(departmentsMessages);
  const { department } = props;
  const [into, setInto] = useState<string | undefined>(undefined);
  const { busy, problem, run } = useServerCall();
  const options = props.candidates
    .filter((d) => d.id !== department.id && d.regionCode === department.regionCode && d.active)
    .map((d) => ({ value: d.id, label: d.canonicalName }));

  const submit = async () => {
    if (into === undefined) return;
    await run(async () => {
      props.onClose(
        await api<DepartmentMergeResult>(`/api/departments/${department.id}/merge`, { json: { into } }),
      );
    });
  };

  return (
    <Modal
      open
      title={format(t.mergeTitle, { name: department.canonicalName })}
      okText={t.mergeConfirm}
      okButtonProps={{ danger: true, disabled: into === undefined }}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        props.onClose(null);
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t.mergeInto} htmlFor="merge-into">
          <Select
            id="merge-into"
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            value={into}
            onChange={setInto}
          />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon title={format(t.mergeExplain, { name: department.canonicalName })} />
      <div style={{ marginTop: 12 }}>
        <ProblemAlert problem={problem} />
      </div>
    </Modal>
  );
}
