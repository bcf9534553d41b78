import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Progress, Radio, Result, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { CellErrorsTable } from './CellErrorsTable';
import type { CellError, TemplateUploadResult } from '@plantrack/api';
import { type TemplateText, templateMessages } from './template.messages';
import { uploadWithProgress } from '../../api/upload-with-progress';
import { TemplateWarningDialog, type TemplateWarnings } from './TemplateWarningDialog';

type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; fraction: number }
  | { step: 'checking' }
  | { step: 'done'; result: TemplateUploadResult }
  | { step: 'warned'; file: File; sha256: string; warnings: TemplateWarnings }
  | { step: 'cells'; errors: CellError[] }
  | { step: 'failed'; problem: ApiProblem };

/** The wrong cells of a 422 workbook answer, or null for any other failure. */
function cellErrorsOf(problem: ApiProblem): CellError[] | null {
  const errors = problem.body.errors;
  if (problem.status !== 422 || !Array.isArray(errors)) return null;
  return errors as CellError[];
}

/** Excel round trip: download the department's template, upload it filled (all cells checked first). */
export function TemplatePanel({
  onUploaded,
  nameOf,
}: {
  onUploaded: () => void;
  /** An indicator's or task's name for the result table (its id when unknown). */
  nameOf: (id: string) => string;
}) {
  const t = useMessages(templateMessages);
  const [submit, setSubmit] = useState(false);
  const [state, setState] = useState<UploadState>({ step: 'idle' });

  /** Uploads the file; `confirmed`: the SHA-256 of the file whose warnings the reporter confirmed. */
  const start = async (file: File, confirmed?: string) => {
    setState({ step: 'uploading', fraction: 0 });
    const query = submit
      ? `?submit=true${confirmed === undefined ? '' : `&confirmWarnings=${confirmed}`}`
      : '';
    try {
      const result = await uploadWithProgress<TemplateUploadResult>(
        `/api/my/template.xlsx${query}`,
        file,
        (fraction) => {
          setState(fraction >= 1 ? { step: 'checking' } : { step: 'uploading', fraction });
        },
      );
      // A submission drawing quality warnings was held back (nothing saved): ask before sending it.
      if (result.warnings !== undefined && result.warnings.length > 0 && confirmed === undefined) {
        setState({ step: 'warned', file, sha256: result.sha256, warnings: result.warnings });
        return;
      }
      setState({ step: 'done', result });
      onUploaded();
    } catch (failure) {
      const problem =
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '上传失败。', en: 'The upload failed.' });
      const errors = cellErrorsOf(problem);
      setState(errors === null ? { step: 'failed', problem } : { step: 'cells', errors });
    }
  };

  return (
    <section aria-labelledby="template-heading">
      <Typography.Title level={2} id="template-heading" style={{ fontSize: 18 }}>
        {t.heading}
      </Typography.Title>
      <Typography.Paragraph>{t.steps}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Button href="/api/my/template.xlsx" download icon={<DownloadOutlined />}>
          {t.download}
        </Button>
        <Space>
          <span id="template-mode">{t.mode}</span>
          <Radio.Group
            aria-labelledby="template-mode"
            value={submit}
            onChange={(event) => {
              setSubmit(event.target.value as boolean);
            }}
            options={[
              { value: false, label: t.modeDraft },
              { value: true, label: t.modeSubmit },
            ]}
          />
        </Space>
        <TemplateWarningDialog
          warnings={state.step === 'warned' ? state.warnings : null}
          busy={false}
          nameOf={nameOf}
          onFix={() => {
            setState({ step: 'idle' });
          }}
          onConfirm={() => {
            if (state.step === 'warned') void start(state.file, state.sha256);
          }}
        />
        <UploadArea
          t={t}
          state={state}
          nameOf={nameOf}
          onFile={(file) => void start(file)}
          onReset={() => {
            setState({ step: 'idle' });
          }}
        />
      </Space>
    </section>
  );
}

function UploadArea({
  t,
  state,
  nameOf,
  onFile,
  onReset,
}: {
  t: TemplateText;
  state: UploadState;
  nameOf: (id: string) => string;
  onFile: (file: File) => void;
  onReset: () => void;
}) {
  const pick = useBilingual();
  if (state.step === 'uploading') {
    return (
      <div role="status" aria-live="polite">
        <p>{t.uploading}</p>
        <Progress percent={Math.round(state.fraction * 100)} aria-label={t.uploading} />
      </div>
    );
  }
  if (state.step === 'checking') {
    return (
      <div role="status" aria-live="polite" style={{ padding: 24, textAlign: 'center' }}>
        <Spin />
        <p style={{ marginTop: 8 }}>{t.checking}</p>
      </div>
    );
  }
  if (state.step === 'done') {
    return (
      <>
        <Result
          status={state.result.message === undefined ? 'success' : 'info'}
          title={state.result.message === undefined ? t.doneTitle : pick(state.result.message)}
          subTitle={format(t.doneCounts, state.result.counts)}
          extra={<Button onClick={onReset}>{t.uploadAnother}</Button>}
        />
        <UploadedRows t={t} result={state.result} nameOf={nameOf} />
      </>
    );
  }
  return (
    <>
      {state.step === 'failed' ? <ProblemAlert problem={state.problem} /> : null}
      {state.step === 'cells' ? <CellErrorsTable t={t} errors={state.errors} /> : null}
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t.uploadLabel}</p>
        <p className="ant-upload-hint">{t.uploadHint}</p>
      </Upload.Dragger>
    </>
  );
}

function UploadedRows({
  t,
  result,
  nameOf,
}: {
  t: TemplateText;
  result: TemplateUploadResult;
  nameOf: (id: string) => string;
}) {
  const outcomes: Record<string, string> = {
    saved: t.outcomeSaved,
    submitted: t.outcomeSubmitted,
    unchanged: t.outcomeUnchanged,
    replayed: t.outcomeReplayed,
  };
  const rows = [
    ...result.rows.map((r) => ({ ...r, sheet: t.sheetIndicators, id: r.indicatorId })),
    ...(result.taskRows ?? []).map((r) => ({ ...r, sheet: t.sheetTasks, id: r.taskId })),
  ];
  return (
    <Table
      aria-label={t.rowsTable}
      size="small"
      rowKey={(r) => `${r.sheet}:${r.row}`}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { title: t.colSheet, dataIndex: 'sheet', width: 100 },
        { title: t.colRow, dataIndex: 'row', width: 70 },
        { title: t.colIndicator, key: 'name', render: (_, r) => nameOf(r.id) },
        { title: t.colPeriod, dataIndex: 'period', width: 100 },
        { title: t.colOutcome, key: 'outcome', render: (_, r) => outcomes[r.outcome] ?? r.outcome },
      ]}
    />
  );
}
