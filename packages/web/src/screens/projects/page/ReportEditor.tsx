import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useServerCall } from '../../../api/use-server-call';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { entryMessages } from '../../../records/entry.messages';
import { EvidenceField } from '../../my-items/EvidenceField';
import { type ProjectReport, monthKey, reportEvidencePath } from './project-labels';
import { projectPageMessages } from './project-page.messages';

/** Which month the editor fills: an existing one (to edit or correct) or a new one. */
export type EditorTarget = { report: ProjectReport | null; correcting?: boolean };

type Values = {
  year: number;
  month: number;
  monthWan: number | null;
  ytdWan: number | null;
  progressText: string;
  reason: string;
};

/**
 * One month's figures: 完成投资, 年初至今累计 and 形象进度. The quality checks (累计 must not fall;
 * the month's amount not above the remaining investment) are the server's: their zh/en messages
 * are shown as they come.
 */
export function ReportEditor({
  projectId,
  target,
  defaultYear,
  onDone,
  onCancel,
}: {
  projectId: string;
  target: EditorTarget;
  defaultYear: number;
  onDone: (notice: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(projectPageMessages);
  const [form] = Form.useForm<Values>();
  const { pending, problem, run } = useServerCall();
  const r = target.report;
  const [attached, setAttached] = useState<string[]>(r?.evidenceIds ?? []);
  const entry = useMessages(entryMessages);
  // The photos belong to the month: the field appears once year and month are known.
  const year = Form.useWatch('year', form) as number | null | undefined;
  const month = Form.useWatch('month', form) as number | null | undefined;
  const monthKnown = typeof year === 'number' && typeof month === 'number' && month >= 1 && month <= 12;
  const correcting = target.correcting === true;
  const title =
    r === null
      ? t.newMonth
      : format(correcting ? t.correctTitle : t.editorTitle, { month: monthKey(r.year, r.month) });

  const send = async (action: 'save_draft' | 'submit' | 'correct') => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // The fields show what is missing.
    }
    await run(async () => {
      await api(`/api/projects/${encodeURIComponent(projectId)}/reports`, {
        json: {
          year: v.year,
          month: v.month,
          action,
          monthWan: v.monthWan ?? null,
          ytdWan: v.ytdWan ?? null,
          progressText: v.progressText.trim() === '' ? null : v.progressText.trim(),
          reason: correcting ? v.reason.trim() : null,
          evidenceIds: attached,
          // The revision on screen: a month someone else changed meanwhile is a 409, shown in place.
          expectedRevision: r?.revisionNo ?? 0,
        },
      });
      const month = monthKey(v.year, v.month);
      onDone(format(action === 'save_draft' ? t.saved : t.submitted, { month }));
    }, action);
  };

  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          year: r?.year ?? defaultYear,
          month: r?.month ?? undefined,
          monthWan: r?.monthWan ?? null,
          ytdWan: r?.ytdWan ?? null,
          progressText: r?.progressText ?? '',
          reason: '',
        }}
      >
        <Space wrap>
          <Form.Item name="year" label={t.year} rules={[{ required: true }]}>
            <InputNumber min={1950} max={2100} precision={0} disabled={r !== null} />
          </Form.Item>
          <Form.Item name="month" label={t.month} rules={[{ required: true, message: t.month }]}>
            <InputNumber min={1} max={12} precision={0} disabled={r !== null} />
          </Form.Item>
          <Form.Item name="monthWan" label={t.monthWan}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="ytdWan" label={t.ytdWan}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="progressText" label={t.progressText}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {monthKnown ? (
          <Form.Item label={t.photos}>
            <EvidenceField
              t={entry}
              recordPath={reportEvidencePath(projectId, year, month)}
              disabled={false}
              withdrawable={r === null || r.status === 'draft' || r.status === 'returned'}
              attached={attached}
              onChange={setAttached}
            />
          </Form.Item>
        ) : null}
        {correcting ? (
          <Form.Item
            name="reason"
            label={t.correctReason}
            rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
      <ProblemAlert problem={problem} />
      <Space wrap style={{ marginTop: 8 }}>
        {correcting ? (
          <Button type="primary" loading={pending === 'correct'} onClick={() => void send('correct')}>
            {t.submit}
          </Button>
        ) : (
          <>
            <Button loading={pending === 'save_draft'} onClick={() => void send('save_draft')}>
              {t.saveDraft}
            </Button>
            <Button type="primary" loading={pending === 'submit'} onClick={() => void send('submit')}>
              {t.submit}
            </Button>
          </>
        )}
        <Button onClick={onCancel}>{t.cancel}</Button>
      </Space>
    </Card>
  );
}
