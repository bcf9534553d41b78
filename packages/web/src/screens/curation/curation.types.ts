import type { Bilingual } from '../../i18n/i18n';

type Span = { start: number; end: number; lineStart: number; lineEnd: number };

/** `GET /api/plans/{planId}/indicators` rows. */
export type Indicator = {
  id: string;
  key: string;
  seq: string;
  group: string | null;
  name: string;
  unit: string | null;
  attribute: string | null;
  direction: string | null;
  target: {
    text: string;
    kind: string;
    op?: string | null;
    value?: number | null;
    valueMax?: number | null;
    unit?: string | null;
    parsed?: boolean;
  };
  scope: string | null;
  published: boolean;
  source: Span;
};

/** `GET /api/indicators/{id}/edits` (see packages/server/src/routes/curation.routes.ts). */
export type IndicatorEdits = {
  indicator: Indicator & { editNo: number };
  edits: {
    id: string;
    versionNo: number;
    field: string;
    before: unknown;
    after: unknown;
    reason: string | null;
    actor: string;
    actorName: string | null;
    at: string;
  }[];
};

/** The fields the planning office may correct, as `PATCH /api/indicators/{id}` names them. */
export type IndicatorChanges = {
  name?: string;
  groupName?: string | null;
  unit?: string | null;
  attribute?: '预期性' | '约束性' | null;
  direction?: 'higher' | 'lower' | null;
  targetText?: string;
  scope?: string | null;
};

/** `GET /api/plans/{planId}/tasks` rows. */
export type Task = {
  id: string;
  key: string;
  measure: string;
  clause: string;
  nodeKey: string;
  owners: { departmentId: string; name: string; role: 'lead' | 'co_lead' }[];
};

export type Finding = {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: Bilingual;
  sources: Span[];
  indicatorSeq: string | null;
  indicatorId: string | null;
};

/** `GET /api/plans/{planId}/findings`. */
export type FindingsReport = {
  versionId: string;
  versionNo: number;
  counts: { nodes: number; indicators: number; commitments: number; assignments: number };
  findings: Finding[];
  warnings: Bilingual[];
};

/** `GET /api/plans/{planId}/versions` rows. */
export type VersionSummary = {
  id: string;
  versionNo: number;
  fileName: string | null;
  sha256: string;
  createdAt: string;
  createdBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  changes: {
    indicatorsAdded: number;
    indicatorsRemoved: number;
    indicatorsChanged: number;
    tasksAdded: number;
    tasksRemoved: number;
    tasksChanged: number;
  };
};

type DiffEntry = { key: string; indicatorId: string; seq: string; name: string };
type TaskEntry = { key: string; taskId: string; measure: string };

/** `GET /api/plans/{planId}/versions/{versionId}/diff`. */
export type VersionDiff = {
  versionId: string;
  versionNo: number;
  previousVersionNo: number | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  indicators: {
    added: DiffEntry[];
    removed: DiffEntry[];
    changed: (DiffEntry & { changes: { field: string; before: string | null; after: string | null }[] })[];
  };
  tasks: {
    added: TaskEntry[];
    removed: TaskEntry[];
    changed: (TaskEntry & { before: string[]; after: string[] })[];
  };
};

/** `POST /api/plans/import/file`. */
export type ImportResult = {
  planId: string;
  versionId: string;
  versionNo: number;
  created: boolean;
  diff: { added: unknown[]; removed: unknown[]; changed: unknown[] };
};
