import { Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { format, useMessages } from '../../i18n/i18n';
import type { PlaceItem, ProjectView } from '@plantrack/api';
import { PlaceProjects } from './PlaceProjects';
import { spatialMessages } from './spatial.messages';

const KIND_COLORS: Readonly<Record<PlaceItem['kind'], string>> = {
  indicator: '#b22222',
  task: '#1565c0',
  commitment: '#00695c',
};

/**
 * The items that name the chosen place, each linked to where it can be read, and the major projects
 * located there.
 */
export function PlaceItems({
  name,
  items,
  members,
  projects,
}: {
  name: string | null;
  items: readonly PlaceItem[];
  members: readonly string[];
  projects: readonly ProjectView[];
}) {
  const t = useMessages(spatialMessages);
  if (name === null) return <Typography.Text type="secondary">{t.selectHint}</Typography.Text>;
  return (
    <section aria-labelledby="place-items" aria-live="polite">
      <Typography.Title level={2} id="place-items" style={{ fontSize: 18 }}>
        {format(t.selectedTitle, { name })}
      </Typography.Title>
      {members.length === 0 ? null : (
        <Typography.Paragraph type="secondary">
          {format(t.members, { names: members.join('、') })}
        </Typography.Paragraph>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noItems} />
      ) : (
        <List
          size="small"
          dataSource={[...items]}
          renderItem={(item) => (
            <List.Item>
              <div>
                <Tag color={KIND_COLORS[item.kind]}>{t[`item_${item.kind}`]}</Tag>
                {item.kind === 'indicator' ? (
                  <Link to={`/indicators/${item.id}`}>{item.text}</Link>
                ) : (
                  <>
                    {item.text}{' '}
                    {item.nodeId === null ? null : (
                      <Link
                        to={`/plan?node=${encodeURIComponent(item.nodeId)}`}
                        // Underlined: a link inside a line of text needs more than its colour.
                        style={{ textDecoration: 'underline' }}
                      >
                        {t.openInPlan}
                      </Link>
                    )}
                  </>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      <PlaceProjects projects={projects} />
    </section>
  );
}
