import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Department, OpenRoundBody, PlanReportingCycles, Round } from '@plantrack/api';
import { api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { useServerCall } from '../../../api/use-server-call';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format } from '../../../i18n/i18n';
import type { RoundsText } from './rounds.messages';

type Frequency = Round['frequency'];
type Mode = OpenRoundBody['selection']['mode'];
type Fields = {
  name: string;
  frequency: Frequency;
  period: string;
  dueDate: string;
  reminderDays: number;
  semantics: OpenRoundBody['semantics'];
  mode: Mode;
  departments?: string[];
  indicatorKeys?: string[];
  taskKeys?: string[];
};

/** The period pattern and an example of each frequency (the API's 2026 / 2026H1 / 2026Q1 / 2026-03). */
const PERIODS: Record<Frequency, { pattern: RegExp; example: string }> = {
  annual: { pattern: /^\d{4}$/, example: '2026' },
  half_yearly: { pattern: /^\d{4}H[12]$/, example: '2027H1' },
  quarterly: { pattern: /^\d{4}Q[1-4]$/, example: '2027Q1' },
  monthly: { pattern: /^\d{4}-(?:0[1-9]|1[0-2])$/, example: '2027-03' },
};

function selectionOf(v: Fields): OpenRoundBody['selection'] {
  if (v.mode === 'departments') return { mode: 'departments', departments: v.departments ?? [] };
  if (v.mode === 'list')
    return { mode: 'list', indicatorKeys: v.indicatorKeys ?? [], taskKeys: v.taskKeys ?? [] };
  return { mode: 'all' };
}

/**
 * 开启新轮次: name, period and frequency, due date, reminder days, the figure's period semantics and
 * the items asked (all, by department, or picked one by one). The server checks everything again.
 */
export function OpenRoundForm({
  t,
  planId,
  onOpened,
  onCancel,
}: {
  t: RoundsText;
  planId: string;
  onOpened: (round: Round) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Fields>();
  const { busy, problem, run } = useServerCall();
  const mode = Form.useWatch('mode', form) ?? 'all';
  const frequency = Form.useWatch('frequency', form) ?? 'annual';
  const plan = encodeURIComponent(planId);
  const departments = useApi<Department[]>(mode === 'departments' ? `/api/departments?planId=${plan}` : null);
  const items = useApi<PlanReportingCycles>(mode === 'list' ? `/api/plans/${plan}/reporting-cycles` : null);
  const options = (kind: 'indicator' | 'task') =>
    (items.data?.items ?? [])
      .filter((i) => i.subjectKind === kind)
      .map((i) => ({ value: i.key, label: i.name }));

  const submit = async (v: Fields) => {
    const body: OpenRoundBody = {
      name: v.name,
      period: v.period.trim(),
      dueDate: v.dueDate,
      reminderDays: v.reminderDays,
      semantics: v.semantics,
      selection: selectionOf(v),
    };
    await run(async () => {
      onOpened(await api<Round>(`/api/plans/${plan}/rounds`, { json: body }));
    });
  };

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      aria-label={t.formTitle}
      initialValues={{ frequency: 'annual', reminderDays: 7, semantics: 'annual_value', mode: 'all' }}
      onFinish={(v) => void submit(v)}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        name="name"
        label={t.name}
        rules={[{ required: true, whitespace: true, message: t.nameRequired }]}
      >
        <Input placeholder={t.namePlaceholder} maxLength={100} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="frequency" label={t.frequency}>
          <Radio.Group
            optionType="button"
            options={(['annual', 'half_yearly', 'quarterly', 'monthly'] as const).map((f) => ({
              value: f,
              label: t[`freq_${f}`],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t.period}
          extra={t.periodHelp}
          rules={[
            {
              required: true,
              pattern: PERIODS[frequency].pattern,
              message: format(t.periodInvalid, { example: PERIODS[frequency].example }),
            },
          ]}
        >
          <Input placeholder={PERIODS[frequency].example} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="dueDate" label={t.dueDate} rules={[{ required: true, message: t.dueRequired }]}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reminderDays" label={t.reminderDays} rules={[{ required: true }]}>
          <InputNumber min={0} max={366} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Form.Item name="semantics" label={t.semantics}>
        <Radio.Group
          options={(['annual_value', 'year_to_date'] as const).map((s) => ({
            value: s,
            label: t[`sem_${s}`],
          }))}
        />
      </Form.Item>
      <Form.Item name="mode" label={t.selection}>
        <Radio.Group
          options={(['all', 'departments', 'list'] as const).map((m) => ({ value: m, label: t[`sel_${m}`] }))}
        />
      </Form.Item>
      {mode === 'departments' ? (
        <Form.Item
          name="departments"
          label={t.departments}
          rules={[{ required: true, message: t.departmentsRequired }]}
        >
          <Select
            mode="multiple"
            aria-label={t.departments}
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.loading}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.canonicalName }))}
          />
        </Form.Item>
      ) : null}
      {mode === 'list' ? (
        <>
          <Form.Item name="indicatorKeys" label={t.indicators}>
            <Select
              mode="multiple"
              aria-label={t.indicators}
              showSearch={{ optionFilterProp: 'label' }}
              options={options('indicator')}
            />
          </Form.Item>
          <Form.Item
            name="taskKeys"
            label={t.tasks}
            dependencies={['indicatorKeys']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string[] | undefined) =>
                  (value?.length ?? 0) +
                    ((getFieldValue('indicatorKeys') as string[] | undefined)?.length ?? 0) >
                  0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.listRequired)),
              }),
            ]}
          >
            <Select
              mode="multiple"
              aria-label={t.tasks}
              showSearch={{ optionFilterProp: 'label' }}
              options={options('task')}
            />
          </Form.Item>
        </>
      ) : null}
      <ProblemAlert problem={problem ?? departments.error ?? items.error} />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.submit}
        </Button>
        <Button onClick={onCancel}>{t.cancel}</Button>
      </Space>
    </Form>
  );
}
