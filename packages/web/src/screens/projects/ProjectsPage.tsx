import { Tabs, Typography } from 'antd';
import { hasAnyRole, useUser } from '../../auth/auth';
import { usePlan } from '../../app/plan-context';
import { useUrlParams } from '../../app/use-url-params';
import { PageLoading } from '../../components/PageLoading';
import { useMessages } from '../../i18n/i18n';
import { ProjectsOverview } from './dashboard/ProjectsOverview';
import { ProjectImportPanel } from './import/ProjectImportPanel';
import { projectsMessages } from './projects.messages';

/**
 * The major-project register (重大项目): the dashboard of a year and the project list for every
 * signed-in role (a department reporter's answers cover their department's projects only), and
 * for the planning office the annual sheet's import and export (`?tab=import`).
 */
export default function ProjectsPage() {
  const t = useMessages(projectsMessages);
  const { planId } = usePlan();
  // Importing is the planning office's (the API refuses anyone else).
  const canImport = hasAnyRole(useUser(), ['planning_office']);
  const [params, setParams] = useUrlParams(['tab'] as const);
  const tab = canImport && params.tab === 'import' ? 'import' : 'dashboard';

  const title = (
    <Typography.Title level={1} style={{ fontSize: 24 }}>
      {t.title}
    </Typography.Title>
  );
  // The plans arrive with the application's first requests; the page waits for them.
  if (planId === null) {
    return (
      <>
        {title}
        <PageLoading />
      </>
    );
  }
  if (!canImport) {
    return (
      <>
        {title}
        <ProjectsOverview planId={planId} />
      </>
    );
  }
  return (
    <>
      {title}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setParams({ tab: key === 'import' ? 'import' : null });
        }}
        items={[
          { key: 'dashboard', label: t.tabDashboard, children: <ProjectsOverview planId={planId} /> },
          { key: 'import', label: t.tabImport, children: <ProjectImportPanel planId={planId} /> },
        ]}
      />
    </>
  );
}
