import { Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { type EntryText, entryMessages } from './entry.messages';
import { EvidenceField } from './EvidenceField';
import { HistorySection, SubmitBar, textOrNull } from './entry-parts';
import type { PeriodItem, ProgressCode, ProgressReportRevision as ProgressRevision } from '@plantrack/api';
import { recordKeyOf } from './my-items.types';
import { RecordStatus, WriteFeedback } from './RecordStatus';
import { useRecordWriter } from './use-record-writer';
import { progressLabels } from './progress-labels';

type ProgressForm = {
  progress: ProgressCode | undefined;
  narrative: string;
  comment: string;
  reason: string;
};

/** The progress report of one task × period: its revisions, then the form. */
export function ProgressEntry({ item, onSaved }: { item: PeriodItem; onSaved: () => void }) {
  const t = useMessages(entryMessages);
  const recordKey = recordKeyOf({ kind: 'task', id: item.id, period: item.period });
  const recordPath = `/api/progress-reports/${encodeURIComponent(recordKey)}`;
  const history = useApi<ProgressRevision[]>(`${recordPath}/history`);
  if (history.data === undefined) {
    return history.error === undefined ? (
      <PageLoading />
    ) : (
      <ProblemAlert problem={history.error} onRetry={history.reload} />
    );
  }
  return (
    <ProgressEditor
      t={t}
      item={item}
      recordKey={recordKey}
      recordPath={recordPath}
      current={history.data.at(-1) ?? null}
      loadProblem={history.error}
      reload={history.reload}
      onSaved={onSaved}
    />
  );
}

function ProgressEditor({
  t,
  item,
  recordKey,
  recordPath,
  current,
  loadProblem,
  reload,
  onSaved,
}: {
  t: EntryText;
  item: PeriodItem;
  recordKey: string;
  recordPath: string;
  current: ProgressRevision | null;
  loadProblem: ApiProblem | undefined;
  reload: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ProgressForm>();
  const writer = useRecordWriter();
  // Filled once from the record; a reload after a 409 keeps what the user typed.
  const [initialValues] = useState<ProgressForm>(() => ({
    progress: current?.values.progress,
    narrative: current?.values.narrative ?? '',
    comment: current?.values.comment ?? '',
    reason: '',
  }));
  const [evidence, setEvidence] = useState<string[]>(() => current?.values.evidence ?? []);
  const locked = current?.status === 'submitted';
  const correcting = current?.status === 'approved';
  const labels = progressLabels(t);

  const send = async (action: 'save_draft' | 'submit') => {
    let v: ProgressForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const values = {
      progress: v.progress,
      narrative: v.narrative.trim(),
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
        : await writer.write('/api/progress-reports', {
            taskId: item.id,
            period: item.period,
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
      <Form<ProgressForm>
        form={form}
        name="progress-report"
        layout="vertical"
        initialValues={initialValues}
        disabled={locked}
        onValuesChange={writer.newAttempt}
      >
        <Form.Item
          name="progress"
          label={t.progress}
          rules={[{ required: true, message: t.progressRequired }]}
        >
          <Radio.Group
            optionType="button"
            options={(Object.keys(labels) as ProgressCode[]).map((code) => ({
              value: code,
              label: labels[code],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="narrative"
          label={t.narrative}
          rules={[{ required: true, whitespace: true, message: t.narrativeRequired }]}
        >
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="comment" label={t.comment}>
          <Input.TextArea rows={2} maxLength={4000} />
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
      {current === null ? null : <HistorySection t={t} kind="task" recordKey={recordKey} />}
    </Space>
  );
}
