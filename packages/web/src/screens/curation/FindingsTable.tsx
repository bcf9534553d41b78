import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { format, useBilingual } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { Finding } from '@plantrack/api';

const COLOURS = { info: 'blue', warning: 'orange', error: 'red' } as const;

/** Findings of ingestion (scope mismatches, conflicting targets …) with links to the text. */
export function FindingsTable({ findings, t }: { findings: Finding[]; t: CurationText }) {
  const pick = useBilingual();
  const severity = { info: t.severityInfo, warning: t.severityWarning, error: t.severityError };
  return (
    <Table<Finding>
      rowKey={(f) => `${f.code}-${f.sources.map((s) => s.start).join('-')}-${f.indicatorSeq ?? ''}`}
      size="small"
      pagination={false}
      dataSource={findings}
      columns={[
        {
          title: t.severity,
          width: 80,
          render: (_, f) => <Tag color={COLOURS[f.severity]}>{severity[f.severity]}</Tag>,
        },
        { title: t.message, render: (_, f) => pick(f.message) },
        {
          title: t.indicator,
          width: 90,
          render: (_, f) =>
            f.indicatorId === null ? (
              (f.indicatorSeq ?? t.none)
            ) : (
              <Link to={`/indicators/${f.indicatorId}`}>{f.indicatorSeq}</Link>
            ),
        },
        {
          title: t.source,
          width: 150,
          render: (_, f) =>
            f.sources.map((s) => (
              <div key={s.start}>
                <Link to={`/plan?at=${s.start}`}>{format(t.lines, { a: s.lineStart, b: s.lineEnd })}</Link>
              </div>
            )),
        },
      ]}
    />
  );
}
