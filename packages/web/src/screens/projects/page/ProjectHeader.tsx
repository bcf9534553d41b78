import { Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProjectDetailView } from '@plantrack/api';
import { Pill } from '../../../components/Pill';
import { format, useBilingual, useMessages } from '../../../i18n/i18n';
import { HEALTH_COLORS, STAGE_COLOR, wan } from './project-labels';
import { projectPageMessages } from './project-page.messages';

/** Who the project is: its register fields, its stage and its status with the reasons behind it. */
export function ProjectHeader({ project }: { project: ProjectDetailView }) {
  const t = useMessages(projectPageMessages);
  const pick = useBilingual();
  const s = project.status;
  const orUnset = (v: string | null) => v ?? t.unset;
  const years =
    project.startYear === null && project.endYear === null
      ? t.unset
      : `${project.startYear ?? '?'}–${project.endYear ?? '?'}`;
  return (
    <header>
      <Link to="/projects">← {t.back}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0' }}>
        {project.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Pill color={STAGE_COLOR}>
          {t.stage}：{t[`stage_${project.stage}`]}
        </Pill>
        <Pill color={HEALTH_COLORS[s.health]}>
          {t.status}：{t[`health_${s.health}`]}
        </Pill>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'code', label: t.code, children: project.code ?? t.noCode },
          { key: 'level', label: t.level, children: orUnset(project.level) },
          { key: 'category', label: t.category, children: orUnset(project.category) },
          { key: 'place', label: t.place, children: orUnset(project.place) },
          { key: 'lead', label: t.leadUnit, children: orUnset(project.leadUnit) },
          {
            key: 'total',
            label: t.total,
            children: project.totalWan === null ? t.unset : format(t.wan, { n: wan(project.totalWan) }),
          },
          { key: 'years', label: t.years, children: years },
        ]}
      />
      <section aria-label={t.status} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          {format(t.statusAsOf, { asOf: s.asOf, year: s.year, threshold: s.lagThresholdPoints })}
          {s.completionRatePct === null
            ? null
            : ` · ${format(t.completionRate, { rate: s.completionRatePct, elapsed: s.timeElapsedPct })}`}
        </Typography.Text>
        {s.reasons.length === 0 ? (
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{t.noReasons}</Typography.Paragraph>
        ) : (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {s.reasons.map((r) => (
              <li key={r.zh}>{pick(r)}</li>
            ))}
          </ul>
        )}
      </section>
    </header>
  );
}
