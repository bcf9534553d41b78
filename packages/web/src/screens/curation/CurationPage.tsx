import { Empty, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePlan } from '../../app/plan-context';
import { useMessages } from '../../i18n/i18n';
import { curationMessages } from './curation.messages';
import { FindingsPanel } from './FindingsPanel';
import { IndicatorsPanel } from './IndicatorsPanel';
import { TasksPanel } from './TasksPanel';
import { UploadPanel } from './UploadPanel';
import { VersionsPanel } from './VersionsPanel';

const TABS = ['indicators', 'tasks', 'findings', 'versions', 'upload'] as const;
type Tab = (typeof TABS)[number];

/**
 * Framework curation for the planning office (`/curation?tab=…`): review what ingestion
 * extracted, correct it with a reason, confirm new versions, publish, upload a revised outline.
 */
export default function CurationPage() {
  const t = useMessages(curationMessages);
  const { planId } = usePlan();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? (planId === null ? 'upload' : 'indicators');
  // A new version changes every list: remounting the panels refetches them.
  const [generation, setGeneration] = useState(0);
  const needsPlan = (content: React.ReactNode) =>
    planId === null ? <Empty description={t.noPlan} /> : content;
  const labels: Record<Tab, string> = {
    indicators: t.tabIndicators,
    tasks: t.tabTasks,
    findings: t.tabFindings,
    versions: t.tabVersions,
    upload: t.tabUpload,
  };
  const content: Record<Tab, React.ReactNode> = {
    indicators: needsPlan(planId && <IndicatorsPanel key={generation} planId={planId} t={t} />),
    tasks: needsPlan(planId && <TasksPanel key={generation} planId={planId} t={t} />),
    findings: needsPlan(planId && <FindingsPanel key={generation} planId={planId} t={t} />),
    versions: needsPlan(planId && <VersionsPanel key={generation} planId={planId} t={t} />),
    upload: (
      <UploadPanel
        t={t}
        onImported={() => {
          setGeneration((g) => g + 1);
        }}
      />
    ),
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setParams({ tab: key }, { replace: true });
        }}
        items={TABS.map((key) => ({ key, label: labels[key], children: key === tab ? content[key] : null }))}
      />
    </>
  );
}
