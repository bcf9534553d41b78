import { Empty, Typography } from 'antd';
import { Link } from 'react-router';
import type { Report } from '@plantrack/api';
import { Pill } from '../../components/Pill';
import { useMessages } from '../../i18n/i18n';
import { STATUS_TAG_COLORS, kindLabel, statusLabel } from './report-labels';
import { reportsMessages } from './reports.messages';

/**
 * Reports as a list rather than a table: each line wraps on a phone instead of scrolling sideways.
 */
export function ReportList({ label, reports, empty }: { label: string; reports: Report[]; empty: string }) {
  const t = useMessages(reportsMessages);
  if (reports.length === 0) return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <ul aria-label={label} className="pt-report-list">
      {reports.map((r) => (
        <li key={r.id}>
          <Link to={`/reports/${encodeURIComponent(r.id)}`} style={{ fontWeight: 600 }}>
            {r.title}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {kindLabel(t, r.kind)} · {t.colYear} {r.year} · {t.colAsOf} {r.asOf}{' '}
            <Pill color={STATUS_TAG_COLORS[r.status]}>{statusLabel(t, r.status)}</Pill>
            {r.demo ? <Pill color="#8b0000">{t.demo}</Pill> : null}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
