import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../components/StatusTag';
import { useBilingual, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard.messages';
import type { DashboardCard } from '@plantrack/api';

const BEHIND = new Set(['滞后', '严重滞后']);

/** What is behind (or warned about) and who owns it, worst first. */
export function BehindList({
  cards,
  ownerNamesOf,
}: {
  cards: readonly DashboardCard[];
  ownerNamesOf: (card: DashboardCard) => string[];
}) {
  const t = useMessages(dashboardMessages);
  const pick = useBilingual();
  const rows = cards.filter((c) => BEHIND.has(c.status) || c.warning).sort((a, b) => rank(a) - rank(b));
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.behindEmpty} />;
  return (
    <Table<DashboardCard>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t.behindIndicator,
          render: (_, c) => (
            <Link to={`/indicators/${c.id}`}>
              {c.seq}. {c.name}
            </Link>
          ),
        },
        {
          title: t.behindStatus,
          render: (_, c) => (
            <>
              <StatusTag status={c.status} /> {c.warning ? <Tag color="#b71c1c">⚠ {t.warning}</Tag> : null}
            </>
          ),
        },
        { title: t.behindOwner, render: (_, c) => ownerNamesOf(c).join('、') || t.noOwner },
        { title: t.behindWhy, render: (_, c) => pick(c.explanation) },
      ]}
    />
  );
}

function rank(c: DashboardCard): number {
  return c.status === '严重滞后' ? 0 : c.status === '滞后' ? 1 : 2;
}
