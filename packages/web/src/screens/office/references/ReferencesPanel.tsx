import { App, Card, Empty, Select, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Indicator, Page, ReferenceSeries, ReferenceSeriesWithValues } from '@plantrack/api';
import { ApiProblem, api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { Pill } from '../../../components/Pill';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useBilingual, useMessages } from '../../../i18n/i18n';
import { EvidenceRuleCard } from './EvidenceRuleCard';
import { NewSeriesForm } from './NewSeriesForm';
import { SeriesCard } from './SeriesCard';
import { ThresholdsForm } from './ThresholdsForm';
import { type ReferencesText, referencesMessages } from './references.messages';

/** Target kinds whose assessment needs a reference series (docs/methodology.md). */
const NEEDS_SERIES = new Set(['relative', 'external']);

function kindOptions(t: ReferencesText): { value: ReferenceSeries['kind']; label: string }[] {
  return [
    { value: 'city-average', label: t.kindCityAverage },
    { value: 'external-target', label: t.kindExternalTarget },
    { value: 'other', label: t.kindOther },
  ];
}

/**
 * The office console's references tab (`/office?tab=references&indicator=…`): which indicators
 * need a reference series and which have none, the series with their values by year and source,
 * the plan's status thresholds and whether values need evidence. `indicator` in the URL (from an
 * indicator's page) marks that indicator and preselects it for a new series.
 */
export function ReferencesPanel({ planId }: { planId: string }) {
  const t = useMessages(referencesMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const preselected = params.get('indicator');
  const indicators = useApi<Page<Indicator>>(`/api/plans/${planId}/indicators?pageSize=200`);
  const series = useApi<ReferenceSeriesWithValues[]>(`/api/plans/${planId}/reference-series`);
  const kinds = kindOptions(t);

  const all = useMemo(() => indicators.data?.items ?? [], [indicators.data]);
  const needing = all.filter((i) => NEEDS_SERIES.has(i.target.kind) || i.id === preselected);
  const seriesOfKey = new Map<string, string>();
  for (const s of series.data ?? []) for (const key of s.linkedIndicatorKeys) seriesOfKey.set(key, s.id);
  const label = (i: Indicator) => `${i.seq}. ${i.name}`;

  const link = async (indicatorId: string, seriesId: string) => {
    try {
      await api(`/api/indicators/${encodeURIComponent(indicatorId)}/reference-series`, {
        method: 'PUT',
        json: { seriesId: seriesId === '' ? null : seriesId },
      });
      void message.success(t.linkSaved);
      series.reload();
    } catch (error) {
      if (error instanceof ApiProblem) void message.error(pick(error.messages));
      else throw error;
    }
  };

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      <ProblemAlert problem={indicators.error ?? series.error} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.needTitle}</h2>}>
        <Typography.Paragraph type="secondary">{t.needIntro}</Typography.Paragraph>
        <Table<Indicator>
          aria-label={t.needTitle}
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={indicators.loading || series.loading}
          dataSource={needing}
          locale={{ emptyText: t.needNone }}
          rowClassName={(i) => (i.id === preselected ? 'ant-table-row-selected' : '')}
          columns={[
            { key: 'name', title: t.name, render: (_, i) => label(i) },
            { key: 'target', title: t.target, render: (_, i) => i.target.text },
            {
              key: 'state',
              title: t.linkLabel,
              render: (_, i) => {
                const linked = seriesOfKey.get(i.key) ?? '';
                return (
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                    {linked === '' ? (
                      <Pill color="#ad4e00">{t.missing}</Pill>
                    ) : (
                      <Pill color="#237804">{t.linked}</Pill>
                    )}
                    <Select<string>
                      aria-label={`${t.linkLabel}${t.colon}${label(i)}`}
                      style={{ minWidth: 180 }}
                      value={linked}
                      onChange={(value) => void link(i.id, value)}
                      options={[
                        { value: '', label: t.linkNone },
                        ...(series.data ?? []).map((s) => ({ value: s.id, label: s.name })),
                      ]}
                    />
                  </span>
                );
              },
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.seriesTitle}</h2>}>
        <NewSeriesForm
          planId={planId}
          t={t}
          kindOptions={kinds}
          indicators={(needing.length > 0 ? needing : all).map((i) => ({ id: i.id, label: label(i) }))}
          preselected={preselected}
          onCreated={series.reload}
        />
        {(series.data ?? []).length === 0 && !series.loading && <Empty description={t.seriesNone} />}
        {(series.data ?? []).map((s) => (
          <SeriesCard
            key={s.id}
            series={s}
            t={t}
            kindLabel={kinds.find((k) => k.value === s.kind)?.label ?? s.kind}
            indicatorNames={all.filter((i) => s.linkedIndicatorKeys.includes(i.key)).map(label)}
            onChanged={series.reload}
          />
        ))}
      </Card>
      <ThresholdsForm planId={planId} t={t} />
      <EvidenceRuleCard planId={planId} />
    </div>
  );
}
