import { App, Card, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewSettings } from '@plantrack/api';
import { ApiProblem, api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useBilingual, useMessages } from '../../../i18n/i18n';
import { evidenceRuleMessages } from './evidence-rule.messages';

/**
 * The plan's evidence rule as one switch (提交时须附证明材料). It is a review setting, saved with
 * the revision it started from, so the other review rules stay as they are.
 */
export function EvidenceRuleCard({ planId }: { planId: string }) {
  const t = useMessages(evidenceRuleMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const settings = useApi<ReviewSettings>(`/api/plans/${planId}/review-settings`);
  const [saving, setSaving] = useState(false);
  const data = settings.data;

  const toggle = async (on: boolean) => {
    setSaving(true);
    try {
      await api(`/api/plans/${planId}/review-settings`, {
        method: 'PUT',
        json: { expectedRevision: data?.revisionNo ?? 0, evidenceRequired: on },
      });
      void message.success(t.saved);
      settings.reload();
    } catch (error) {
      if (error instanceof ApiProblem) void message.error(pick(error.messages));
      else throw error;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.title}</h2>}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <ProblemAlert problem={settings.error} onRetry={settings.reload} />
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
        <Switch
          aria-label={t.label}
          checked={data?.evidenceRequired ?? false}
          disabled={data === undefined}
          loading={saving || settings.loading}
          onChange={(on) => void toggle(on)}
        />
        {t.label}
        {/* The state in words beside the switch: text inside an antd switch is too faint to read. */}
        <Typography.Text strong>· {data?.evidenceRequired === true ? t.on : t.off}</Typography.Text>
      </label>
    </Card>
  );
}
