import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import type { EvidenceFile } from '@plantrack/api';
import type { EntryText } from '../../records/entry.messages';
import { uploadWithProgress } from '../../api/upload-with-progress';
import { EvidenceAction, useEvidenceNotice } from '../../records/EvidenceAction';
import { evidenceMessages } from '../../records/evidence.messages';
import { EvidenceFileLine } from '../../records/EvidenceFileLine';

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt,.csv';

/**
 * The evidence files attached to a submission: upload more (with progress, the limits stated
 * beforehand and the server's bilingual refusal shown), take one off the submission, or (draft
 * or returned revision) withdraw one so it is never shown outside the department and reviewers.
 * Files stay stored with the record; `attached` is what the submission will reference, and never
 * holds a withdrawn or redacted file. Those are listed apart, with their state.
 */
export function EvidenceField({
  t,
  recordPath,
  disabled,
  withdrawable,
  attached,
  onChange,
}: {
  t: EntryText;
  /** `/api/observations/{key}` or `/api/progress-reports/{key}` (key URL-encoded). */
  recordPath: string;
  disabled: boolean;
  /** The record's latest revision is a draft or returned: its files may be withdrawn. */
  withdrawable: boolean;
  attached: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const files = useApi<EvidenceFile[]>(`${recordPath}/evidence`);
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const ev = useMessages(evidenceMessages);
  const { notice, announce } = useEvidenceNotice();
  const shown = (files.data ?? []).filter((f) => f.state === 'active' && attached.includes(f.id));
  const removed = (files.data ?? []).filter((f) => f.state !== 'active');

  // A file withdrawn or redacted meanwhile (here, elsewhere, by the office) is not named again.
  useEffect(() => {
    const gone = new Set((files.data ?? []).filter((f) => f.state !== 'active').map((f) => f.id));
    if (attached.some((id) => gone.has(id))) onChange(attached.filter((id) => !gone.has(id)));
  }, [files.data, attached, onChange]);

  const send = async (file: File) => {
    setProblem(undefined);
    setUpload({ name: file.name, fraction: 0 });
    try {
      const stored = await uploadWithProgress<EvidenceFile>(`${recordPath}/evidence`, file, (fraction) => {
        setUpload({ name: file.name, fraction });
      });
      if (!attached.includes(stored.id)) onChange([...attached, stored.id]);
      files.reload();
    } catch (failure) {
      setProblem(
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '上传失败。', en: 'The upload failed.' }),
      );
    } finally {
      setUpload(null);
    }
  };

  return (
    <section aria-label={t.evidence}>
      <Typography.Paragraph type="secondary" id="evidence-limits" style={{ marginBottom: 8 }}>
        {t.evidenceLimits}
      </Typography.Paragraph>
      {shown.length === 0 ? (
        <Typography.Paragraph type="secondary">{t.evidenceNone}</Typography.Paragraph>
      ) : (
        <ul aria-label={t.evidenceListLabel} style={{ listStyle: 'none', padding: 0 }}>
          {shown.map((f) => (
            <li key={f.id} style={{ marginBottom: 4 }}>
              <EvidenceFileLine
                file={f}
                action={
                  disabled ? null : (
                    <>
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={format(t.evidenceRemove, { name: f.fileName })}
                        onClick={() => {
                          onChange(attached.filter((id) => id !== f.id));
                        }}
                      />
                      {withdrawable ? (
                        <EvidenceAction
                          kind="withdraw"
                          file={f}
                          onDone={(updated) => {
                            onChange(attached.filter((id) => id !== f.id));
                            announce(updated);
                            files.reload();
                          }}
                        />
                      ) : null}
                    </>
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      {removed.length === 0 ? null : (
        <ul aria-label={ev.removedListLabel} style={{ listStyle: 'none', padding: 0 }}>
          {removed.map((f) => (
            <li key={f.id} style={{ marginBottom: 4 }}>
              <EvidenceFileLine file={f} />
            </li>
          ))}
        </ul>
      )}
      {notice}
      <ProblemAlert problem={files.error ?? problem} />
      {upload === null ? null : (
        <div role="status" aria-live="polite">
          {format(t.evidenceUploading, { name: upload.name })}
          <Progress percent={Math.round(upload.fraction * 100)} size="small" />
        </div>
      )}
      {disabled ? null : (
        <Upload
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={upload !== null} aria-describedby="evidence-limits">
            {t.evidenceUpload}
          </Button>
        </Upload>
      )}
    </section>
  );
}
