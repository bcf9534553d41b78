import { Card, Col, Row, Statistic, Typography } from 'antd';
import { format, useMessages } from '../../i18n/i18n';
import { StatusSummary } from '../dashboard/StatusSummary';
import type { Dashboard } from '@plantrack/api';
import { publicMessages } from './public.messages';

/** The headline: how many indicators, how many on track, behind, undecided; then the scale. */
export function PublicStory({ data }: { data: Dashboard }) {
  const t = useMessages(publicMessages);
  const c = data.counts;
  const onTrack = c.已实现 + c.快于预期 + c.符合预期 + c.基本符合;
  const behind = c.滞后 + c.严重滞后;
  const binding = data.cards.filter((card) => card.binding).length;
  const tasks = data.tasks.counts;
  return (
    <section aria-labelledby="public-story">
      <Typography.Title level={2} id="public-story" style={{ fontSize: 18 }}>
        {t.storyTitle}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t.statPublished} value={data.cards.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t.statOnTrack} value={onTrack} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t.statBehind} value={behind} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t.statNoData} value={c.数据不足} />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {[
          format(t.headline, { n: data.cards.length }),
          format(t.headlineOnTrack, { n: onTrack }),
          format(t.headlineBehind, { n: behind }),
          format(t.headlineNoData, { n: c.数据不足 }),
          format(t.headlineBinding, { n: binding, w: data.warnings }),
        ].join(t.sep)}
        {t.end}
      </Typography.Paragraph>
      <StatusSummary counts={c} caption="" selected={null} />
      {data.tasks.items.length === 0 ? null : (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <strong>{t.tasksTitle}：</strong>
          {format(t.tasksLine, {
            n: data.tasks.items.length,
            completed: tasks.completed,
            progress: tasks.in_progress,
            delayed: tasks.delayed,
            unreported: tasks.not_reported,
          })}
        </Typography.Paragraph>
      )}
    </section>
  );
}
