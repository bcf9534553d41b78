import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ProjectDetailView } from '@plantrack/api';
import { useApi } from '../../api/use-api';
import { hasAnyRole, useUser } from '../../auth/auth';
import { PageLoading } from '../../components/PageLoading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { InvestmentChart } from './page/InvestmentChart';
import { IssuesPanel } from './page/IssuesPanel';
import { LifecyclePanel } from './page/LifecyclePanel';
import { MonthlyReports } from './page/MonthlyReports';
import { ProjectHeader } from './page/ProjectHeader';

/**
 * One major project (重大项目): its register fields and status, investment against plan, the lead
 * unit's monthly reports and their review, issues, and the lifecycle through post-evaluation. The
 * buttons follow the API's policies (the lead unit's reporters report; reviewers and the office
 * review; the office manages), which the server enforces again.
 */
export default function ProjectPage() {
  const user = useUser();
  const id = encodeURIComponent(useParams().id ?? '');
  const detail = useApi<ProjectDetailView>(`/api/projects/${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const p = detail.data;
  if (p === undefined) {
    return detail.error !== undefined ? (
      <ProblemAlert problem={detail.error} onRetry={detail.reload} />
    ) : (
      <PageLoading />
    );
  }
  const office = hasAnyRole(user, ['planning_office']);
  const leadReporter =
    hasAnyRole(user, ['department_reporter']) &&
    p.leadDepartmentId !== null &&
    user?.departmentId === p.leadDepartmentId;
  const active = p.stage !== '后评价';
  const changed = (text: string) => {
    setNotice(text);
    detail.reload();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ProjectHeader project={p} />
      {notice === null ? null : <Alert type="success" showIcon role="status" title={notice} />}
      <ProblemAlert problem={detail.error} onRetry={detail.reload} />
      <InvestmentChart project={p} />
      <MonthlyReports
        project={p}
        canReport={(leadReporter || office) && active}
        canReview={hasAnyRole(user, ['reviewer', 'planning_office'])}
        userId={user?.id ?? null}
        onChanged={changed}
      />
      <IssuesPanel project={p} canRaise={leadReporter || office} canResolve={office} onChanged={changed} />
      <LifecyclePanel project={p} canManage={office} onChanged={changed} />
    </Space>
  );
}
