import { App, Form, Input, Modal, Select, Spin } from 'antd';
import { useState } from 'react';
import { ApiProblem, api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { Indicator, IndicatorChanges, IndicatorEdits } from '@plantrack/api';

type FormValues = {
  name: string;
  groupName: string;
  unit: string;
  attribute: '预期性' | '约束性' | '';
  direction: 'higher' | 'lower' | '';
  targetText: string;
  scope: string;
  reason: string;
};

const valuesOf = (i: Indicator): Omit<FormValues, 'reason'> => ({
  name: i.name,
  groupName: i.group ?? '',
  unit: i.unit ?? '',
  attribute: i.attribute === '预期性' || i.attribute === '约束性' ? i.attribute : '',
  direction: i.direction === 'higher' || i.direction === 'lower' ? i.direction : '',
  targetText: i.target.text,
  scope: i.scope ?? '',
});

/** Only the fields that differ from what was loaded; empty optional text means "none". */
function changesOf(loaded: Indicator, v: FormValues): IndicatorChanges {
  const before = valuesOf(loaded);
  const changes: IndicatorChanges = {};
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  if (v.name.trim() !== before.name) changes.name = v.name.trim();
  if (v.targetText.trim() !== before.targetText) changes.targetText = v.targetText.trim();
  if (v.groupName.trim() !== before.groupName) changes.groupName = orNull(v.groupName);
  if (v.unit.trim() !== before.unit) changes.unit = orNull(v.unit);
  if (v.scope.trim() !== before.scope) changes.scope = orNull(v.scope);
  if (v.attribute !== before.attribute) changes.attribute = v.attribute === '' ? null : v.attribute;
  if (v.direction !== before.direction) changes.direction = v.direction === '' ? null : v.direction;
  return changes;
}

/**
 * Corrects an indicator with a reason. The edit quotes the edit number it was loaded with; when
 * someone else saved first the API answers 409 and the dialog reloads the newest values.
 */
export function EditIndicatorDialog({
  indicator,
  t,
  onClose,
}: {
  indicator: Indicator;
  t: CurationText;
  onClose: (saved: boolean) => void;
}) {
  const current = useApi<IndicatorEdits>(`/api/indicators/${indicator.id}/edits`);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const { message } = App.useApp();
  const loaded = current.data?.indicator;

  const save = async (values: FormValues) => {
    if (loaded === undefined) return;
    const changes = changesOf(loaded, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t.nothingChanged);
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      const result = await api<{ changedFields: string[] }>(`/api/indicators/${indicator.id}`, {
        method: 'PATCH',
        json: { expectedEditNo: loaded.editNo, reason: values.reason.trim(), changes },
      });
      void message.success(format(t.saved, { fields: result.changedFields.join(', ') }));
      onClose(true);
    } catch (failure) {
      if (failure instanceof ApiProblem) {
        setProblem(failure);
        if (failure.status === 409) current.reload();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={format(t.editTitle, { name: indicator.name })}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      okButtonProps={{ disabled: loaded === undefined }}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        onClose(false);
      }}
      destroyOnHidden
      width={560}
    >
      <ProblemAlert problem={problem ?? current.error} />
      {problem?.status === 409 ? <p role="status">{t.stale}</p> : null}
      {loaded === undefined ? (
        <Spin />
      ) : (
        <Form<FormValues>
          // A new edit number (after a 409) re-seeds the form with the newest values.
          key={loaded.editNo}
          form={form}
          layout="vertical"
          initialValues={{ ...valuesOf(loaded), reason: '' }}
          onFinish={(values) => void save(values)}
        >
          <Form.Item
            name="name"
            label={t.fieldName}
            rules={[{ required: true, whitespace: true, message: t.requiredField }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="targetText"
            label={t.fieldTargetText}
            rules={[{ required: true, whitespace: true, message: t.requiredField }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="unit" label={t.unit}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="scope" label={t.scope}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="groupName" label={t.fieldGroupName}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="attribute" label={t.attribute}>
            <Select
              options={[
                { value: '', label: t.none },
                { value: '预期性', label: '预期性' },
                { value: '约束性', label: '约束性' },
              ]}
            />
          </Form.Item>
          <Form.Item name="direction" label={t.direction}>
            <Select
              options={[
                { value: '', label: t.none },
                { value: 'higher', label: t.higher },
                { value: 'lower', label: t.lower },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t.reason}
            rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
          >
            <Input.TextArea rows={2} maxLength={1000} placeholder={t.reasonPlaceholder} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
