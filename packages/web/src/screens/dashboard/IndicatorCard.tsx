import { Card, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { Sparkline } from '../../components/charts/Sparkline';
import { STATUS_COLORS, StatusTag } from '../../components/StatusTag';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { DashboardCard } from './dashboard.types';

const CLAMP_TWO_LINES: CSSProperties = {
  fontSize: 12,
  lineHeight: 1.5,
  margin: 0,
  maxHeight: '3em',
  overflow: 'hidden',
};

/** One indicator: value, target, status colour, trend with the target line, owners; links to its page. */
export function IndicatorCard({
  card,
  href,
  ownerNames,
}: {
  card: DashboardCard;
  href: string;
  /** Names of the owning departments (omitted on the public view). */
  ownerNames?: string[];
}) {
  const t = useMessages(dashboardMessages);
  const pick = useBilingual();
  const color = STATUS_COLORS[card.status];
  const headingId = `card-${card.id}`;
  const unit = card.unit ?? '';
  const targetYear = card.expectedPath.at(-1) ?? null;
  return (
    <Card
      size="small"
      data-testid="indicator-card"
      aria-labelledby={headingId}
      style={{ borderTop: `4px solid ${color}`, height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6 } }}
    >
      <Typography.Title level={3} id={headingId} style={{ fontSize: 15, margin: 0 }}>
        <Link to={href} title={format(t.openIndicator, { name: card.name })}>
          {card.seq}. {card.name}
        </Link>
      </Typography.Title>
      <Space size={4} wrap>
        <StatusTag status={card.status} />
        {card.binding ? <Tag color="#8b0000">{t.binding}</Tag> : null}
        {card.warning ? (
          <Tag color="#b71c1c" aria-label={t.warning}>
            ⚠ {t.warning}
          </Tag>
        ) : null}
      </Space>
      <div>
        <Typography.Text type="secondary">{t.latest}：</Typography.Text>
        {card.latest === null ? (
          <Typography.Text type="secondary">{t.noData}</Typography.Text>
        ) : (
          <Typography.Text strong>
            {card.latest.value}
            {unit}（{card.latest.period}）{card.latest.estimated ? t.estimated : ''}
          </Typography.Text>
        )}
      </div>
      <div>
        <Typography.Text type="secondary">{t.target}：</Typography.Text>
        <Typography.Text>{card.targetText}</Typography.Text>
        {card.baseline === null ? null : (
          <Typography.Text type="secondary">
            {' '}
            · {t.baseline} {card.baseline.value}
            {unit}（{card.baseline.year}）
          </Typography.Text>
        )}
      </div>
      <Sparkline
        name={card.name}
        points={card.sparkline}
        expected={card.expectedPath}
        target={targetYear === null ? null : targetYear[1]}
        color={color}
        width={200}
      />
      {card.forecast === null ? null : (
        <Typography.Text style={{ fontSize: 12 }}>
          {format(t.forecast, { year: card.forecast.year, value: card.forecast.value })}（
          {card.forecast.meetsTarget ? t.forecastMeets : t.forecastMisses}）
        </Typography.Text>
      )}
      {/* Cut at two lines with CSS: antd's measured ellipsis costs a layout pass per card. */}
      <p title={pick(card.explanation)} style={CLAMP_TWO_LINES}>
        {pick(card.explanation)}
      </p>
      {ownerNames === undefined ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ownerNames.length === 0 ? t.noOwner : format(t.owners, { names: ownerNames.join('、') })}
        </Typography.Text>
      )}
    </Card>
  );
}
