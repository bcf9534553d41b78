import { Empty } from 'antd';
import { useMessages } from '../../i18n/i18n';
import { IndicatorCard } from './IndicatorCard';
import { dashboardMessages } from './dashboard.messages';
import type { DashboardCard } from '@plantrack/api';

/** The cards as a list (one item per indicator), laid out as a responsive grid. */
export function CardGrid({
  cards,
  hrefOf,
  ownerNamesOf,
  emptyText,
}: {
  cards: readonly DashboardCard[];
  hrefOf: (card: DashboardCard) => string;
  ownerNamesOf?: (card: DashboardCard) => string[];
  emptyText?: string;
}) {
  const t = useMessages(dashboardMessages);
  if (cards.length === 0) return <Empty description={emptyText ?? t.noCards} />;
  return (
    <ul
      aria-label={t.cards}
      style={{
        listStyle: 'none',
        padding: 0,
        margin: 0,
        display: 'grid',
        gap: 12,
        gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
      }}
    >
      {cards.map((card) => (
        <li key={card.id}>
          <IndicatorCard card={card} href={hrefOf(card)} ownerNames={ownerNamesOf?.(card)} />
        </li>
      ))}
    </ul>
  );
}
