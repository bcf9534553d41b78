import type { Bilingual } from '../../i18n/i18n';

/** Offsets into the version text (UTF-16 code units, as JavaScript strings count). */
export type Span = { start: number; end: number; lineStart: number; lineEnd: number };

/** `GET /api/plans/{planId}/outline` (see packages/server/src/routes/outline.routes.ts). */
export type OutlineNode = {
  key: string;
  kind: string;
  label: string;
  title: string;
  depth: number;
  source: Span;
  children: OutlineNode[];
};

export type PlanOutline = {
  planId: string;
  versionId: string;
  versionNo: number;
  text: string;
  outline: OutlineNode[];
  indicators: {
    id: string;
    seq: string;
    name: string;
    group: string | null;
    unit: string | null;
    attribute: string | null;
    targetText: string;
    scope: string | null;
    source: Span;
  }[];
  commitments: {
    ref: string;
    subject: string;
    quantityText: string | null;
    deadline: number | null;
    nodeKey: string;
    indicatorId: string | null;
    source: Span;
  }[];
  assignments: {
    taskId: string;
    measure: string;
    clause: string;
    nodeKey: string;
    owners: { name: string; nameAsWritten: string; role: 'lead' | 'co_lead' }[];
    source: Span;
  }[];
  findings: {
    code: string;
    severity: 'info' | 'warning' | 'error';
    message: Bilingual;
    sources: Span[];
    indicatorSeq: string | null;
  }[];
};

/** `GET /api/search` rows. */
export type SearchHit = {
  kind: 'node' | 'indicator' | 'task' | 'report';
  id: string;
  planId: string;
  planVersionId: string | null;
  nodeKey: string | null;
  title: string;
  /** An excerpt with every hit between `【` and `】`. */
  snippet: string;
  score: number;
  source: { start: number; end: number } | null;
};
