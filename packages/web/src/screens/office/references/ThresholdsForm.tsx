import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import type { AssessmentSettings, ThresholdsPatch } from '@plantrack/api';
import { ApiProblem, api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { format, useBilingual } from '../../../i18n/i18n';
import type { ReferencesText } from './references.messages';

type Fields = {
  id: string;
  ahead: number;
  onTrack: number;
  broadly: number;
  lagging: number;
  attainmentBroadly: number;
  attainmentLagging: number;
  syncPp: number;
  aheadPp: number;
  lagPp: number;
  steady: number;
  dataLag: number;
};

function fieldsOf(s: AssessmentSettings): Fields {
  const x = s.thresholds;
  return {
    id: s.source === 'default' ? '' : x.id,
    ahead: x.progress.ahead,
    onTrack: x.progress.onTrack,
    broadly: x.progress.broadly,
    lagging: x.progress.lagging,
    attainmentBroadly: x.attainment.broadly,
    attainmentLagging: x.attainment.lagging,
    syncPp: x.relative.syncPp,
    aheadPp: x.relative.aheadPp,
    lagPp: x.relative.lagPp,
    steady: x.steadyTolerance,
    dataLag: x.maxDataLagYears,
  };
}

function patchOf(f: Fields): ThresholdsPatch {
  return {
    id: f.id.trim(),
    progress: { ahead: f.ahead, onTrack: f.onTrack, broadly: f.broadly, lagging: f.lagging },
    attainment: { broadly: f.attainmentBroadly, lagging: f.attainmentLagging },
    relative: { syncPp: f.syncPp, aheadPp: f.aheadPp, lagPp: f.lagPp },
    steadyTolerance: f.steady,
    maxDataLagYears: f.dataLag,
  };
}

const NUMBER_FIELDS = [
  ['ahead', 'aheadHelp'],
  ['onTrack', 'onTrackHelp'],
  ['broadly', 'broadlyHelp'],
  ['lagging', 'laggingHelp'],
  ['attainmentBroadly', 'attainmentBroadlyHelp'],
  ['attainmentLagging', 'attainmentLaggingHelp'],
  ['syncPp', 'syncPpHelp'],
  ['aheadPp', 'aheadPpHelp'],
  ['lagPp', 'lagPpHelp'],
  ['steady', 'steadyHelp'],
  ['dataLag', 'dataLagHelp'],
] as const satisfies readonly (readonly [keyof Fields, keyof ReferencesText])[];

/**
 * The plan's status thresholds as a form, each cut point with what it means. Saved with the
 * revision it started from, so two offices editing at once do not overwrite each other silently.
 */
export function ThresholdsForm({ planId, t }: { planId: string; t: ReferencesText }) {
  const { message } = App.useApp();
  const pick = useBilingual();
  const settings = useApi<AssessmentSettings>(`/api/plans/${planId}/assessment-settings`);
  const [form] = Form.useForm<Fields>();
  const data = settings.data;
  useEffect(() => {
    if (data !== undefined) form.setFieldsValue(fieldsOf(data));
  }, [data, form]);

  const save = async (fields: Fields) => {
    try {
      await api(`/api/plans/${planId}/assessment-settings`, {
        method: 'PUT',
        json: { expectedRevision: data?.revisionNo ?? 0, thresholds: patchOf(fields) },
      });
      void message.success(t.saved);
      settings.reload();
    } catch (error) {
      if (error instanceof ApiProblem) void message.error(pick(error.messages));
      else throw error;
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.thresholdsTitle}</h2>}>
      <Typography.Paragraph type="secondary">{t.thresholdsIntro}</Typography.Paragraph>
      <ProblemAlert problem={settings.error} onRetry={settings.reload} />
      {data !== undefined && (
        <Typography.Paragraph>
          {format(t.thresholdsSource, {
            source: data.source === 'default' ? t.sourceDefault : `${t.sourcePlan} ${data.thresholds.id}`,
            n: data.revisionNo,
          })}
        </Typography.Paragraph>
      )}
      <Form<Fields>
        form={form}
        name="thresholds"
        aria-label={t.thresholdsTitle}
        layout="vertical"
        onFinish={(f) => void save(f)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item
          name="id"
          label={t.setName}
          rules={[{ required: true, whitespace: true, message: t.setName }]}
        >
          <Input placeholder={t.setNamePlaceholder} maxLength={100} />
        </Form.Item>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
            columnGap: 16,
          }}
        >
          {NUMBER_FIELDS.map(([name, help]) => (
            <Form.Item key={name} name={name} label={t[name]} extra={t[help]} rules={[{ required: true }]}>
              <InputNumber style={{ width: '100%' }} step={name === 'dataLag' ? 1 : 0.01} />
            </Form.Item>
          ))}
        </div>
        <Button type="primary" htmlType="submit" disabled={data === undefined}>
          {t.save}
        </Button>
      </Form>
    </Card>
  );
}
