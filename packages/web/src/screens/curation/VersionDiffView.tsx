import { Descriptions, List, Typography } from 'antd';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { format } from '../../i18n/i18n';
import type { CurationText } from './curation.messages';
import type { VersionDiff } from '@plantrack/api';

/** Indicators and tasks added, removed and changed in a version against the one before. */
export function VersionDiffView({
  planId,
  versionId,
  t,
}: {
  planId: string;
  versionId: string;
  t: CurationText;
}) {
  const { data, error, reload } = useApi<VersionDiff>(`/api/plans/${planId}/versions/${versionId}/diff`);
  if (data === undefined) {
    return error === undefined ? <PageLoading /> : <ProblemAlert problem={error} onRetry={reload} />;
  }
  if (data.previousVersionNo === null) return <p>{format(t.diffFirst, { v: data.versionNo })}</p>;
  const { indicators, tasks } = data;
  const total =
    indicators.added.length +
    indicators.removed.length +
    indicators.changed.length +
    tasks.added.length +
    tasks.removed.length +
    tasks.changed.length;
  return (
    <section aria-label={format(t.diffTitle, { v: data.versionNo, p: data.previousVersionNo })}>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        {format(t.diffTitle, { v: data.versionNo, p: data.previousVersionNo })}
      </Typography.Title>
      {total === 0 ? <p>{t.noChanges}</p> : null}
      <Descriptions size="small" column={1} bordered>
        {indicators.added.length > 0 ? (
          <Descriptions.Item label={`${t.tabIndicators} · ${t.added}`}>
            {indicators.added.map((i) => `${i.seq}. ${i.name}`).join('；')}
          </Descriptions.Item>
        ) : null}
        {indicators.removed.length > 0 ? (
          <Descriptions.Item label={`${t.tabIndicators} · ${t.removed}`}>
            {indicators.removed.map((i) => `${i.seq}. ${i.name}`).join('；')}
          </Descriptions.Item>
        ) : null}
        {indicators.changed.length > 0 ? (
          <Descriptions.Item label={`${t.tabIndicators} · ${t.changed}`}>
            <List
              size="small"
              dataSource={indicators.changed}
              renderItem={(i) => (
                <List.Item key={i.key}>
                  {`${i.seq}. ${i.name}：`}
                  {i.changes.map((c) => `${c.field} ${c.before ?? t.none} → ${c.after ?? t.none}`).join('；')}
                </List.Item>
              )}
            />
          </Descriptions.Item>
        ) : null}
        {tasks.added.length > 0 ? (
          <Descriptions.Item label={`${t.measure} · ${t.added}`}>
            {tasks.added.map((x) => x.measure).join('；')}
          </Descriptions.Item>
        ) : null}
        {tasks.removed.length > 0 ? (
          <Descriptions.Item label={`${t.measure} · ${t.removed}`}>
            {tasks.removed.map((x) => x.measure).join('；')}
          </Descriptions.Item>
        ) : null}
        {tasks.changed.length > 0 ? (
          <Descriptions.Item label={`${t.measure} · ${t.tasksReassigned}`}>
            {tasks.changed
              .map((x) => `${x.measure}：${x.before.join('、')} → ${x.after.join('、')}`)
              .join('；')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </section>
  );
}
