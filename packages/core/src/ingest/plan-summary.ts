import type { OutlineNode, PlanModel } from '../model/plan-model.schema.js';
import { walk } from './scope.js';

/** Counts that describe an ingested plan at a glance (for the CLI summary, the API and tests). */
export type PlanSummary = {
  parts: number;
  chapters: number;
  sections: number;
  subheadings: number;
  items: number;
  paragraphs: number;
  footnotes: number;
  indicators: number;
  indicatorGroups: number;
  binding: number;
  commitments: number;
  assignmentClauses: number;
  leadAssignments: number;
  phases: number;
  places: number;
  findings: Record<'error' | 'warning' | 'info', number>;
};

export function summarizePlan(model: PlanModel): PlanSummary {
  const nodes: OutlineNode[] = [...walk(model.outline)];
  const count = (kind: OutlineNode['kind']): number => nodes.filter((n) => n.kind === kind).length;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of model.findings) findings[f.severity]++;
  return {
    parts: count('part'),
    chapters: count('chapter'),
    sections: count('section'),
    subheadings: count('subheading'),
    items: count('item'),
    paragraphs: nodes.reduce((n, node) => n + node.paragraphs.length, model.preamble.length),
    footnotes: nodes.reduce((n, node) => n + node.footnotes.length, 0),
    indicators: model.indicators.length,
    indicatorGroups: model.indicatorTable?.groups.length ?? 0,
    binding: model.indicators.filter((i) => i.attribute === '约束性').length,
    commitments: model.commitments.length,
    assignmentClauses: model.assignments.length,
    leadAssignments: model.assignments.reduce((n, a) => n + a.leads.length, 0),
    phases: model.phases.length,
    places: model.gazetteer.filter((g) => g.kind !== 'industry').length,
    findings,
  };
}
