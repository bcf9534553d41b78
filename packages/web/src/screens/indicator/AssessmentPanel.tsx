import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { indicatorMessages } from './indicator.messages';
import type { IndicatorAssessment } from '@plantrack/api';
import { SET_ASIDE_REASONS } from './set-aside-reasons';
import { MethodDetails, useDirectionText } from './MethodDetails';

/** The status in one plain sentence, the figures behind it, the method folded away, the flags. */
export function AssessmentPanel({ data }: { data: IndicatorAssessment }) {
  const t = useMessages(indicatorMessages);
  const pick = useBilingual();
  const directionText = useDirectionText();
  const a = data.assessment;
  const unit = data.indicator.unit ?? '';
  const setAside = a.inputs.setAside;
  return (
    <section aria-label={t.assessmentTitle}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.assessmentTitle}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <StatusTag status={a.status} />
          <Typography.Text type="secondary">
            {format(t.asOf, { date: data.asOf, year: data.assessedYear })} ·{' '}
            {data.thresholdsSource === 'plan' ? t.thresholdsPlan : t.thresholdsDefault}
          </Typography.Text>
        </Space>
        <Typography.Paragraph style={{ fontSize: 15 }} data-testid="plain-sentence">
          {pick(a.plainSentence)}
        </Typography.Paragraph>
        {a.warning ? <Alert type="error" showIcon title={t.warning} /> : null}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t.direction}>{directionText(a.direction)}</Descriptions.Item>
          <Descriptions.Item label={t.latest}>
            {a.latest === null ? '—' : `${a.latest.value}${unit}（${a.latest.period}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t.expected}>
            {a.expected === null ? '—' : `${a.expected}${unit}`}
          </Descriptions.Item>
          <Descriptions.Item label={t.required}>
            {a.required === null ? '—' : pick(a.required.text)}
          </Descriptions.Item>
          <Descriptions.Item label={t.forecast} span={2}>
            {a.forecast === null
              ? t.noForecast
              : format(t.forecastText, {
                  model: a.forecast.model,
                  points: a.forecast.pointsUsed,
                  year: a.forecast.year,
                  value: `${a.forecast.value}${unit}`,
                  verdict: a.forecast.meetsTarget ? t.forecastMeets : t.forecastMisses,
                })}
          </Descriptions.Item>
        </Descriptions>
        <MethodDetails a={a} />
        {a.binding === null || a.binding.length === 0 ? null : (
          <div>
            <Typography.Text strong>{t.bindingVerdicts}：</Typography.Text>{' '}
            {a.binding.map((b) => (
              <Tag key={b.period} color={b.verdict === '达标' ? '#1b5e20' : '#b71c1c'}>
                {b.period} {b.verdict}
              </Tag>
            ))}
          </div>
        )}
        {a.flags.length === 0 ? null : (
          <div>
            <Typography.Text strong>{t.flags}</Typography.Text>
            <ul style={{ marginTop: 4 }}>
              {a.flags.map((f) => (
                <li key={f.code}>{pick(f.message)}</li>
              ))}
            </ul>
          </div>
        )}
        {setAside.length === 0 ? null : (
          <Table
            size="small"
            pagination={false}
            caption={t.setAside}
            rowKey={(r) => `${r.period}|${r.scope ?? ''}|${r.reason}`}
            dataSource={setAside}
            columns={[
              { title: t.period, dataIndex: 'period' },
              { title: t.value, render: (_, r) => (r.value === null ? '—' : `${r.value}${unit}`) },
              { title: t.scope, render: (_, r) => r.scope ?? '—' },
              {
                title: t.setAsideReason,
                render: (_, r) => {
                  const reason = SET_ASIDE_REASONS[r.reason];
                  return reason === undefined ? r.reason : pick(reason);
                },
              },
            ]}
          />
        )}
      </Space>
    </section>
  );
}
