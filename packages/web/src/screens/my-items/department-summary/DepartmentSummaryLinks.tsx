import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { usePlan } from '../../../app/plan-context';
import { useUser } from '../../../auth/auth';
import { useMessages } from '../../../i18n/i18n';
import { departmentSummaryMessages } from './department-summary.messages';

/**
 * Links to the signed-in reporter's department summary of the current plan (its indicators and
 * tasks, what is late and what is due): Word to download, HTML to read or print. Nothing for a
 * user without a department or before a plan is chosen.
 */
export function DepartmentSummaryLinks() {
  const t = useMessages(departmentSummaryMessages);
  const user = useUser();
  const { planId } = usePlan();
  const departmentId = user?.departmentId ?? null;
  if (departmentId === null || planId === null) return null;
  const base = `/api/plans/${encodeURIComponent(planId)}/departments/${encodeURIComponent(departmentId)}/summary`;
  return (
    <Space wrap aria-label={t.label} role="group">
      <Typography.Text strong>{t.label}</Typography.Text>
      <Button size="small" href={`${base}?format=docx`} download icon={<DownloadOutlined />}>
        {t.word}
      </Button>
      <Button size="small" href={`${base}?format=html`} target="_blank" icon={<FileTextOutlined />}>
        {t.html}
      </Button>
    </Space>
  );
}
