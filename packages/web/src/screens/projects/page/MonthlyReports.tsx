import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectDetailView } from '@plantrack/api';
import { api } from '../../../api/client';
import { useServerCall } from '../../../api/use-server-call';
import { Pill } from '../../../components/Pill';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { format, useMessages } from '../../../i18n/i18n';
import { type ProjectReport, REPORT_COLORS, monthKey, wan } from './project-labels';
import { projectPageMessages } from './project-page.messages';
import { type EditorTarget, ReportEditor } from './ReportEditor';
import { ReportEvidence } from './ReportEvidence';

/**
 * The project's months with their status. The lead unit's reporter (or the office) fills a month,
 * saves a draft or submits, and corrects an approved one; reviewers approve or return a submitted
 * month with a reason. The server enforces the same rules (four-eyes included).
 */
export function MonthlyReports({
  project,
  canReport,
  canReview,
  userId,
  onChanged,
}: {
  project: ProjectDetailView;
  canReport: boolean;
  canReview: boolean;
  /** The signed-in user: nobody decides a month they submitted (four-eyes). */
  userId: string | null;
  onChanged: (notice: string) => void;
}) {
  const t = useMessages(projectPageMessages);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [returning, setReturning] = useState<ProjectReport | null>(null);
  const { pending, problem, run } = useServerCall();
  const rows = [...project.reports].sort((a, b) => b.year - a.year || b.month - a.month);

  const review = async (r: ProjectReport, action: 'approve' | 'return', reason: string | null) => {
    await run(async () => {
      await api(`/api/projects/${encodeURIComponent(project.id)}/reports/review`, {
        json: { year: r.year, month: r.month, action, reason },
      });
      setReturning(null);
      const month = monthKey(r.year, r.month);
      onChanged(format(action === 'approve' ? t.approved : t.returned, { month }));
    }, `${action}:${r.id}`);
  };

  const actions = (r: ProjectReport) => {
    const month = monthKey(r.year, r.month);
    const out = [];
    if (canReport && (r.status === 'draft' || r.status === 'returned')) {
      out.push(
        <Button
          key="edit"
          size="small"
          aria-label={`${t.edit} ${month}`}
          onClick={() => {
            setEditing({ report: r });
          }}
        >
          {t.edit}
        </Button>,
      );
    }
    if (canReport && r.status === 'approved') {
      out.push(
        <Button
          key="correct"
          size="small"
          aria-label={`${t.correct} ${month}`}
          onClick={() => {
            setEditing({ report: r, correcting: true });
          }}
        >
          {t.correct}
        </Button>,
      );
    }
    if (canReview && r.status === 'submitted' && r.createdBy === userId) {
      out.push(<span key="own">{t.ownSubmission}</span>);
    } else if (canReview && r.status === 'submitted') {
      out.push(
        <Button
          key="approve"
          size="small"
          type="primary"
          aria-label={`${t.approve} ${month}`}
          loading={pending === `approve:${r.id}`}
          onClick={() => void review(r, 'approve', null)}
        >
          {t.approve}
        </Button>,
        <Button
          key="return"
          size="small"
          danger
          aria-label={`${t.returnIt} ${month}`}
          onClick={() => {
            setReturning(r);
          }}
        >
          {t.returnIt}
        </Button>,
      );
    }
    return out.length === 0 ? null : <Space wrap>{out}</Space>;
  };

  return (
    <section aria-labelledby="project-reports">
      <Typography.Title level={2} id="project-reports" style={{ fontSize: 18 }}>
        {t.reports}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.reportsHint}</Typography.Paragraph>
      {canReport && editing === null ? (
        <Button
          style={{ marginBottom: 12 }}
          onClick={() => {
            setEditing({ report: null });
          }}
        >
          {t.newMonth}
        </Button>
      ) : null}
      {editing === null ? null : (
        <ReportEditor
          projectId={project.id}
          target={editing}
          defaultYear={project.status.year}
          onDone={(notice) => {
            setEditing(null);
            onChanged(notice);
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      <ProblemAlert problem={problem} />
      <Table<ProjectReport>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t.noReports }}
        dataSource={rows}
        columns={[
          { key: 'month', title: t.colMonth, render: (_, r) => monthKey(r.year, r.month) },
          {
            key: 'monthWan',
            title: t.colMonthWan,
            align: 'right',
            responsive: ['md'],
            render: (_, r) => (r.monthWan === null ? '—' : wan(r.monthWan)),
          },
          {
            key: 'ytdWan',
            title: t.colYtdWan,
            align: 'right',
            render: (_, r) => (r.ytdWan === null ? '—' : wan(r.ytdWan)),
          },
          {
            key: 'progress',
            title: t.colProgress,
            responsive: ['md'],
            render: (_, r) => r.progressText ?? '—',
          },
          {
            key: 'evidence',
            title: t.colEvidence,
            responsive: ['md'],
            render: (_, r) => <ReportEvidence projectId={project.id} report={r} />,
          },
          {
            key: 'status',
            title: t.colStatus,
            render: (_, r) => (
              <>
                <Pill color={REPORT_COLORS[r.status]}>{t[`report_${r.status}`]}</Pill>
                {r.status === 'returned' && r.reason !== null ? (
                  <div>{format(t.returnedBecause, { reason: r.reason })}</div>
                ) : null}
              </>
            ),
          },
          { key: 'actions', title: t.colActions, render: (_, r) => actions(r) },
        ]}
      />
      {returning === null ? null : (
        <ReasonDialog
          text={{
            title: format(t.returnTitle, { month: monthKey(returning.year, returning.month) }),
            confirm: t.returnIt,
            cancel: t.cancel,
            label: t.returnReason,
            help: t.returnHelp,
            required: t.returnReason,
          }}
          maxLength={1000}
          busy={pending === `return:${returning.id}`}
          onConfirm={(reason) => void review(returning, 'return', reason)}
          onCancel={() => {
            setReturning(null);
          }}
        />
      )}
    </section>
  );
}
