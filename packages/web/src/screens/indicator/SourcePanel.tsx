import { Typography } from 'antd';
import { Link } from 'react-router';
import { format, useMessages } from '../../i18n/i18n';
import { indicatorMessages } from './indicator.messages';
import type { IndicatorDetail } from '@plantrack/api';

/**
 * Where the indicator comes from in the plan: its row of the indicator table as written, the
 * lines, and a link that opens the plan reader searching for it.
 */
export function SourcePanel({ detail }: { detail: IndicatorDetail }) {
  const t = useMessages(indicatorMessages);
  const { indicator } = detail;
  return (
    <section aria-label={t.sourceTitle}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.sourceTitle}
      </Typography.Title>
      <blockquote style={{ margin: 0, paddingInlineStart: 12, borderInlineStart: '3px solid #d9d9d9' }}>
        {[indicator.seq, indicator.name, indicator.target.text].join(' · ')}
      </blockquote>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {format(t.sourceLines, { from: indicator.source.lineStart, to: indicator.source.lineEnd })} ·{' '}
        <Link to={`/plan?q=${encodeURIComponent(indicator.name)}`}>{t.openInReader}</Link>
      </Typography.Paragraph>
    </section>
  );
}
