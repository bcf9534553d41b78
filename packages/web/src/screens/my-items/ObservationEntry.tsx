import { Checkbox, Form, Input, InputNumber } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { IndicatorDetail, ObservationRevision, QualityCheckResult } from '@plantrack/api';
import { format } from '../../i18n/i18n';
import { webRecordKind } from '../../records/record-kinds';
import { textOrNull } from './entry-parts';
import type { EntryFieldsProps, EntryKind } from './entry-kind';
import { recordKeyOf } from './my-items.types';

type ObservationFields = {
  value: number | null;
  valueText: string;
  unit: string;
  scope: string;
  estimated: boolean;
  source: string;
};

type Indicator = IndicatorDetail['indicator'];

/** Value, text, unit, scope, estimate flag and source of an observation. */
function ObservationValueFields({
  t,
  context: indicator,
  current,
  evidenceCount,
}: EntryFieldsProps<ObservationRevision, Indicator>) {
  return (
    <>
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
        <Input maxLength={100} disabled={current !== null || evidenceCount > 0} />
      </Form.Item>
      <Form.Item name="estimated" valuePropName="checked">
        <Checkbox>{t.estimated}</Checkbox>
      </Form.Item>
      <Form.Item name="source" label={t.source}>
        <Input maxLength={500} placeholder={t.sourcePlaceholder} />
      </Form.Item>
    </>
  );
}

/** Observations (监测值) in the entry editor: loaded with their indicator, keyed by the scope. */
export const observationEntry: EntryKind<ObservationFields, ObservationRevision, Indicator> = {
  record: webRecordKind('observation'),
  useLoad: (item) => {
    const detail = useApi<IndicatorDetail>(`/api/indicators/${encodeURIComponent(item.id)}`);
    if (detail.data === undefined) return { data: undefined, error: detail.error, reload: detail.reload };
    const revisions = (detail.data.latest ?? []).filter((r) => r.period === item.period);
    // One period normally has one record, in the plan's scope; another scope is shown if that is all there is.
    const current = revisions.find((r) => r.scope === '') ?? revisions.at(-1) ?? null;
    return {
      data: { current, context: detail.data.indicator },
      error: detail.error,
      reload: detail.reload,
    };
  },
  initialFields: ({ current, context: indicator }) => ({
    value: current?.values.value ?? null,
    valueText: current?.values.valueText ?? '',
    unit: current?.values.unit ?? indicator.unit ?? '',
    scope: current?.scope ?? '',
    estimated: current?.values.estimated ?? false,
    source: current?.values.source ?? '',
  }),
  useRecordRef: (form, item, current, initial) => {
    const typedScope = Form.useWatch('scope', form) ?? initial.scope;
    const scope = current?.scope ?? typedScope.trim();
    return {
      recordKey: recordKeyOf({ kind: 'indicator', id: item.id, period: item.period, scope }),
      ref: { indicatorId: item.id, period: item.period, scope },
    };
  },
  toValues: (v) => ({
    value: v.value ?? null,
    valueText: textOrNull(v.valueText),
    unit: textOrNull(v.unit),
    estimated: v.estimated,
    source: textOrNull(v.source),
  }),
  Fields: ObservationValueFields,
  commentRows: 3,
  checkBeforeSubmit: async (ref, values, evidenceCount) => {
    const value = typeof values.value === 'number' ? values.value : null;
    const unit = typeof values.unit === 'string' ? values.unit : null;
    const answer = await api<QualityCheckResult>('/api/observations/check', {
      json: { ...ref, value, unit, evidenceCount },
    });
    return answer.flags;
  },
};
