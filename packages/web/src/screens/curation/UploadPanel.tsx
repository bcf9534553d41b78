import { InboxOutlined } from '@ant-design/icons';
import { Button, Progress, Result, Spin, Upload } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { ImportResult } from '@plantrack/api';
import { FindingsPanel } from './FindingsPanel';
import { uploadWithProgress } from '../../api/upload-with-progress';

type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; fraction: number }
  | { step: 'ingesting' }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; problem: ApiProblem };

/** Uploads a revised outline: progress while sending, a busy state while the server ingests, then the summary. */
export function UploadPanel({
  t,
  onImported,
}: {
  t: CurationText;
  onImported: (result: ImportResult) => void;
}) {
  const [state, setState] = useState<UploadState>({ step: 'idle' });

  const start = async (file: File) => {
    setState({ step: 'uploading', fraction: 0 });
    try {
      const result = await uploadWithProgress<ImportResult>('/api/plans/import/file', file, (fraction) => {
        setState(fraction >= 1 ? { step: 'ingesting' } : { step: 'uploading', fraction });
      });
      setState({ step: 'done', result });
      onImported(result);
    } catch (failure) {
      const problem =
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '上传失败。', en: 'Upload failed.' });
      setState({ step: 'failed', problem });
    }
  };

  if (state.step === 'uploading') {
    return (
      <div role="status" aria-live="polite">
        <p>{t.uploading}</p>
        <Progress percent={Math.round(state.fraction * 100)} aria-label={t.uploading} />
      </div>
    );
  }
  if (state.step === 'ingesting') {
    return (
      <div role="status" aria-live="polite" style={{ padding: 24, textAlign: 'center' }}>
        <Spin />
        <p style={{ marginTop: 8 }}>{t.ingesting}</p>
      </div>
    );
  }
  if (state.step === 'done') {
    const { result } = state;
    return (
      <>
        <Result
          status="success"
          title={
            result.created
              ? format(t.uploadDone, { v: result.versionNo })
              : format(t.uploadSame, { v: result.versionNo })
          }
          subTitle={format(t.uploadDiff, {
            a: result.diff.added.length,
            r: result.diff.removed.length,
            c: result.diff.changed.length,
          })}
          extra={
            <Button
              onClick={() => {
                setState({ step: 'idle' });
              }}
            >
              {t.uploadAnother}
            </Button>
          }
        />
        <FindingsPanel planId={result.planId} versionId={result.versionId} t={t} />
      </>
    );
  }
  return (
    <>
      {state.step === 'failed' ? <ProblemAlert problem={state.problem} /> : null}
      <Upload.Dragger
        accept=".txt,.docx,.pdf"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void start(file);
          // The upload is ours (with progress and the ingesting state), not antd's.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t.uploadHint}</p>
        {/* The whole area is the (keyboard reachable) button; no second button inside it. */}
        <p>
          <strong>{t.uploadButton}</strong>
        </p>
      </Upload.Dragger>
    </>
  );
}
