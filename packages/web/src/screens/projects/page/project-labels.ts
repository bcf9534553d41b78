import type { ProjectDetailView } from '@plantrack/api';

export type ProjectStage = ProjectDetailView['stage'];
export type ProjectHealth = ProjectDetailView['status']['health'];
export type ProjectReport = ProjectDetailView['reports'][number];
export type ProjectIssue = ProjectDetailView['issues'][number];

/** Colours dark enough for white text; amber and red for the statuses that need attention. */
export const HEALTH_COLORS: Readonly<Record<ProjectHealth, string>> = {
  正常: '#1b5e20',
  滞后: '#b45309',
  需协调: '#b71c1c',
};
export const STAGE_COLOR = '#1565c0';

export const REPORT_COLORS: Readonly<Record<ProjectReport['status'], string>> = {
  draft: '#595959',
  submitted: '#1565c0',
  approved: '#1b5e20',
  returned: '#b71c1c',
};

/** The office's next step of the lifecycle (core's project-lifecycle.ts; 后评价 comes with the evaluation form). */
export const NEXT_STAGE: Readonly<Partial<Record<ProjectStage, Exclude<ProjectStage, '后评价'>>>> = {
  储备: '前期',
  前期: '在建',
  在建: '竣工',
};

/** 万元 with at most two decimals. */
export function wan(n: number): string {
  return (Math.round(n * 100) / 100).toLocaleString('zh-CN');
}

/** `2026-03` for a report's month. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The evidence path of a project's month (key `projectId|YYYY-MM`, URL-encoded). */
export function reportEvidencePath(projectId: string, year: number, month: number): string {
  return `/api/project-reports/${encodeURIComponent(`${projectId}|${monthKey(year, month)}`)}`;
}
