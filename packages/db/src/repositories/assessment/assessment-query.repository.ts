import type { Baseline, Target } from '@plantrack/core';
import type { DatabaseHandle } from '../../connection.factory.js';
import { NotFoundError } from '../../errors.js';
import {
  isNewestApprovedObservation,
  isNewestApprovedProgressReport,
} from '../../support/newest-revision.js';

/**
 * Bulk reads behind assessments and the dashboard: each function is one indexed query (or two)
 * for a whole plan, so a dashboard costs the same number of round trips for 3 indicators or 300.
 */
type Db = DatabaseHandle['db'];

/** A plan, its period and its newest version. */
export type PlanHeader = {
  id: string;
  title: string;
  region: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  baselineYear: number | null;
  versionId: string;
  versionNo: number;
};

export async function planHeader(db: Db, planId: string): Promise<PlanHeader> {
  const row = await db
    .selectFrom('plans as p')
    .innerJoin('plan_versions as v', 'v.plan_id', 'p.id')
    .select([
      'p.id',
      'p.title',
      'p.region',
      'p.period_start',
      'p.period_end',
      'p.baseline_year',
      'v.id as version_id',
      'v.version_no',
    ])
    .where('p.id', '=', planId)
    .orderBy('v.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined)
    throw new NotFoundError({ zh: `规划不存在：${planId}`, en: `No such plan: ${planId}` });
  return {
    id: row.id,
    title: row.title,
    region: row.region,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    baselineYear: row.baseline_year,
    versionId: row.version_id,
    versionNo: row.version_no,
  };
}

/** What the engine and the cards need of an indicator, as the plan's newest version states it. */
export type AssessableIndicatorRow = {
  indicatorId: string;
  key: string;
  published: boolean;
  seq: string;
  group: string | null;
  name: string;
  unit: string | null;
  attribute: string | null;
  direction: string | null;
  baseline: Baseline | null;
  target: Target;
  scope: string | null;
  sourceStart: number;
};

/** The indicators of a version in table order; optionally one indicator only. */
export async function assessableIndicators(db: Db, versionId: string): Promise<AssessableIndicatorRow[]> {
  const rows = await db
    .selectFrom('indicator_versions as iv')
    .innerJoin('indicators as i', 'i.id', 'iv.indicator_id')
    .select([
      'iv.indicator_id',
      'i.indicator_key',
      'i.published',
      'iv.seq',
      'iv.group_name',
      'iv.name',
      'iv.unit',
      'iv.attribute',
      'iv.direction',
      'iv.baseline_json',
      'iv.target_json',
      'iv.scope',
      'iv.source_start',
    ])
    .where('iv.plan_version_id', '=', versionId)
    .orderBy('iv.source_start')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    key: r.indicator_key,
    published: r.published === 1,
    seq: r.seq,
    group: r.group_name,
    name: r.name,
    unit: r.unit,
    attribute: r.attribute,
    direction: r.direction,
    baseline: r.baseline_json === null ? null : (JSON.parse(r.baseline_json) as Baseline),
    target: JSON.parse(r.target_json) as Target,
    scope: r.scope,
    sourceStart: r.source_start,
  }));
}

/** The value in force (newest approved revision) of one observation. */
export type ApprovedObservationRow = {
  indicatorId: string;
  period: string;
  /** Empty for the indicator's own scope. */
  scope: string;
  value: number | null;
  estimated: boolean;
  source: string | null;
};

/**
 * The newest approved revision of every annual observation (years `from`–`to`) of the
 * indicators: drafts, submissions and
 * returned revisions never count, and an approved value stays in force while its correction is
 * under review. Served by the (indicator_id, period) index and, for the correlated maximum, the
 * (observation_key, status, revision_no) index of migration 0010.
 */
export async function approvedObservations(
  db: Db,
  indicatorIds: readonly string[],
  years: { from: number; to: number },
): Promise<ApprovedObservationRow[]> {
  if (indicatorIds.length === 0 || years.to < years.from) return [];
  // Annual periods only, listed, so the (indicator_id, period) index seeks each year instead of
  // reading an indicator's quarterly and monthly rows too.
  const periods: string[] = [];
  for (let y = years.from; y <= years.to; y++) periods.push(String(y));
  const rows = await db
    .selectFrom('observations as o')
    .select(['o.indicator_id', 'o.period', 'o.scope', 'o.value', 'o.estimated', 'o.source'])
    .where('o.indicator_id', 'in', [...indicatorIds])
    .where('o.period', 'in', periods)
    .where('o.status', '=', 'approved')
    .where(isNewestApprovedObservation)
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    period: r.period,
    scope: r.scope,
    value: r.value,
    estimated: r.estimated === 1,
    source: r.source,
  }));
}

/**
 * The chapter (章) each indicator is restated in, from the commitments ingestion linked to it:
 * indicator id → chapter title. Indicators restated nowhere are absent.
 */
