import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { NewReport, Report, ReportKindName } from '@plantrack/api';
import { api } from '../../api/client';
import { useServerCall } from '../../api/use-server-call';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { REPORT_KIND_ORDER, kindLabel } from './report-labels';
import { reportsMessages } from './reports.messages';

type Fields = { kind: ReportKindName; year: number; asOf?: string };

/** 生成报告: kind, year and as-of date; the new report opens at once. */
export function NewReportForm({ planId }: { planId: string }) {
  const t = useMessages(reportsMessages);
  const navigate = useNavigate();
  const { busy, problem, run } = useServerCall();
  const lastYear = new Date().getFullYear() - 1;

  const create = async (v: Fields) => {
    const body: NewReport = { kind: v.kind, year: v.year };
    if (v.asOf !== undefined && v.asOf !== '') body.asOf = v.asOf;
    await run(async () => {
      const report = await api<Report>(`/api/plans/${encodeURIComponent(planId)}/reports`, { json: body });
      void navigate(`/reports/${encodeURIComponent(report.id)}`);
    });
  };

  return (
    <section aria-labelledby="report-generate">
      <Typography.Title level={2} id="report-generate" style={{ fontSize: 18 }}>
        {t.generate}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.generateHint}</Typography.Paragraph>
      <Form<Fields>
        layout="inline"
        initialValues={{ kind: 'annual', year: lastYear }}
        onFinish={(v) => void create(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="kind" label={t.kind}>
          <Select
            aria-label={t.kind}
            style={{ minWidth: 180 }}
            options={REPORT_KIND_ORDER.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t.year} rules={[{ required: true, message: t.yearRequired }]}>
          <InputNumber aria-label={t.year} min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="asOf" label={t.asOf} tooltip={t.asOfHelp}>
          <Input type="date" aria-label={t.asOf} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.generate}
          </Button>
        </Form.Item>
      </Form>
      <ProblemAlert problem={problem} />
    </section>
  );
}
