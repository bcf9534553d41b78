import { Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { type EntryText, entryMessages } from './entry.messages';
import { EvidenceField } from './EvidenceField';
import { HistorySection, SubmitBar, textOrNull } from './entry-parts';
import type { IndicatorDetail, ObservationRevision, PeriodItem } from '@plantrack/api';
import { recordKeyOf } from './my-items.types';
import { RecordStatus, WriteFeedback } from './RecordStatus';
import { useRecordWriter } from './use-record-writer';

type ObservationForm = {
  value: number | null;
  valueText: string;
  unit: string;
  scope: string;
  estimated: boolean;
  source: string;
  comment: string;
  reason: string;
};

/** The observation of one indicator × period: its current revision, then the form. */
export function ObservationEntry({ item, onSaved }: { item: PeriodItem; onSaved: () => void }) {
  const t = useMessages(entryMessages);
  const detail = useApi<IndicatorDetail>(`/api/indicators/${encodeURIComponent(item.id)}`);
  if (detail.data === undefined) {
    return detail.error === undefined ? (
      <PageLoading />
    ) : (
      <ProblemAlert problem={detail.error} onRetry={detail.reload} />
    );
  }
  const revisions = (detail.data.latest ?? []).filter((r) => r.period === item.period);
  // One period normally has one record, in the plan's scope; another scope is shown if that is all there is.
  const current = revisions.find((r) => r.scope === '') ?? revisions.at(-1) ?? null;
  return (
    <ObservationEditor
      t={t}
      item={item}
      indicator={detail.data.indicator}
      current={current}
      loadProblem={detail.error}
      reload={detail.reload}
      onSaved={onSaved}
    />
  );
}

function ObservationEditor({
  t,
  item,
  indicator,
  current,
  loadProblem,
  reload,
  onSaved,
}: {
  t: EntryText;
  item: PeriodItem;
  indicator: IndicatorDetail['indicator'];
  current: ObservationRevision | null;
  loadProblem: ApiProblem | undefined;
  reload: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ObservationForm>();
  const writer = useRecordWriter();
  // The form is filled once from the record; later reloads (after a 409) never overwrite typing.
  const [initialValues] = useState<ObservationForm>(() => ({
    value: current?.values.value ?? null,
    valueText: current?.values.valueText ?? '',
    unit: current?.values.unit ?? indicator.unit ?? '',
    scope: current?.scope ?? '',
    estimated: current?.values.estimated ?? false,
    source: current?.values.source ?? '',
    comment: current?.values.comment ?? '',
    reason: '',
  }));
  const [evidence, setEvidence] = useState<string[]>(() => current?.values.evidence ?? []);
  const typedScope = Form.useWatch('scope', form) ?? initialValues.scope;
  const scope = current?.scope ?? typedScope.trim();
  const recordKey = recordKeyOf({ kind: 'indicator', id: item.id, period: item.period, scope });
  const recordPath = `/api/observations/${encodeURIComponent(recordKey)}`;
  const locked = current?.status === 'submitted';
  const correcting = current?.status === 'approved';

  const send = async (action: 'save_draft' | 'submit') => {
    let v: ObservationForm;
    try {
      v = await form.validateFields();
    } catch {
      return; // The fields show what is missing.
    }
    const values = {
      value: v.value ?? null,
      valueText: textOrNull(v.valueText),
      unit: textOrNull(v.unit),
      estimated: v.estimated,
      source: textOrNull(v.source),
      comment: textOrNull(v.comment),
      evidence,
    };
    const written =
      correcting && current !== null
        ? await writer.write(`${recordPath}/correct`, {
            expectedRevision: current.revisionNo,
            values,
            reason: v.reason,
          })
        : await writer.write('/api/observations', {
            indicatorId: item.id,
            period: item.period,
            scope,
            action,
            expectedRevision: current?.revisionNo ?? 0,
            values,
          });
    if (written !== null) {
      reload();
      onSaved();
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RecordStatus t={t} current={current} />
      <ProblemAlert problem={loadProblem} onRetry={reload} />
      <Form<ObservationForm>
        form={form}
        name="observation"
        layout="vertical"
        initialValues={initialValues}
        disabled={locked}
        onValuesChange={writer.newAttempt}
      >
        <Form.Item
          name="value"
          label={t.value}
          extra={t.valueHelp}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null | undefined) =>
                (value === null || value === undefined) &&
                textOrNull(getFieldValue('valueText') as string) === null
                  ? Promise.reject(new Error(t.valueRequired))
                  : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="valueText" label={t.valueText} extra={t.valueTextHelp}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t.unit}
          extra={indicator.unit === null ? undefined : format(t.unitHelp, { unit: indicator.unit })}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t.scope}
          extra={format(t.scopeHelp, {
            scope: indicator.scope === null ? '' : format(t.scopeNamed, { scope: indicator.scope }),
          })}
        >
          <Input maxLength={100} disabled={current !== null || evidence.length > 0} />
        </Form.Item>
        <Form.Item name="estimated" valuePropName="checked">
          <Checkbox>{t.estimated}</Checkbox>
        </Form.Item>
        <Form.Item name="source" label={t.source}>
          <Input maxLength={500} placeholder={t.sourcePlaceholder} />
        </Form.Item>
        <Form.Item name="comment" label={t.comment}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {correcting ? (
          <Form.Item
            name="reason"
            label={t.correctionReason}
            rules={[{ required: true, whitespace: true, message: t.correctionReasonRequired }]}
          >
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        ) : null}
      </Form>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t.evidence}
      </Typography.Title>
      <EvidenceField
        t={t}
        recordPath={recordPath}
        disabled={locked}
        withdrawable={current?.status === 'draft' || current?.status === 'returned'}
        attached={evidence}
        onChange={(ids) => {
          setEvidence(ids);
          writer.newAttempt();
        }}
      />
      <WriteFeedback
        t={t}
        written={writer.written}
        problem={writer.problem}
        stale={writer.stale}
        onReload={() => {
          writer.clearStale();
          reload();
        }}
      />
      {locked ? null : (
        <SubmitBar t={t} correcting={correcting} busy={writer.busy} onSend={(a) => void send(a)} />
      )}
      {current === null ? null : <HistorySection t={t} kind="indicator" recordKey={recordKey} />}
    </Space>
  );
}
