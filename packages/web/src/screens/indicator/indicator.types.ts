import type { Bilingual } from '../../i18n/i18n';
import type { AssessmentStatus } from '../../components/StatusTag';
import type { Point } from '../dashboard/dashboard.types';

/** An observation the assessment used. */
export type ObservationUsed = {
  period: number;
  value: number;
  scope: string | null;
  estimated: boolean;
  source: string | null;
};

/** The engine's result (`Assessment` in docs/openapi.json), the fields the screens show. */
export type Assessment = {
  kind: string;
  targetText: string;
  asOf: number;
  dataYear: number | null;
  status: AssessmentStatus;
  met: boolean;
  method: string;
  methodName: Bilingual;
  formula: Bilingual;
  direction: { value: 'higher' | 'lower' | null; reason: Bilingual };
  baseline: { year: number; value: number; estimated: boolean; scope: string | null } | null;
  targetValue: number | null;
  latest: ObservationUsed | null;
  expected: number | null;
  progressRatio: number | null;
  binding: { period: number; verdict: '达标' | '未达标' }[] | null;
  warning: boolean;
  forecast: { year: number; value: number; model: string; pointsUsed: number; meetsTarget: boolean } | null;
  required: { text: Bilingual } | null;
  inputs: {
    observations: ObservationUsed[];
    setAside: {
      period: number;
      value: number | null;
      scope: string | null;
      estimated: boolean;
      reason: string;
    }[];
    reference: { name: string; points: { period: number; value: number; estimated?: boolean }[] } | null;
  };
  flags: { code: string; message: Bilingual }[];
  explanation: Bilingual;
};

/** `GET /api/indicators/{id}/assessment` and `/api/public/indicators/{id}/assessment`. */
export type IndicatorAssessment = {
  plan: { id: string; title: string };
  indicator: {
    id: string;
    key: string;
    seq: string;
    group: string | null;
    name: string;
    unit: string | null;
    attribute: string | null;
    targetText: string;
    scope: string | null;
    published: boolean;
  };
  asOf: string;
  assessedYear: number;
  assessment: Assessment;
  expectedPath: Point[];
  targetLine: { year: number; value: number } | null;
  reference: {
    name: string;
    unit: string | null;
    source: string | null;
    values: { period: string; value: number | null; estimated: boolean }[];
  } | null;
  thresholdsSource: 'default' | 'plan';
};

/** A revision of an observation (`ObservationRevision` in docs/openapi.json). */
export type ObservationRevision = {
  id: string;
  key: string;
  revisionNo: number;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  action: 'save_draft' | 'submit' | 'approve' | 'return' | 'correct';
  reason: string | null;
  createdAt: string;
  createdBy: string;
  period: string;
  scope: string;
  values: {
    value: number | null;
    valueText: string | null;
    unit: string | null;
    estimated: boolean;
    source: string | null;
    comment: string | null;
  };
};

/** `GET /api/indicators/{id}`. */
export type IndicatorDetail = {
  indicator: {
    id: string;
    name: string;
    seq: string;
    published: boolean;
    target: { text: string; kind: string };
    source: { start: number; end: number; lineStart: number; lineEnd: number };
  };
  inForce: {
    period: string;
    scope: string;
    value: number | null;
    valueText: string | null;
    estimated: boolean;
    revisionNo: number;
    approvedAt: string;
  }[];
  latest: ObservationRevision[] | null;
};
