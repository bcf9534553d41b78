import { Col, Empty, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { usePlan } from '../../app/plan-context';
import { useApi } from '../../api/use-api';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { PlaceItems } from './PlaceItems';
import { PlaceMap } from './PlaceMap';
import { PlaceTable } from './PlaceTable';
import type { Places as PlanPlaces, ProjectView } from '@plantrack/api';
import { projectsAt, regionNames, regionsOf } from './spatial-model';
import { spatialMessages } from './spatial.messages';

/** The plan's spatial layout as a schematic and a table, with the items located at each place. */
export default function SpatialPage() {
  const t = useMessages(spatialMessages);
  const { planId, plans } = usePlan();
  const { data, error, loading, reload } = useApi<PlanPlaces>(
    planId === null ? null : `/api/plans/${encodeURIComponent(planId)}/places`,
  );
  // The register as the role may read it (a reporter: their department's projects).
  const projects = useApi<{ items: ProjectView[] }>(
    planId === null ? null : `/api/plans/${encodeURIComponent(planId)}/projects`,
  );
  const [selected, setSelected] = useState<string | null>(null);
  const regions = useMemo(() => (data === undefined ? [] : regionsOf(data, t.otherPlaces)), [data, t]);
  const projectsOf = useMemo(() => {
    const all = projects.data?.items ?? [];
    const byName = new Map<string, ProjectView[]>();
    for (const region of regions) {
      byName.set(region.name, projectsAt(all, regionNames(region)));
      for (const member of region.members) byName.set(member.name, projectsAt(all, [member.name]));
    }
    return byName;
  }, [projects.data, regions]);
  const projectCount = (name: string) => projectsOf.get(name)?.length ?? 0;

  if (planId === null) {
    return plans.length === 0 && !loading ? <Empty description={t.noPlan} /> : <PageLoading />;
  }
  if (data === undefined) {
    return error !== undefined ? <ProblemAlert problem={error} onRetry={reload} /> : <PageLoading />;
  }
  const region = regions.find((r) => r.name === selected);
  const place = data.places.find((p) => p.name === selected);
  const items = region?.items ?? place?.items ?? [];
  const members = region?.city?.members ?? [];
  const shown = regions.reduce((n, r) => n + r.members.length, 0);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t.intro}</Typography.Text>
      </header>
      <ProblemAlert problem={error} onRetry={reload} />
      <ProblemAlert problem={projects.error} onRetry={projects.reload} />
      {regions.length === 0 ? (
        <Empty description={t.noPlaces} />
      ) : (
        <>
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={15}>
              <PlaceMap
                regions={regions}
                placeCount={shown}
                projectCount={projectCount}
                selected={selected}
                onSelect={setSelected}
              />
            </Col>
            <Col xs={24} xl={9}>
              <PlaceItems
                name={selected}
                items={items}
                members={members}
                projects={selected === null ? [] : (projectsOf.get(selected) ?? [])}
              />
            </Col>
          </Row>
          <PlaceTable regions={regions} projectCount={projectCount} onSelect={setSelected} />
        </>
      )}
    </Space>
  );
}
