import { Descriptions, Space, Tag, Typography } from 'antd';
import { ProgressChart } from '../../components/charts/ProgressChart';
import { STATUS_COLORS } from '../../components/StatusTag';
import { useMessages } from '../../i18n/i18n';
import { AssessmentPanel } from './AssessmentPanel';
import { type ApprovedFigure, ApprovedFigures } from './ApprovedFigures';
import { indicatorMessages } from './indicator.messages';
import { dataLabel, dataLabelMessages } from '../../records/data-labels.messages';
import type { IndicatorAssessment } from '@plantrack/api';

/**
 * What the staff and the public indicator pages share: the heading, the facts of the indicator,
 * the chart with its table and the assessment explained.
 */
export function IndicatorSummary({
  data,
  approvedFigures = [],
}: {
  data: IndicatorAssessment;
  /** The approved values that exist (staff page); shown when the assessment uses none yet. */
  approvedFigures?: readonly ApprovedFigure[];
}) {
  const t = useMessages(indicatorMessages);
  const labels = useMessages(dataLabelMessages);
  const { indicator, assessment } = data;
  const observed: [number, number][] = [
    ...(assessment.baseline === null
      ? []
      : [[assessment.baseline.year, assessment.baseline.value] as [number, number]]),
    ...assessment.inputs.observations.map((o) => [o.period, o.value] as [number, number]),
  ];
  const reference = assessment.inputs.reference;
  // Figures exist but none is an annual value the assessment can use: show them, with why.
  const pending = assessment.inputs.observations.length === 0 && approvedFigures.length > 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 8 }}>
          {indicator.seq}. {indicator.name}
        </Typography.Title>
        <Space wrap>
          {indicator.attribute === '约束性' ? <Tag color="#8b0000">{t.binding}</Tag> : null}
          <Tag>{indicator.published ? t.published : t.unpublished}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t.group}>{indicator.group ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.unit}>{indicator.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.attribute}>{dataLabel(labels, indicator.attribute)}</Descriptions.Item>
          <Descriptions.Item label={t.target}>{indicator.targetText}</Descriptions.Item>
          <Descriptions.Item label={t.scope}>{indicator.scope ?? '—'}</Descriptions.Item>
        </Descriptions>
      </header>
      <section aria-label={t.chartTitle}>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t.chartTitle}
        </Typography.Title>
        {pending ? <ApprovedFigures figures={approvedFigures} data={data} /> : null}
        <ProgressChart
          series={{
            name: indicator.name,
            unit: indicator.unit,
            observed,
            expectedPath: data.expectedPath,
            target: data.targetLine,
            reference:
              reference === null
                ? null
                : { name: reference.name, points: reference.points.map((p) => [p.period, p.value] as const) },
            color: STATUS_COLORS[assessment.status],
          }}
        />
      </section>
      <AssessmentPanel data={data} />
    </Space>
  );
}
