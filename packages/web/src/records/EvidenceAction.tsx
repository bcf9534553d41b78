import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { ApiProblem, api } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { format, useMessages } from '../i18n/i18n';
import { type EvidenceText, evidenceMessages } from './evidence.messages';
import type { EvidenceFile } from '@plantrack/api';

/** `withdraw`: the department takes a file off a draft or returned submission; `redact`: the office removes its bytes. */
export type EvidenceActionKind = 'withdraw' | 'redact';

/**
 * The button that withdraws or redacts one evidence file, and its confirmation dialog (a reason:
 * optional to withdraw, required to redact). The server decides; its zh/en refusal is shown in
 * the dialog, which stays open. `onDone` gets the file as it now stands.
 */
export function EvidenceAction({
  kind,
  file,
  onDone,
}: {
  kind: EvidenceActionKind;
  file: EvidenceFile;
  onDone: (file: EvidenceFile) => void;
}) {
  const t = useMessages(evidenceMessages);
  const [open, setOpen] = useState(false);
  const name = { name: file.fileName };
  return (
    <>
      <Button
        size="small"
        danger={kind === 'redact'}
        aria-label={format(kind === 'redact' ? t.redactFile : t.withdrawFile, name)}
        onClick={() => {
          setOpen(true);
        }}
      >
        {kind === 'redact' ? t.redact : t.withdraw}
      </Button>
      {open ? (
        <ReasonDialog
          t={t}
          kind={kind}
          file={file}
          onCancel={() => {
            setOpen(false);
          }}
          onDone={(updated) => {
            setOpen(false);
            onDone(updated);
          }}
        />
      ) : null}
    </>
  );
}

function ReasonDialog({
  t,
  kind,
  file,
  onCancel,
  onDone,
}: {
  t: EvidenceText;
  kind: EvidenceActionKind;
  file: EvidenceFile;
  onCancel: () => void;
  onDone: (file: EvidenceFile) => void;
}) {
  const [form] = Form.useForm<{ reason: string | undefined }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const redact = kind === 'redact';

  const confirm = async () => {
    let reason: string;
    try {
      reason = ((await form.validateFields()).reason ?? '').trim();
    } catch {
      return; // The field shows what is missing.
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const updated = await api<EvidenceFile>(`/api/evidence/${encodeURIComponent(file.id)}/${kind}`, {
        json: reason === '' ? {} : { reason },
      });
      onDone(updated);
    } catch (failure) {
      setBusy(false);
      setProblem(
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '操作失败。', en: 'The request failed.' }),
      );
    }
  };

  return (
    <Modal
      open
      title={format(redact ? t.redactTitle : t.withdrawTitle, { name: file.fileName })}
      okText={redact ? t.confirmRedact : t.confirmWithdraw}
      okButtonProps={{ danger: redact, loading: busy }}
      cancelText={t.cancel}
      onCancel={onCancel}
      onOk={() => void confirm()}
      destroyOnHidden
    >
      <Typography.Paragraph>{redact ? t.redactIntro : t.withdrawIntro}</Typography.Paragraph>
      <Form form={form} layout="vertical" name={`evidence-${kind}`}>
        <Form.Item
          name="reason"
          label={redact ? t.redactReason : t.withdrawReason}
          extra={redact ? t.redactReasonHelp : undefined}
          rules={redact ? [{ required: true, whitespace: true, message: t.redactReasonRequired }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
      <ProblemAlert problem={problem} />
    </Modal>
  );
}

/**
 * A polite live region saying what the last withdrawal or redaction did: the button that did it
 * goes away with the change, so the screen that lists the files keeps the announcement.
 */
export function useEvidenceNotice(): { notice: ReactNode; announce: (file: EvidenceFile) => void } {
  const t = useMessages(evidenceMessages);
  const [done, setDone] = useState<EvidenceFile | null>(null);
  const announce = useCallback((file: EvidenceFile) => {
    setDone(file);
  }, []);
  const text =
    done === null
      ? null
      : format(done.state === 'redacted' ? t.redacted : t.withdrawn, { name: done.fileName });
  const notice = (
    <div role="status" aria-live="polite">
      {text === null ? null : <Alert type="success" showIcon title={text} />}
    </div>
  );
  return { notice, announce };
}
