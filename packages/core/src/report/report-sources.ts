import { fmt } from '../assessment/explanation.builder.js';
import type { Assessment } from '../assessment/assessment.types.js';
import type { ReportCell, SourceEntry, TraceCorrection, TracedObservation } from './report.types.js';

/**
 * The 数据来源 register of one report: each figure shown in a table gets one entry (revision,
 * source, scope, approval) and its cells point at it, so the appendix lists every number once.
 */
export type SourceRegister = {
  /** A cell for an observed value, pointing at its entry; `—` when there is none. */
  cell: (seq: string, name: string, obs: TracedObservation | null, unit?: string | null) => ReportCell;
  /** The id of a figure that is not an indicator's observation (a project's), registered once per key. */
  refOf: (key: string, entry: Omit<SourceEntry, 'id'>) => string;
  entries: SourceEntry[];
};

/** A fresh register; ids run S1, S2 … in the order figures first appear. */
export function createSourceRegister(): SourceRegister {
  const entries: SourceEntry[] = [];
  const byKey = new Map<string, string>();
  const refOf = (key: string, entry: Omit<SourceEntry, 'id'>): string => {
    let id = byKey.get(key);
    if (id === undefined) {
      id = `S${entries.length + 1}`;
      byKey.set(key, id);
      entries.push({ id, ...entry });
    }
    return id;
  };
  return {
    entries,
    refOf,
    cell(seq, name, obs) {
      if (obs === null || obs.value === null) return { text: '—' };
      const text = fmt(obs.value, 3);
      const id = refOf(`${seq}\u0000${obs.trace.revisionId}`, {
        seq,
        indicator: name,
        period: obs.period,
        value: text + (obs.estimated ? '（预计）' : ''),
        revisionId: obs.trace.revisionId,
        source: obs.trace.source ?? obs.source ?? null,
        scope: obs.trace.scope ?? obs.scope,
        approval: obs.trace.approval,
        ...(obs.trace.corrects == null ? {} : { correction: correctionNote(obs.trace.corrects) }),
      });
      return { text, ref: id };
    },
  };
}

/** The traced observation behind a value the assessment used (same year and value), if supplied. */
export function tracedFor(
  observations: readonly TracedObservation[],
  period: number | null,
  value: number | null,
): TracedObservation | null {
  if (period === null || value === null) return null;
  return observations.find((o) => o.period === period && o.value === value) ?? null;
}

/** The observation shown as 当年值: the report year's figure, or the latest used before it. */
export function currentObservation(
  a: Assessment,
  observations: readonly TracedObservation[],
): TracedObservation | null {
  const latest = a.latest;
  if (latest === null) return null;
  return tracedFor(observations, latest.period, latest.value);
}

/** `已更正，原值225（审核人 2027-03-02）；更正原因：…`: what a corrected figure replaced. */
export function correctionNote(c: TraceCorrection): string {
  const original = c.value === null ? '—' : fmt(c.value, 3);
  const approval = c.approval === null ? '' : `（${c.approval}审核）`;
  const reason = c.reason === null || c.reason.trim() === '' ? '' : `；更正原因：${c.reason.trim()}`;
  return `已更正，原值${original}${approval}${reason}`;
}
