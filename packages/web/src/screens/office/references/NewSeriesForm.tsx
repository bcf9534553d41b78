import { App, Button, Card, Form, Input, Select } from 'antd';
import type { ReferenceSeries } from '@plantrack/api';
import { ApiProblem, api } from '../../../api/client';
import { useBilingual } from '../../../i18n/i18n';
import type { ReferencesText } from './references.messages';

type Fields = {
  name: string;
  kind: ReferenceSeries['kind'];
  unit?: string;
  source?: string;
  indicatorId?: string;
};

/** A stable key for a new series: the plan keeps it across versions; the office never types it. */
function newKey(kind: string): string {
  return `${kind}-${Date.now().toString(36)}`.slice(0, 64);
}

/** Creates a reference series and, when an indicator is chosen, links it at once. */
export function NewSeriesForm({
  planId,
  t,
  kindOptions,
  indicators,
  preselected,
  onCreated,
}: {
  planId: string;
  t: ReferencesText;
  kindOptions: { value: ReferenceSeries['kind']; label: string }[];
  indicators: { id: string; label: string }[];
  preselected: string | null;
  onCreated: () => void;
}) {
  const { message } = App.useApp();
  const pick = useBilingual();
  const [form] = Form.useForm<Fields>();

  const create = async (f: Fields) => {
    try {
      const series = await api<ReferenceSeries>(`/api/plans/${planId}/reference-series`, {
        json: {
          key: newKey(f.kind),
          name: f.name.trim(),
          kind: f.kind,
          unit: f.unit?.trim() || null,
          source: f.source?.trim() || null,
        },
      });
      if (f.indicatorId !== undefined && f.indicatorId !== '') {
        await api(`/api/indicators/${encodeURIComponent(f.indicatorId)}/reference-series`, {
          method: 'PUT',
          json: { seriesId: series.id },
        });
      }
      void message.success(t.created);
      form.resetFields();
      onCreated();
    } catch (error) {
      if (error instanceof ApiProblem) void message.error(pick(error.messages));
      else throw error;
    }
  };

  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{t.newSeries}</h3>}
      style={{ marginBottom: 16 }}
    >
      <Form<Fields>
        form={form}
        name="new-series"
        layout="vertical"
        aria-label={t.newSeries}
        initialValues={{ kind: 'city-average', indicatorId: preselected ?? '' }}
        onFinish={(f) => void create(f)}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
          columnGap: 12,
          alignItems: 'end',
        }}
      >
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.name }]}>
          <Input maxLength={200} placeholder={t.namePlaceholder} />
        </Form.Item>
        <Form.Item name="kind" label={t.kind} rules={[{ required: true }]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="unit" label={t.unit}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="source" label={t.source}>
          <Input maxLength={500} placeholder={t.sourcePlaceholder} />
        </Form.Item>
        <Form.Item name="indicatorId" label={t.linkAfterCreate}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t.linkNone },
              ...indicators.map((i) => ({ value: i.id, label: i.label })),
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t.create}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
