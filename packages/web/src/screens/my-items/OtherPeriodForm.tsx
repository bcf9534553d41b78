import { Button, Card, Form, Input, Select, Typography } from 'antd';
import type { RecordElement } from '../../records/record-kinds';
import type { MyItemsText } from './my-items.messages';
import type { OwnedItems } from '@plantrack/api';
import { PERIOD_PATTERN } from './my-items.types';

type OtherPeriod = { item: string; period: string };

/** Opens the form of an owned item for a period of the user's choosing (not yet owed, or older). */
export function OtherPeriodForm({
  t,
  owned,
  onOpen,
}: {
  t: MyItemsText;
  owned: OwnedItems;
  onOpen: (kind: RecordElement, id: string, period: string) => void;
}) {
  const [form] = Form.useForm<OtherPeriod>();
  const options = owned.flatMap((plan) => [
    ...plan.indicators.map((i) => ({ value: `indicator:${i.id}`, label: `${i.seq}. ${i.name}` })),
    ...plan.tasks.map((task) => ({ value: `task:${task.id}`, label: task.measure })),
  ]);
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t.otherTitle}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t.otherIntro}</Typography.Paragraph>
      <Form<OtherPeriod>
        form={form}
        name="other-period"
        layout="inline"
        initialValues={{ period: String(new Date().getFullYear()) }}
        onFinish={(v) => {
          const at = v.item.indexOf(':');
          onOpen(v.item.slice(0, at) as RecordElement, v.item.slice(at + 1), v.period.trim());
        }}
      >
        <Form.Item name="item" label={t.otherItem} rules={[{ required: true, message: t.otherItemRequired }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t.otherItemPlaceholder}
            options={options}
            style={{ width: 360 }}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t.otherPeriod}
          tooltip={t.otherPeriodHelp}
          rules={[{ required: true, pattern: PERIOD_PATTERN, message: t.otherPeriodInvalid }]}
        >
          <Input style={{ width: 120 }} placeholder={t.otherPeriodHelp} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t.otherOpen}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
