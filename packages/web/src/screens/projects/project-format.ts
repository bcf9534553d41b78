import type { Lang } from '../../i18n/i18n';
import type { ProjectsText } from './projects.messages';
import type { ProjectView } from '@plantrack/api';

/** The dashboard's key for a group the sheet left blank (责任单位, 镇街 or category not given). */
export const UNSET_KEY = '（未填）';

/** An amount in 万元 as the language writes numbers, at most two decimals. */
export function wan(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

/** completed ÷ plan as a percentage with one decimal, or '—' without a plan. */
export function rate(completed: number, plan: number): string {
  if (plan <= 0) return '—';
  return `${((completed / plan) * 100).toFixed(1)}%`;
}

/** A group key (or a project's field) for display: the blank group in words. */
export function groupLabel(key: string | null, unassigned: string): string {
  return key === null || key === UNSET_KEY ? unassigned : key;
}

/** The last month with completed figures of `year` as of `asOf` (0: the year has not begun). */
export function monthsReported(year: number, asOf: string): number {
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear > year) return 12;
  if (asOfYear < year) return 0;
  return Number(asOf.slice(5, 7));
}

/** The page of one project. */
export function projectHref(id: string): string {
  return `/projects/${encodeURIComponent(id)}`;
}

/** A lifecycle stage (储备…后评价) in the interface language. */
export function stageLabel(t: ProjectsText, stage: ProjectView['stage']): string {
  return t[`stage${stage}`];
}