export async function indicatorChapters(db: Db, versionId: string): Promise<Map<string, string>> {
  const links = await db
    .selectFrom('commitments')
    .select(['indicator_id', 'node_key'])
    .where('plan_version_id', '=', versionId)
    .where('indicator_id', 'is not', null)
    .orderBy('source_start')
    .execute();
  const out = new Map<string, string>();
  if (links.length === 0) return out;
  const chapters = await db
    .selectFrom('outline_nodes')
    .select(['node_key', 'label', 'title'])
    .where('plan_version_id', '=', versionId)
    .where('kind', '=', 'chapter')
    .execute();
  for (const link of links) {
    if (link.indicator_id === null || out.has(link.indicator_id)) continue;
    // Node keys are paths (`p3.c5.s1`): the chapter is the longest chapter key that prefixes it.
    const chapter = chapters
      .filter((c) => link.node_key === c.node_key || link.node_key.startsWith(`${c.node_key}.`))
      .sort((a, b) => b.node_key.length - a.node_key.length)[0];
    if (chapter !== undefined) out.set(link.indicator_id, `${chapter.label} ${chapter.title}`.trim());
  }
  return out;
}

/** A named phase of the plan (`2026 改革突破年`). */
export type PlanPhase = { name: string; startYear: number; endYear: number };

// A version's model never changes once stored, so its phases are read (and parsed) once.
const phasesByVersion = new Map<string, PlanPhase[]>();

/** The phases the outline names, from the stored plan model of the version. */
export async function planPhases(db: Db, versionId: string): Promise<PlanPhase[]> {
  const known = phasesByVersion.get(versionId);
  if (known !== undefined) return known;
  const row = await db
    .selectFrom('plan_versions')
    .select('model_json')
    .where('id', '=', versionId)
    .executeTakeFirst();
  const model = row === undefined ? {} : (JSON.parse(row.model_json) as { phases?: PlanPhase[] });
  const phases = (model.phases ?? []).map((p) => ({
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
  }));
  if (phasesByVersion.size > 500) phasesByVersion.clear();
  phasesByVersion.set(versionId, phases);
  return phases;
}

/** The newest approved figure of a period shorter than a year (`2026Q3`, `2026-09`). */
export type SubAnnualFigureRow = { indicatorId: string; period: string; value: number };

/**
 * The newest approved quarterly or monthly figure in force of each indicator, in the indicator's
 * own scope: what the dashboard shows while no annual value can be assessed yet (GDP 2026Q1–Q3
 * approved, no 2026 value). Figures without a number (`*`) are left out.
 */
export async function latestSubAnnualFigures(
  db: Db,
  indicatorIds: readonly string[],
): Promise<Map<string, SubAnnualFigureRow>> {
  const out = new Map<string, SubAnnualFigureRow>();
  if (indicatorIds.length === 0) return out;
  const rows = await db
    .selectFrom('observations as o')
    .select(['o.indicator_id', 'o.period', 'o.value'])
    .where('o.indicator_id', 'in', [...indicatorIds])
    .where('o.status', '=', 'approved')
    .where('o.scope', '=', '')
    .where('o.value', 'is not', null)
    .where((eb) => eb.or([eb('o.period', 'like', '____Q_'), eb('o.period', 'like', '____-__')]))
    .where(isNewestApprovedObservation)
    .execute();
  for (const r of rows) {
    if (r.value === null) continue;
    const seen = out.get(r.indicator_id);
    if (seen === undefined || comparePeriods(r.period, seen.period) > 0) {
      out.set(r.indicator_id, { indicatorId: r.indicator_id, period: r.period, value: r.value });
    }
  }
  return out;
}

/** The newest approved progress report of each task (its latest reported period). */
export type ApprovedProgressRow = { taskId: string; period: string; progress: string };

export async function latestApprovedProgress(
  db: Db,
  taskIds: readonly string[],
): Promise<Map<string, ApprovedProgressRow>> {
  const out = new Map<string, ApprovedProgressRow>();
  if (taskIds.length === 0) return out;
  const rows = await db
    .selectFrom('progress_reports as r')
    .select(['r.task_id', 'r.period', 'r.progress'])
    .where('r.task_id', 'in', [...taskIds])
    .where('r.status', '=', 'approved')
    .where(isNewestApprovedProgressReport)
    .execute();
  for (const r of rows) {
    const seen = out.get(r.task_id);
    if (seen === undefined || comparePeriods(r.period, seen.period) > 0) {
      out.set(r.task_id, { taskId: r.task_id, period: r.period, progress: r.progress });
    }
  }
  return out;
}

/** `2026` < `2026Q1` < `2026-03` is not meaningful; compare by the period's end instead. */
function comparePeriods(a: string, b: string): number {
  return periodEnd(a).localeCompare(periodEnd(b));
}

function periodEnd(p: string): string {
  const year = p.slice(0, 4);
  if (p.length === 4) return `${year}-12`;
  const q = /^\d{4}Q([1-4])$/.exec(p);
  if (q !== null) return `${year}-${String(Number(q[1]) * 3).padStart(2, '0')}`;
  return p;
}

/** Canonical names of departments by id. */
export async function departmentNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'canonical_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.canonical_name]));
}

/**
 * Audited actions that change nothing a read model shows. They must not move the change stamp:
 * otherwise every sign-in (forty departments each morning) would recompute every cached dashboard.
 */
const ACTIONS_OUTSIDE_READ_MODELS = ['auth.signed_in', 'auth.sign_in_failed', 'api_token.created'];

/**
 * The newest audit record id among changes that read models show (ids are time-ordered UUID v7).
 * Read backwards along the primary key, so it stops at the first such record.
 */
export async function changeStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('action', 'not in', ACTIONS_OUTSIDE_READ_MODELS)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? '';
}
