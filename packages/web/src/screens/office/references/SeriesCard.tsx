import { App, Button, Card, Collapse, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useRef } from 'react';
import type { ReferenceSeriesWithValues, ReferenceValue } from '@plantrack/api';
import { ApiProblem, api } from '../../../api/client';
import { format, useBilingual } from '../../../i18n/i18n';
import { useFocusableScroll } from '../focusable-scroll';
import type { ReferencesText } from './references.messages';

type ValueFields = { period: string; value: number | null; source?: string; note?: string };

/**
 * One reference series: its values in force by year with their source, the corrections kept
 * beneath, and a form to record a year's value. Recording a year that already has a value is a
 * correction: it needs its reason and keeps the earlier value in the history.
 */
export function SeriesCard({
  series,
  indicatorNames,
  kindLabel,
  t,
  onChanged,
}: {
  series: ReferenceSeriesWithValues;
  indicatorNames: string[];
  kindLabel: string;
  t: ReferencesText;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const pick = useBilingual();
  const [form] = Form.useForm<ValueFields>();
  const period = Form.useWatch('period', form);
  const isCorrection = series.values.some((v) => v.period === period);
  const box = useRef<HTMLDivElement>(null);
  useFocusableScroll(box, series.name, series);

  const record = async (fields: ValueFields) => {
    try {
      await api(`/api/reference-series/${encodeURIComponent(series.id)}/values`, {
        json: {
          period: fields.period,
          value: fields.value,
          source: fields.source?.trim() || null,
          note: fields.note?.trim() || null,
        },
      });
      void message.success(t.valueSaved);
      form.resetFields();
      onChanged();
    } catch (error) {
      if (error instanceof ApiProblem) void message.error(pick(error.messages));
      else throw error;
    }
  };

  const columns = [
    { key: 'period', title: t.colYear, dataIndex: 'period' },
    {
      key: 'value',
      title: t.colValue,
      render: (_: unknown, v: ReferenceValue) =>
        `${v.value ?? v.valueText ?? '—'}${v.value !== null && series.unit !== null ? ` ${series.unit}` : ''}${v.estimated ? `（${t.estimated}）` : ''}`,
    },
    {
      key: 'source',
      title: t.colSource,
      render: (_: unknown, v: ReferenceValue) => v.source ?? series.source ?? '—',
    },
    { key: 'note', title: t.colNote, render: (_: unknown, v: ReferenceValue) => v.note ?? '' },
    {
      key: 'revision',
      title: t.colRevision,
      render: (_: unknown, v: ReferenceValue) => format(t.revision, { n: v.revisionNo }),
    },
  ];

  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{series.name}</h3>}
      extra={<span className="pt-small">{kindLabel}</span>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" className="pt-small">
        {[series.unit, series.scope, series.source].filter((x) => x !== null && x !== '').join(' · ')}
        <br />
        {indicatorNames.length === 0
          ? t.linkedNone
          : format(t.linkedTo, { names: indicatorNames.join('、') })}
      </Typography.Paragraph>
      <div ref={box}>
        <Table<ReferenceValue>
          aria-label={series.name}
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...series.values].sort((a, b) => a.period.localeCompare(b.period))}
          locale={{ emptyText: t.noValues }}
          columns={columns}
        />
        {series.superseded.length > 0 && (
          <Collapse
            ghost
            items={[
              {
                key: 'history',
                label: format(t.history, { n: series.superseded.length }),
                children: (
                  <Table<ReferenceValue>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={series.superseded}
                    columns={columns}
                  />
                ),
              },
            ]}
          />
        )}
      </div>
      <Form<ValueFields>
        form={form}
        name={`series-${series.id}`}
        layout="vertical"
        aria-label={`${t.addValue}${t.colon}${series.name}`}
        onFinish={(f) => void record(f)}
        style={{
          marginTop: 12,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 160px), 1fr))',
          columnGap: 12,
          alignItems: 'end',
        }}
      >
        <Form.Item
          name="period"
          label={t.year}
          rules={[{ required: true, pattern: /^\d{4}$/, message: t.year }]}
        >
          <Input inputMode="numeric" maxLength={4} placeholder="2026" />
        </Form.Item>
        <Form.Item name="value" label={t.value} rules={[{ required: true, message: t.value }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t.valueSource}
          rules={[{ required: series.source === null, whitespace: true, message: t.sourceRequired }]}
        >
          <Input maxLength={500} placeholder={t.sourcePlaceholder} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t.note}
          rules={[{ required: isCorrection, whitespace: true, message: t.notePlaceholder }]}
        >
          <Input maxLength={1000} placeholder={t.notePlaceholder} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t.addValue}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
