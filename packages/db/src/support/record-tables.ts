import { PLAN_RECORD_KINDS, RECORD_KIND_DESCRIPTORS, type PlanRecordKindName } from '@plantrack/core';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema/database.schema.js';
import type { RevisionColumns } from '../schema/monitoring-tables.schema.js';

/**
 * Where each plan record kind of core's registry is stored (`PLAN_RECORD_KINDS`: the kinds of
 * indicators and tasks, which share one revision shape), and the query parts built from it, so the
 * reads that span every kind (the review queue, each item's last report, the notices) union one
 * part per kind instead of naming the kinds: a new kind adds a line here (the `satisfies` below
 * fails to compile until it does) and those reads take it from there. A project's monthly reports
 * keep their own table (repositories/projects).
 */

/** The plan element tables a record kind reports on (core's `element` of its descriptor). */
type ElementName = (typeof RECORD_KIND_DESCRIPTORS)[PlanRecordKindName]['element'];

/** An element's identity table, its per-version table, and the version column that names it. */
export type ElementTables = {
  readonly table: 'indicators' | 'tasks';
  readonly versions: 'indicator_versions' | 'task_versions';
  /** The version table's column pointing at the element. */
  readonly versionOf: 'indicator_id' | 'task_id';
  /** What a person reads as the element's name (an indicator's name, a task's measure). */
  readonly nameColumn: 'name' | 'measure';
};

export const ELEMENT_TABLES = {
  indicator: {
    table: 'indicators',
    versions: 'indicator_versions',
    versionOf: 'indicator_id',
    nameColumn: 'name',
  },
  task: { table: 'tasks', versions: 'task_versions', versionOf: 'task_id', nameColumn: 'measure' },
} as const satisfies { [E in ElementName]: ElementTables };

/** The value columns a record kind stores, null where the kind has none (what "last report" shows). */
type ValueColumns = {
  readonly value: 'value' | null;
  readonly valueText: 'value_text' | null;
  readonly unit: 'unit' | null;
  readonly progress: 'progress' | null;
};

/** One record kind's append-only revision table and the columns that differ between kinds. */
export type RecordTable = {
  readonly table: 'observations' | 'progress_reports';
  /** The identity of a record across its revisions. */
  readonly keyColumn: 'observation_key' | 'report_key';
  /** The plan element the record reports on. */
  readonly targetColumn: 'indicator_id' | 'task_id';
  readonly values: ValueColumns;
};

export const RECORD_TABLES = {
  observation: {
    table: 'observations',
    keyColumn: 'observation_key',
    targetColumn: 'indicator_id',
    values: { value: 'value', valueText: 'value_text', unit: 'unit', progress: null },
  },
  progress_report: {
    table: 'progress_reports',
    keyColumn: 'report_key',
    targetColumn: 'task_id',
    values: { value: null, valueText: null, unit: null, progress: 'progress' },
  },
} as const satisfies { [K in PlanRecordKindName]: RecordTable };

/** The element tables of a record kind. */
export function elementTablesOf(kind: PlanRecordKindName): ElementTables {
  return ELEMENT_TABLES[RECORD_KIND_DESCRIPTORS[kind].element];
}

/** Every declared kind with its tables, in the registry's order. */
export function recordTables(): { kind: PlanRecordKindName; tables: RecordTable; element: ElementName }[] {
  return PLAN_RECORD_KINDS.map((kind) => ({
    kind,
    tables: RECORD_TABLES[kind],
    element: RECORD_KIND_DESCRIPTORS[kind].element,
  }));
}

/** A record kind's revision table aliased `k`: the columns every kind shares. */
export type WithRecordAsK = Database & { k: RevisionColumns & { period: string } };

/** The revision table of a kind, aliased `k`, for `selectFrom`. */
export function recordTableAsK(db: Kysely<Database>, kind: PlanRecordKindName) {
  return db.dynamic.table(RECORD_TABLES[kind].table).as('k');
}

/** A column of `k` that differs between kinds (its key, its element), typed by the caller. */
export function recordColumn<T>(kind: PlanRecordKindName, column: 'key' | 'target') {
  const t = RECORD_TABLES[kind];
  return sql.ref<T>(`k.${column === 'key' ? t.keyColumn : t.targetColumn}`);
}

/**
 * `k.revision_no` is the newest revision of its record: the filter every "current state" query
 * over an append-only revision table needs, served by its unique (key, revision_no) index.
 */
export function isNewestRevisionOf(kind: PlanRecordKindName) {
  const { table, keyColumn } = RECORD_TABLES[kind];
  return (eb: ExpressionBuilder<WithRecordAsK, 'k'>): Expression<SqlBool> =>
    eb(
      'k.revision_no',
      '=',
      eb
        .selectFrom(sql.table(table).as('k2'))
        .select(sql<number>`max(k2.revision_no)`.as('m'))
        .where(sql.ref(`k2.${keyColumn}`), '=', sql.ref(`k.${keyColumn}`)),
    );
}
