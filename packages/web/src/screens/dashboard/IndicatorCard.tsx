import { Link } from 'react-router';
import { Pill } from '../../components/Pill';
import { Sparkline } from '../../components/charts/Sparkline';
import { STATUS_COLORS, StatusTag } from '../../components/StatusTag';
import { format, useBilingual, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { DashboardCard } from '@plantrack/api';

/**
 * One indicator: value, target, status colour, trend with the target line, owners; links to its
 * page. Plain elements styled by styles.css (.pt-card) rather than antd's Card and Typography: the
 * dashboard shows one per indicator, and they dominated its first render.
 */
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
    <article
      className="pt-card"
      data-testid="indicator-card"
      aria-labelledby={headingId}
      style={{ borderTopColor: color }}
    >
      <h3 id={headingId} className="pt-card-title">
        <Link to={href} title={format(t.openIndicator, { name: card.name })}>
          {card.seq}. {card.name}
        </Link>
      </h3>
      <div className="pt-tags">
        <StatusTag status={card.status} />
        {card.binding ? <Pill color="#8b0000">{t.binding}</Pill> : null}
        {card.warning ? <Pill color="#b71c1c">⚠ {t.warning}</Pill> : null}
      </div>
      <div>
        <span className="pt-muted">{t.latest}：</span>
        {card.latest === null && card.latestFigure !== null ? (
          // Quarterly or monthly figures approved, no annual value yet: show them, status pending.
          <>
            <strong>
              {card.latestFigure.value}
              {unit}（{card.latestFigure.period}）
            </strong>{' '}
            <span className="pt-muted" title={t.pendingWhy}>
              {t.pendingStatus}
            </span>
          </>
        ) : card.latest === null ? (
          <span className="pt-muted">{t.noData}</span>
        ) : (
          <strong>
            {card.latest.value}
            {unit}（{card.latest.period}）{card.latest.estimated ? t.estimated : ''}
          </strong>
        )}
      </div>
      <div>
        <span className="pt-muted">{t.targetLabel}</span>
        {card.targetText}
        {card.baseline === null ? null : (
          <span className="pt-muted">
            {' '}
            · {t.baseline} {card.baseline.value}
            {unit}（{card.baseline.year}）
          </span>
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
        <span className="pt-small">
          {format(t.forecast, { year: card.forecast.year, value: card.forecast.value })}（
          {card.forecast.meetsTarget ? t.forecastMeets : t.forecastMisses}）
        </span>
      )}
      <p title={pick(card.explanation)} className="pt-clamp-2">
        {pick(card.explanation)}
      </p>
      {ownerNames === undefined ? null : (
        <span className="pt-muted pt-small">
          {ownerNames.length === 0 ? t.noOwner : format(t.owners, { names: ownerNames.join('、') })}
        </span>
      )}
    </article>
  );
}
