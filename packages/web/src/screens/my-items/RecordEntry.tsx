import { Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { entryMessages } from '../../records/entry.messages';
import { EvidenceField } from './EvidenceField';
import { HistorySection, SubmitBar, textOrNull } from './entry-parts';
import type { EntryForm, EntryKind, EntryLoad } from './entry-kind';
import type { PeriodItem, QualityFlag, RecordRevision as AnyRevision } from '@plantrack/api';
import { PreSubmitWarning } from './PreSubmitWarning';
import { RecordStatus, WriteFeedback } from './RecordStatus';
import { useRecordWriter } from './use-record-writer';

type EditorProps<F extends object, Rev extends AnyRevision, C> = {
  kind: EntryKind<F, Rev, C>;
  item: PeriodItem;
  onSaved: () => void;
};

/** The record of one item × period, of any kind: loaded, then its editor. */
export function RecordEntry<F extends object, Rev extends AnyRevision, C>({
  kind,
  item,
  onSaved,
}: EditorProps<F, Rev, C>) {
  const loaded = kind.useLoad(item);
  if (loaded.data === undefined) {
    return loaded.error === undefined ? (
      <PageLoading />
    ) : (
      <ProblemAlert problem={loaded.error} onRetry={loaded.reload} />
    );
  }
  return (
    <RecordEditor
      kind={kind}
      item={item}
      load={loaded.data}
      loadProblem={loaded.error}
      reload={loaded.reload}
      onSaved={onSaved}
    />
  );
}

function RecordEditor<F extends object, Rev extends AnyRevision, C>({
  kind,
  item,
  load,
  loadProblem,
  reload,
  onSaved,
}: EditorProps<F, Rev, C> & {
  load: EntryLoad<Rev, C>;
  loadProblem: ReturnType<EntryKind<F, Rev, C>['useLoad']>['error'];
  reload: () => void;
}) {
  const t = useMessages(entryMessages);
  const { current } = load;
  const [form] = Form.useForm<EntryForm<F>>();
  const writer = useRecordWriter();
  // Filled once from the record; a reload after a 409 keeps what the user typed.
  const [initialFields] = useState<F>(() => kind.initialFields(load));
  const [initialValues] = useState<EntryForm<F>>(() => ({
    ...initialFields,
    comment: current?.values.comment ?? '',
    reason: '',
  }));
  const [evidence, setEvidence] = useState<string[]>(() => current?.values.evidence ?? []);
  const { recordKey, ref } = kind.useRecordRef(form, item, current, initialFields);
  const recordPath = `${kind.record.apiPath}/${encodeURIComponent(recordKey)}`;
  const locked = current?.status === 'submitted';
  const correcting = current?.status === 'approved';

  // Warnings the checks raised for the values about to be submitted, until fixed or confirmed.
  const [warned, setWarned] = useState<{ flags: QualityFlag[]; action: 'save_draft' | 'submit' } | null>(
    null,
  );

  const send = async (action: 'save_draft' | 'submit', confirmed: readonly QualityFlag[] | null = null) => {
    let v: EntryForm<F>;
    try {
      v = await form.validateFields();
    } catch {
      return; // The fields show what is missing.
    }
    const values = { ...kind.toValues(v), comment: textOrNull(v.comment), evidence };
    const submitting = action === 'submit' || correcting;
    if (submitting && confirmed === null && kind.checkBeforeSubmit !== undefined) {
      let flags: QualityFlag[] = [];
      try {
        flags = await kind.checkBeforeSubmit(ref, values, evidence.length);
      } catch {
        flags = []; // The submission runs the same checks and stores their flags for the reviewer.
      }
      if (flags.length > 0) {
        setWarned({ flags, action });
        return;
      }
    }
    const confirmedWarnings = confirmed === null ? {} : { confirmedWarnings: confirmed.map((f) => f.code) };
    const written =
      correcting && current !== null
        ? await writer.write(`${recordPath}/correct`, {
            expectedRevision: current.revisionNo,
            values,
            reason: v.reason,
            ...confirmedWarnings,
          })
        : await writer.write(kind.record.apiPath, {
            ...ref,
            action,
            expectedRevision: current?.revisionNo ?? 0,
            values,
            ...confirmedWarnings,
          });
    setWarned(null);
    if (written !== null) {
      reload();
      onSaved();
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RecordStatus t={t} current={current} />
      <ProblemAlert problem={loadProblem} onRetry={reload} />
      <Form<EntryForm<F>>
        form={form}
        name={kind.record.formName}
        layout="vertical"
        initialValues={initialValues}
        disabled={locked}
        onValuesChange={writer.newAttempt}
      >
        <kind.Fields t={t} context={load.context} current={current} evidenceCount={evidence.length} />
        <Form.Item name="comment" label={t.comment}>
          <Input.TextArea rows={kind.commentRows} maxLength={4000} />
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
      {current === null ? null : <HistorySection t={t} kind={kind.record.element} recordKey={recordKey} />}
      <PreSubmitWarning
        flags={warned?.flags ?? null}
        busy={writer.busy}
        onFix={() => {
          setWarned(null);
        }}
        onConfirm={() => {
          if (warned !== null) void send(warned.action, warned.flags);
        }}
      />
    </Space>
  );
}
