import type { Bilingual } from '../../i18n/i18n';

/** `GET /api/my/periods` rows: one period an indicator or task owes, its due date and state. */
export type PeriodItem = {
  planId: string;
  kind: 'indicator' | 'task';
  /** The stable indicator or task id (what records are keyed by). */
  id: string;
  key: string;
  name: string;
  unit: string | null;
  frequency: 'annual' | 'quarterly' | 'monthly';
  period: string;
  dueDate: string;
  state: PeriodState;
  revisionNo: number;
  overdue: boolean;
  daysUntilDue: number;
};

export type PeriodState = 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';
export type RevisionStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type RevisionAction = 'save_draft' | 'submit' | 'approve' | 'return' | 'correct';

/** A data-quality flag raised when a value entered review (docs/methodology.md §14). */
export type QualityFlag = {
  code: string;
  severity: 'warning' | 'error';
  message: Bilingual;
  details: Record<string, number | string | null>;
};

/**
 * Where an evidence file stands: `withdrawn` by the department from a draft or returned submission
 * (kept for the department and reviewers, never shown to leaders or the public), `redacted` by the
 * planning office (bytes removed; downloads answer 410).
 */
export type EvidenceState = 'active' | 'withdrawn' | 'redacted';

/** An uploaded evidence file (佐证材料); its bytes are at `GET /api/evidence/{id}` unless redacted. */
export type EvidenceFile = {
  id: string;
  subjectKind: 'observation' | 'progress-report';
  subjectKey: string;
  revisionNo: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  state: EvidenceState;
  withdrawnAt: string | null;
  /** User id of whoever withdrew it. */
  withdrawnBy: string | null;
  redactedAt: string | null;
  /** User id of the planning-office user who redacted it. */
  redactedBy: string | null;
  redactionReason: string | null;
};

type RevisionMeta = {
  id: string;
  key: string;
  revisionNo: number;
  status: RevisionStatus;
  action: RevisionAction;
  reason: string | null;
  createdAt: string;
  createdBy: string;
  /** An approval or return by the revision's own submitter (an office user's on-behalf entry). */
  selfReviewed?: boolean;
  evidenceFiles?: EvidenceFile[];
};

export type ObservationValues = {
  value: number | null;
  valueText: string | null;
  unit: string | null;
  estimated: boolean;
  source: string | null;
  comment: string | null;
  evidence: string[];
};

export type ProgressCode = 'not_started' | 'in_progress' | 'completed' | 'delayed';

export type ProgressValues = {
  progress: ProgressCode;
  narrative: string;
  comment: string | null;
  evidence: string[];
};

export type ObservationRevision = RevisionMeta & {
  indicatorId: string;
  period: string;
  scope: string;
  values: ObservationValues;
  qualityFlags?: QualityFlag[];
};

export type ProgressRevision = RevisionMeta & {
  taskId: string;
  period: string;
  values: ProgressValues;
};

export type AnyRevision = ObservationRevision | ProgressRevision;

export type ApprovedValue = {
  period: string;
  scope: string;
  value: number | null;
  valueText: string | null;
  unit: string | null;
  estimated: boolean;
};

/** `GET /api/indicators/{id}`: the indicator, values in force, and (for owners) the latest revisions. */
export type IndicatorDetail = {
  indicator: { id: string; seq: string; name: string; unit: string | null; scope: string | null };
  inForce: ApprovedValue[];
  latest: ObservationRevision[] | null;
};

/** A wrong cell of an uploaded template (Excel row number and column letter). */
export type CellError = { sheet: string; row: number; column: string; messages: Bilingual };

/** `POST /api/my/template.xlsx` success. */
export type TemplateUploadResult = {
  mode: 'draft' | 'submit';
  counts: { saved: number; submitted: number; unchanged: number; replayed: number };
  /** Rows of sheet 指标 (observations). */
  rows: { row: number; indicatorId: string; period: string; outcome: string; status: RevisionStatus }[];
  /** Rows of sheet 任务进展 (progress reports). */
  taskRows?: { row: number; taskId: string; period: string; outcome: string; status: RevisionStatus }[];
};

/** Which record an entry form writes: its API path and key. */
export type RecordRef =
  | { kind: 'indicator'; id: string; period: string; scope: string }
  | { kind: 'task'; id: string; period: string };

/** The record key the API uses: `indicatorId|period|scope` or `taskId|period`. */
export function recordKeyOf(ref: RecordRef): string {
  return ref.kind === 'indicator' ? `${ref.id}|${ref.period}|${ref.scope}` : `${ref.id}|${ref.period}`;
}

/** `GET /api/my/items`: the indicators and tasks the department owns, per plan. */
export type OwnedItems = {
  planId: string;
  indicators: { id: string; key: string; seq: string; name: string; unit: string | null }[];
  tasks: { id: string; key: string; measure: string }[];
}[];

/** The API's period format: 2026, 2026Q1 or 2026-03. */
export const PERIOD_PATTERN = /^\d{4}(?:Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

/**
 * A period of an owned item that is not (yet) owed, e.g. a preliminary figure for the running
 * year: it has no due date and its state is read from the record itself.
 */
export function unscheduledItem(
  owned: OwnedItems,
  kind: string,
  id: string,
  period: string,
): PeriodItem | null {
  if (!PERIOD_PATTERN.test(period)) return null;
  for (const plan of owned) {
    const base = { planId: plan.planId, period, frequency: 'annual' as const, dueDate: '' };
    const rest = { state: 'missing' as const, revisionNo: 0, overdue: false, daysUntilDue: 0 };
    if (kind === 'indicator') {
      const i = plan.indicators.find((x) => x.id === id);
      if (i !== undefined) return { ...base, ...rest, kind, id, key: i.key, name: i.name, unit: i.unit };
    } else if (kind === 'task') {
      const task = plan.tasks.find((x) => x.id === id);
      if (task !== undefined)
        return { ...base, ...rest, kind, id, key: task.key, name: task.measure, unit: null };
    }
  }
  return null;
}
