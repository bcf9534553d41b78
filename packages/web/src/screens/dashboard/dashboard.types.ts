import type { Bilingual } from '../../i18n/i18n';
import type { AssessmentStatus } from '../../components/StatusTag';

/** `[year, value]` chart points, as the API sends them. */
export type Point = [number, number];

export type StatusCounts = Record<AssessmentStatus, number>;

/** One indicator card (`DashboardCard` in docs/openapi.json). */
export type DashboardCard = {
  id: string;
  key: string;
  seq: string;
  group: string | null;
  chapter: string | null;
  name: string;
  unit: string | null;
  attribute: string | null;
  binding: boolean;
  targetText: string;
  baseline: { year: number; value: number } | null;
  latest: { period: number; value: number; estimated: boolean } | null;
  status: AssessmentStatus;
  warning: boolean;
  explanation: Bilingual;
  forecast: { year: number; value: number; meetsTarget: boolean } | null;
  sparkline: Point[];
  expectedPath: Point[];
  departmentIds: string[];
};

export type Rollup = {
  dimension: string;
  key: string;
  total: number;
  counts: StatusCounts;
  onScheduleShare: number | null;
  binding: { total: number; warnings: number; latestMet: number; latestNotMet: number };
  summary: Bilingual;
};

export type TaskStatus = 'not_started' | 'in_progress' | 'completed' | 'delayed' | 'not_reported';

export type MissingReports = {
  period: string | null;
  withinDays: number;
  departments: {
    departmentId: string | null;
    name: string | null;
    items: { kind: 'indicator' | 'task'; id: string; period: string; dueDate: string; overdue: boolean }[];
  }[];
};

/** `GET /api/plans/{planId}/dashboard` and its public twin (`Dashboard` in docs/openapi.json). */
export type Dashboard = {
  public: boolean;
  asOf: string;
  assessedYear: number;
  plan: {
    id: string;
    title: string;
    region: string | null;
    periodStart: number | null;
    periodEnd: number | null;
    baselineYear: number | null;
    versionNo: number;
  };
  thresholds: { id: string; source: 'default' | 'plan' };
  counts: StatusCounts;
  warnings: number;
  departments: { id: string; name: string }[];
  cards: DashboardCard[];
  rollups: {
    rule: Bilingual;
    group: Rollup[];
    chapter: Rollup[];
    department: Rollup[];
    phase: (Rollup & { asOf: number })[];
  };
  tasks: {
    counts: Record<TaskStatus, number>;
    items: {
      id: string;
      measure: string;
      status: TaskStatus;
      period: string | null;
      departmentIds: string[];
    }[];
  };
  missingReports: MissingReports | null;
};
