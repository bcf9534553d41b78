import { Alert, Table } from 'antd';
import type { IndicatorAssessment, ObservationRevision } from '@plantrack/api';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { approvedFiguresMessages } from './approved-figures.messages';

/** An approved value as the indicator page lists it. */
export type ApprovedFigure = {
  period: string;
  value: number | null;
  valueText: string | null;
  scope: string;
};

/** The approved values among an indicator's newest revisions, oldest period first. */
export function approvedFiguresOf(
  latest: readonly ObservationRevision[] | null | undefined,
): ApprovedFigure[] {
  return (latest ?? [])
    .filter((r) => r.status === 'approved')
    .map((r) => ({ period: r.period, value: r.values.value, valueText: r.values.valueText, scope: r.scope }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

const SUB_ANNUAL = /H[12]$|Q[1-4]$|-\d{2}$/;

/**
 * The figures that exist while no status can be computed yet (e.g. GDP 2026Q1–Q3 approved, no
 * annual value): "状态待定" with why, and the approved values, instead of an empty chart.
 */
export function ApprovedFigures({
  figures,
  data,
}: {
  figures: readonly ApprovedFigure[];
  data: IndicatorAssessment;
}) {
  const t = useMessages(approvedFiguresMessages);
  const pick = useBilingual();
  const unit = data.indicator.unit ?? '';
  const subAnnual = figures.every((f) => SUB_ANNUAL.test(f.period));
  const periods = figures.map((f) => f.period);
  const range = periods.length > 1 ? `${periods[0] ?? ''}–${periods.at(-1) ?? ''}` : (periods[0] ?? '');
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t.pending}
        description={
          subAnnual
            ? format(t.subAnnual, { periods: range })
            : format(t.notYet, { why: pick(data.assessment.plainSentence) })
        }
      />
      <Table<ApprovedFigure>
        size="small"
        style={{ marginTop: 12 }}
        aria-label={t.tableLabel}
        pagination={false}
        rowKey={(f) => `${f.period}|${f.scope}`}
        dataSource={[...figures]}
        columns={[
          { title: t.period, dataIndex: 'period' },
          {
            title: t.value,
            key: 'value',
            render: (_, f) => (f.value === null ? (f.valueText ?? '—') : `${String(f.value)}${unit}`),
          },
          { title: t.scope, key: 'scope', render: (_, f) => (f.scope === '' ? t.planScope : f.scope) },
        ]}
      />
    </>
  );
}
