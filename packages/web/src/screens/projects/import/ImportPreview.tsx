import { Alert, Button, Radio, Space, Table, Typography } from 'antd';
import { format, useBilingual, useLang, useMessages } from '../../../i18n/i18n';
import { wan } from '../project-format';
import { ScrollRegion } from '../ScrollRegion';
import { type ProjectImportText, projectImportMessages } from './project-import.messages';
import type { ProjectImportResultView } from '@plantrack/api';

/** The office's answer per row matched by name only. */
export type Answers = Record<number, 'update' | 'create'>;

type Result = ProjectImportResultView;
type Field = Result['mapping'][number]['field'];

const fieldLabel = (t: ProjectImportText, field: Field): string => t[`field${field}`];

const sub = (text: string) => <h3 style={{ fontSize: 15, margin: '8px 0' }}>{text}</h3>;

/** What a preview found: summary, errors to fix, name-only matches to answer, mapping, rows. */
export function ImportPreview({
  result,
  answers,
  onAnswer,
  busy,
  onCommit,
}: {
  result: Result;
  answers: Answers;
  onAnswer: (rows: readonly number[], answer: 'update' | 'create') => void;
  busy: boolean;
  onCommit: () => void;
}) {
  const t = useMessages(projectImportMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const toConfirm = result.matches.filter((m) => m.outcome === 'confirm');
  const unanswered = toConfirm.filter((m) => answers[m.row] === undefined).length;
  const clean = result.errors.length === 0 && result.rows.length > 0;
  const outcomes = new Map(result.matches.map((m) => [m.row, m]));
  const outcomeText = (row: number): string => {
    const m = outcomes.get(row);
    if (m === undefined) return '—';
    if (m.outcome === 'create') return t.outcomeCreate;
    if (m.outcome === 'confirm') return t.outcomeConfirm;
    return m.matchedBy === 'name' ? t.outcomeUpdateByName : t.outcomeUpdate;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={clean ? (toConfirm.length > 0 ? 'warning' : 'success') : 'error'}
        showIcon
        role="status"
        title={format(t.summary, {
          sheet: result.sheet,
          rows: result.rows.length,
          errors: result.errors.length,
          skipped: result.skipped.length,
        })}
        description={
          !clean ? t.fix : toConfirm.length > 0 ? format(t.needAnswers, { n: toConfirm.length }) : t.ready
        }
      />

      {result.errors.length === 0 ? null : (
        <section>
          {sub(format(t.errors, { n: result.errors.length }))}
          <ScrollRegion label={t.errorsTable}>
            <Table
              size="small"
              rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.messages.zh}`}
              pagination={false}
              dataSource={result.errors}
              aria-label={t.errorsTable}
              columns={[
                {
                  title: t.errorPlace,
                  key: 'place',
                  render: (_, e) =>
                    e.column === null
                      ? format(t.errorRowText, { row: e.row })
                      : format(t.errorPlaceText, { row: e.row, column: e.column }),
                },
                {
                  title: t.field,
                  key: 'field',
                  responsive: ['md'],
                  render: (_, e) => (e.field === null ? '—' : fieldLabel(t, e.field)),
                },
                { title: t.message, key: 'message', render: (_, e) => pick(e.messages) },
              ]}
            />
          </ScrollRegion>
        </section>
      )}

      {toConfirm.length === 0 || !clean ? null : (
        <section>
          {sub(t.matches)}
          <Space wrap style={{ marginBottom: 8 }}>
            <Button
              onClick={() => {
                onAnswer(
                  toConfirm.map((m) => m.row),
                  'update',
                );
              }}
            >
              {t.answerAllUpdate}
            </Button>
            <Button
              onClick={() => {
                onAnswer(
                  toConfirm.map((m) => m.row),
                  'create',
                );
              }}
            >
              {t.answerAllCreate}
            </Button>
          </Space>
          <ScrollRegion label={t.matchesTable}>
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={toConfirm}
              aria-label={t.matchesTable}
              columns={[
                { title: t.row, dataIndex: 'row', width: 56 },
                { title: t.name, dataIndex: 'name' },
                {
                  title: t.answer,
                  key: 'answer',
                  render: (_, m) => (
                    <Radio.Group
                      aria-label={format(t.answerLabel, { name: m.name, row: m.row })}
                      value={answers[m.row]}
                      onChange={(event) => {
                        onAnswer([m.row], event.target.value as 'update' | 'create');
                      }}
                      options={[
                        { value: 'update', label: t.answerUpdate },
                        { value: 'create', label: t.answerCreate },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </section>
      )}

      {clean ? (
        <Button type="primary" disabled={unanswered > 0} loading={busy} onClick={onCommit}>
          {format(t.commit, { n: result.rows.length })}
        </Button>
      ) : null}

      <section>
        {sub(t.mapping)}
        <ScrollRegion label={t.mapping}>
          <Table
            size="small"
            rowKey="column"
            pagination={false}
            dataSource={result.mapping}
            aria-label={t.mapping}
            columns={[
              { title: t.column, dataIndex: 'column', width: 56 },
              { title: t.header, dataIndex: 'header' },
              { title: t.field, key: 'field', render: (_, m) => fieldLabel(t, m.field) },
            ]}
          />
        </ScrollRegion>
        <Typography.Paragraph style={{ marginTop: 8 }}>
          <strong>{t.ignored}：</strong>
          {result.ignoredColumns.length === 0
            ? t.ignoredNone
            : result.ignoredColumns.map((c) => `${c.column}（${c.header}）`).join('、')}
        </Typography.Paragraph>
        <Typography.Paragraph>
          <strong>{t.skipped}：</strong>
          {result.skipped.length === 0
            ? t.skippedNone
            : result.skipped
                .map((s) =>
                  format(t.skippedRow, {
                    row: s.row,
                    reason: s.reason === 'total' ? t.reasonTotal : t.reasonGroup,
                  }),
                )
                .join('、')}
        </Typography.Paragraph>
      </section>

      <section>
        {sub(t.rows)}
        <ScrollRegion label={t.rows}>
          <Table
            size="small"
            rowKey="row"
            dataSource={result.rows}
            aria-label={t.rows}
            pagination={result.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            columns={[
              { title: t.row, dataIndex: 'row', width: 56 },
              { title: t.name, dataIndex: 'name' },
              { title: t.code, key: 'code', responsive: ['lg'], render: (_, r) => r.code ?? '—' },
              {
                title: t.category,
                key: 'category',
                responsive: ['lg'],
                render: (_, r) => r.category ?? '—',
              },
              {
                title: t.totalWan,
                key: 'total',
                align: 'right',
                responsive: ['md'],
                render: (_, r) => wan(r.totalWan, lang),
              },
              {
                title: t.annualPlanWan,
                key: 'annual',
                align: 'right',
                responsive: ['md'],
                render: (_, r) => wan(r.annualPlanWan, lang),
              },
              { title: t.leadUnit, key: 'lead', responsive: ['lg'], render: (_, r) => r.leadUnit ?? '—' },
              { title: t.place, key: 'place', responsive: ['lg'], render: (_, r) => r.place ?? '—' },
              { title: t.outcome, key: 'outcome', render: (_, r) => outcomeText(r.row) },
            ]}
          />
        </ScrollRegion>
      </section>
    </Space>
  );
}
