import { Empty, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePlan } from '../../app/plan-context';
import { useMessages } from '../../i18n/i18n';
import { AuditPanel } from './audit/AuditPanel';
import { DepartmentsPanel } from './departments/DepartmentsPanel';
import { officeMessages } from './office.messages';
import { OwnershipPanel } from './ownership/OwnershipPanel';
import { ReferencesPanel } from './references/ReferencesPanel';
import { RoundsPanel } from './rounds/RoundsPanel';
import { UsersPanel } from './users/UsersPanel';

const TABS = ['departments', 'users', 'ownership', 'rounds', 'references', 'audit'] as const;
type Tab = (typeof TABS)[number];
/** Tabs that work on one plan; departments, users and the audit log belong to the whole instance. */
const PLAN_TABS: readonly Tab[] = ['ownership', 'rounds', 'references'];

/**
 * The planning office's console (`/office?tab=…`): every setup job of a monitoring year in the
 * browser. Each tab is a panel in its own folder; the tab lives in the URL so a link or the back
 * button returns to it.
 */
export default function OfficePage() {
  const t = useMessages(officeMessages);
  const { planId } = usePlan();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'departments';
  const labels: Record<Tab, string> = {
    departments: t.tabDepartments,
    users: t.tabUsers,
    ownership: t.tabOwnership,
    rounds: t.tabRounds,
    references: t.tabReferences,
    audit: t.tabAudit,
  };
  const panel = (key: Tab): React.ReactNode => {
    if (PLAN_TABS.includes(key) && planId === null) return <Empty description={t.noPlan} />;
    switch (key) {
      case 'departments':
        return <DepartmentsPanel planId={planId} />;
      case 'users':
        return <UsersPanel planId={planId} />;
      case 'ownership':
        return planId && <OwnershipPanel planId={planId} />;
      case 'rounds':
        return planId && <RoundsPanel planId={planId} />;
      case 'references':
        return planId && <ReferencesPanel planId={planId} />;
      case 'audit':
        return <AuditPanel planId={planId} />;
    }
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
          // Each panel may keep its own filters in the URL; switching tabs starts the next one clean.
          setParams({ tab: key });
        }}
        items={TABS.map((key) => ({ key, label: labels[key], children: key === tab ? panel(key) : null }))}
      />
    </>
  );
}
