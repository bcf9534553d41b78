import { Alert, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Report, ReportSection } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { hasAnyRole, useUser } from '../../auth/auth';
import { PageLoading } from '../../components/PageLoading';
import { Pill } from '../../components/Pill';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format, useMessages } from '../../i18n/i18n';
import { ReportActions } from './ReportActions';
import { ReportDownloads } from './ReportDownloads';
import { ReportPreview } from './ReportPreview';
import { SectionsPanel } from './SectionsPanel';
import { STATUS_TAG_COLORS, kindLabel, statusLabel } from './report-labels';
import { reportsMessages } from './reports.messages';

/**
 * One report: what it is and which data it froze, the actions its status allows the user, the
 * downloads, the sections the office writes, and a preview of the document as rendered.
 */
export default function ReportPage() {
  const t = useMessages(reportsMessages);
  const user = useUser();
  const id = encodeURIComponent(useParams().id ?? '');
  const report = useApi<Report>(`/api/reports/${id}`);
  const sections = useApi<ReportSection[]>(`/api/reports/${id}/sections`);
  const [notice, setNotice] = useState<{ text: string; warning: boolean } | null>(null);
  const r = report.data;
  if (r === undefined) {
    return report.error !== undefined ? (
      <ProblemAlert problem={report.error} onRetry={report.reload} />
    ) : (
      <PageLoading />
    );
  }
  const office = hasAnyRole(user, ['planning_office', 'administrator']);
  const editable = office && r.status === 'draft';
  // The preview is rebuilt whenever a section or the status changes.
  const version = `${r.status}|${(sections.data ?? []).map((s) => s.revisionNo).join('.')}`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Link to="/reports">← {t.back}</Link>
        <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0' }}>
          {r.title}
        </Typography.Title>
        <Space wrap>
          <Pill color={STATUS_TAG_COLORS[r.status]}>{statusLabel(t, r.status)}</Pill>
          {r.demo ? <Pill color="#8b0000">{t.demo}</Pill> : null}
          <Typography.Text type="secondary">
            {kindLabel(t, r.kind)} ·{' '}
            {format(t.snapshot, {
              observations: r.snapshot.observations,
              progress: r.snapshot.progressReports,
              asOf: r.asOf,
            })}
          </Typography.Text>
        </Space>
      </header>
      {r.status === 'draft' && r.returnNote !== null ? (
        <Alert type="warning" showIcon title={format(t.returnedNote, { note: r.returnNote })} />
      ) : null}
      {notice === null ? null : (
        <Alert type={notice.warning ? 'warning' : 'success'} showIcon role="status" title={notice.text} />
      )}
      <ReportActions
        report={r}
        onDone={(text) => {
          setNotice({ text, warning: false });
          report.reload();
        }}
      />
      <ReportDownloads id={r.id} />
      <ProblemAlert problem={sections.error} onRetry={sections.reload} />
      {sections.data === undefined ? null : (
        <SectionsPanel
          reportId={r.id}
          sections={sections.data}
          editable={editable}
          onSaved={(text, warning = false) => {
            setNotice({ text, warning });
            sections.reload();
          }}
        />
      )}
      <ReportPreview id={r.id} title={r.title} version={version} />
    </Space>
  );
}
