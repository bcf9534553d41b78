import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { type Bilingual, format, useBilingual } from '../../i18n/i18n';
import type { Mark } from './highlight-layout';
import type { ReaderText } from './reader.messages';
import type { Outline as PlanOutline } from '@plantrack/api';

const SEVERITY_COLOURS = { info: 'blue', warning: 'orange', error: 'red' } as const;

/** A one-line description of a highlight, read out by screen readers as the mark's name. */
export function markSummary(
  outline: PlanOutline,
  mark: Mark,
  t: ReaderText,
  pick: (message: Bilingual | undefined) => string,
): string {
  switch (mark.kind) {
    case 'indicator': {
      const i = outline.indicators[mark.ref];
      return `${t.indicator}：${i?.name ?? ''} ${i?.targetText ?? ''}`;
    }
    case 'commitment':
      return `${t.commitment}：${outline.commitments[mark.ref]?.subject ?? ''}`;
    case 'owner': {
      const a = outline.assignments[mark.ref];
      return `${t.owner}：${(a?.owners ?? [])
        .filter((o) => o.role === 'lead')
        .map((o) => o.name)
        .join('、')}`;
    }
    case 'finding':
      return `${t.finding}：${pick(outline.findings[mark.ref]?.message)}`;
    case 'hit':
    case 'heading':
      return t.hit;
  }
}

/** The details of a highlighted item, shown in its popover. */
export function MarkDetails({ outline, mark, t }: { outline: PlanOutline; mark: Mark; t: ReaderText }) {
  const pick = useBilingual();
  const none = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? t.none : v;
  if (mark.kind === 'indicator') {
    const i = outline.indicators[mark.ref];
    if (i === undefined) return null;
    return (
      <Descriptions size="small" column={1} title={`${i.seq}. ${i.name}`} style={{ maxWidth: 360 }}>
        <Descriptions.Item label={t.target}>{i.targetText}</Descriptions.Item>
        <Descriptions.Item label={t.unit}>{none(i.unit)}</Descriptions.Item>
        <Descriptions.Item label={t.attribute}>{none(i.attribute)}</Descriptions.Item>
        <Descriptions.Item label={t.scope}>{none(i.scope)}</Descriptions.Item>
        <Descriptions.Item label={t.group}>{none(i.group)}</Descriptions.Item>
        <Descriptions.Item label="">
          <Link to={`/indicators/${i.id}`}>{t.openIndicator}</Link>
        </Descriptions.Item>
      </Descriptions>
    );
  }
  if (mark.kind === 'commitment') {
    const c = outline.commitments[mark.ref];
    if (c === undefined) return null;
    return (
      <Descriptions size="small" column={1} title={c.subject} style={{ maxWidth: 360 }}>
        <Descriptions.Item label={t.quantity}>{none(c.quantityText)}</Descriptions.Item>
        <Descriptions.Item label={t.deadline}>
          {c.deadline === null ? t.none : format(t.year, { y: c.deadline })}
        </Descriptions.Item>
      </Descriptions>
    );
  }
  if (mark.kind === 'owner') {
    const a = outline.assignments[mark.ref];
    if (a === undefined) return null;
    const names = (role: 'lead' | 'co_lead') =>
      a.owners
        .filter((o) => o.role === role)
        .map((o) => o.name)
        .join('、') || t.none;
    return (
      <Descriptions size="small" column={1} title={a.clause} style={{ maxWidth: 360 }}>
        <Descriptions.Item label={t.measure}>{a.measure}</Descriptions.Item>
        <Descriptions.Item label={t.leads}>{names('lead')}</Descriptions.Item>
        <Descriptions.Item label={t.coLeads}>{names('co_lead')}</Descriptions.Item>
      </Descriptions>
    );
  }
  if (mark.kind === 'finding') {
    const f = outline.findings[mark.ref];
    if (f === undefined) return null;
    const severity = { info: t.severityInfo, warning: t.severityWarning, error: t.severityError }[f.severity];
    return (
      <div style={{ maxWidth: 360 }}>
        <Tag color={SEVERITY_COLOURS[f.severity]}>{severity}</Tag>
        <p style={{ margin: '8px 0 0' }}>{pick(f.message)}</p>
      </div>
    );
  }
  return null;
}
