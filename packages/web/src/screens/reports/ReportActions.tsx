import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Report } from '@plantrack/api';
import { api } from '../../api/client';
import { useServerCall } from '../../api/use-server-call';
import { hasAnyRole, useUser } from '../../auth/auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMessages } from '../../i18n/i18n';
import { ReturnReportDialog } from './ReturnReportDialog';
import { reportsMessages } from './reports.messages';

type Step = 'submit' | 'approve' | 'return' | 'publish';

/**
 * The next step of the report's life that this user may take: the office submits a draft and
 * publishes an approved report; a leader approves one awaiting approval, or returns it (also once
 * approved, before publication). The server
 * enforces the same rules; the buttons only spare users a refusal.
 */
export function ReportActions({ report, onDone }: { report: Report; onDone: (notice: string) => void }) {
  const t = useMessages(reportsMessages);
  const user = useUser();
  const { pending, problem, run } = useServerCall();
  const [returning, setReturning] = useState(false);
  const office = hasAnyRole(user, ['planning_office', 'administrator']);
  const leader = hasAnyRole(user, ['leader']);

  const take = async (step: Step, note?: string) => {
    await run(async () => {
      await api(`/api/reports/${encodeURIComponent(report.id)}/${step}`, {
        method: 'POST',
        ...(note === undefined ? {} : { json: { note } }),
      });
      setReturning(false);
      onDone({ submit: t.submitted, approve: t.approved, return: t.returned, publish: t.published }[step]);
    }, step);
  };

  const buttons = [
    office && report.status === 'draft' ? (
      <Button key="submit" type="primary" loading={pending === 'submit'} onClick={() => void take('submit')}>
        {t.submit}
      </Button>
    ) : null,
    leader && report.status === 'in_review' ? (
      <Button
        key="approve"
        type="primary"
        loading={pending === 'approve'}
        onClick={() => void take('approve')}
      >
        {t.approve}
      </Button>
    ) : null,
    leader && (report.status === 'in_review' || report.status === 'approved') ? (
      <Button
        key="return"
        danger
        onClick={() => {
          setReturning(true);
        }}
      >
        {t.returnIt}
      </Button>
    ) : null,
    office && report.status === 'approved' ? (
      <Button
        key="publish"
        type="primary"
        loading={pending === 'publish'}
        onClick={() => void take('publish')}
      >
        {t.publish}
      </Button>
    ) : null,
  ].filter((b) => b !== null);

  if (buttons.length === 0 && problem === undefined) return null;
  return (
    <>
      <Space wrap>{buttons}</Space>
      <ProblemAlert problem={problem} />
      {returning ? (
        <ReturnReportDialog
          busy={pending === 'return'}
          onConfirm={(note) => void take('return', note)}
          onCancel={() => {
            setReturning(false);
          }}
        />
      ) : null}
    </>
  );
}
