import { Alert, Button, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ApiProblem, api } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useMessages } from '../../../i18n/i18n';
import { ImportPreview, type Answers } from './ImportPreview';
import { projectImportMessages } from './project-import.messages';
import type { ProjectImportResultView } from '@plantrack/api';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'previewed'; result: ProjectImportResultView }
  | { step: 'committed'; result: ProjectImportResultView }
  | { step: 'failed'; problem: ApiProblem };

/** `5:update,9:create` for the rows matched by name only. */
function confirmQuery(answers: Answers): string {
  return Object.entries(answers)
    .map(([row, answer]) => `${row}:${answer}`)
    .join(',');
}

/**
 * The planning office's annual project sheet: preview (mapping, ignored columns, skipped total and
 * group rows, the rows, per-cell zh/en errors, name-only matches to answer), then commit — all or
 * nothing. A sheet with errors is fixed in Excel and uploaded again; the export writes the same
 * layout back.
 */
export function ProjectImportPanel({ planId }: { planId: string }) {
  const t = useMessages(projectImportMessages);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [answers, setAnswers] = useState<Answers>({});
  const [busy, setBusy] = useState(false);
  const base = `/api/plans/${encodeURIComponent(planId)}/projects`;

  const send = async (chosen: File, commit: boolean) => {
    const query = new URLSearchParams({ mode: commit ? 'commit' : 'preview', year: String(year) });
    if (commit && Object.keys(answers).length > 0) query.set('confirm', confirmQuery(answers));
    const form = new FormData();
    form.append('file', chosen);
    if (commit) setBusy(true);
    else setState({ step: 'checking' });
    try {
      const result = await api<ProjectImportResultView>(`${base}/import?${query.toString()}`, { form });
      setState({ step: result.committed ? 'committed' : 'previewed', result });
    } catch (failure) {
      const problem =
        failure instanceof ApiProblem
          ? failure
          : new ApiProblem(0, 'client', { zh: '上传失败。', en: 'The upload failed.' });
      setState({ step: 'failed', problem });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="project-import-heading">
      <Typography.Title level={2} id="project-import-heading" style={{ fontSize: 18 }}>
        {t.heading}
      </Typography.Title>
      <Typography.Paragraph>{t.steps}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Select<number>
            aria-label={t.year}
            prefix={`${t.year}：`}
            value={year}
            onChange={(value) => {
              setYear(value);
              setState({ step: 'idle' });
              setFile(null);
            }}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: format(t.yearOption, { year: y }),
            }))}
          />
          <Button href={`${base}/export.xlsx?year=${year}`} download icon={<DownloadOutlined />}>
            {t.export}
          </Button>
        </Space>
        {/* The label is the touch target: a thumb's height on a phone. */}
        <label
          style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, minHeight: 44 }}
        >
          {t.choose}
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ maxWidth: '100%' }}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              // The same file chosen again (after fixing it in Excel) must fire a change too.
              event.target.value = '';
              setFile(chosen);
              setAnswers({});
              if (chosen !== null) void send(chosen, false);
            }}
          />
        </label>
        {state.step === 'checking' ? (
          <div role="status" aria-live="polite">
            <Spin /> {t.checking}
          </div>
        ) : null}
        {state.step === 'failed' ? <ProblemAlert problem={state.problem} /> : null}
        {state.step === 'committed' ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={format(t.committed, { created: state.result.created, updated: state.result.updated })}
          />
        ) : null}
        {state.step === 'previewed' ? (
          <ImportPreview
            result={state.result}
            answers={answers}
            onAnswer={(rows, answer) => {
              setAnswers((current) => ({ ...current, ...Object.fromEntries(rows.map((r) => [r, answer])) }));
            }}
            busy={busy}
            onCommit={() => {
              if (file !== null) void send(file, true);
            }}
          />
        ) : null}
      </Space>
    </section>
  );
}
