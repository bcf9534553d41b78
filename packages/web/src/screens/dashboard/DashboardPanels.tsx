import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useMessages } from '../../i18n/i18n';
import { BehindList } from './BehindList';
import { MissingReportsPanel } from './MissingReportsPanel';
import { TasksPanel } from './TasksPanel';
import { dashboardMessages } from './dashboard.messages';
import type { Dashboard, DashboardCard } from '@plantrack/api';

/** The dashboard below the cards: who is behind, who has not reported, tasks by progress. */
export function DashboardPanels({
  data,
  departmentName,
  ownerNamesOf,
}: {
  data: Dashboard;
  departmentName: (id: string) => string;
  ownerNamesOf: (card: DashboardCard) => string[];
}) {
  const t = useMessages(dashboardMessages);
  const itemNames = useMemo(
    () =>
      new Map<string, string>([
        ...data.cards.map((c) => [`indicator|${c.id}`, `${c.seq}. ${c.name}`] as const),
        ...data.tasks.items.map((i) => [`task|${i.id}`, i.measure] as const),
      ]),
    [data],
  );
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.behindTitle}</h2>} size="small">
            <BehindList cards={data.cards} ownerNamesOf={ownerNamesOf} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {data.missingReports === null ? null : (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.missingTitle}</h2>} size="small">
              <MissingReportsPanel
                missing={data.missingReports}
                itemName={(kind, id) => itemNames.get(`${kind}|${id}`) ?? id}
              />
            </Card>
          )}
        </Col>
      </Row>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.tasksTitle}</h2>} size="small">
        <TasksPanel tasks={data.tasks} departmentName={departmentName} />
      </Card>
    </>
  );
}
