import type { SnapshotObservationRow, SnapshotReferenceRow } from '@plantrack/db';
import type { SnapshotObservation, SnapshotReference } from './report-snapshot.types.js';

/**
 * Which stored revisions a snapshot keeps: per observation the newest approval (and the approval it
 * corrected, with the reason from the correction request), per task the latest period, per linked
 * reference series the values in force.
 */

/** The newest approved revision of each observation, with the approved one it corrected and why. */
export function inForce(rows: readonly SnapshotObservationRow[]): SnapshotObservation[] {
  const byKey = new Map<string, SnapshotObservationRow[]>();
  for (const r of rows) byKey.set(r.observationKey, [...(byKey.get(r.observationKey) ?? []), r]);
  const out: SnapshotObservation[] = [];
  for (const revisions of byKey.values()) {
    const sorted = [...revisions].sort((a, b) => a.revisionNo - b.revisionNo);
    const approvals = sorted.filter((r) => r.action === 'approve');
    const current = approvals.at(-1);
    if (current === undefined) continue;
    const previous = approvals.at(-2);
    // The reason is on the correction request between the two approvals.
    const request =
      previous === undefined
        ? undefined
        : sorted
            .filter(
              (r) =>
                r.action === 'correct' &&
                r.revisionNo > previous.revisionNo &&
                r.revisionNo < current.revisionNo,
            )
            .at(-1);
    out.push({
      revisionId: current.revisionId,
      indicatorId: current.indicatorId,
      period: Number(current.period),
      scope: current.scope,
      value: current.value,
      estimated: current.estimated,
      source: current.source,
      approvedBy: current.approvedBy,
      approvedAt: current.approvedAt,
      corrects:
        previous === undefined
          ? null
          : {
              revisionId: previous.revisionId,
              value: previous.value,
              approvedBy: previous.approvedBy,
              approvedAt: previous.approvedAt,
              reason: request?.reason ?? null,
            },
    });
  }
  return out.sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.period - b.period);
}

/** `2026` < `2026Q1` (or `2026H1`) is not meaningful; compare periods by their end (year-month). */
function periodEnd(p: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(p);
  if (q !== null) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  const h = /^(\d{4})H([12])$/.exec(p);
  if (h !== null) return `${h[1]}-${String(Number(h[2]) * 6).padStart(2, '0')}`;
  return /^\d{4}$/.test(p) ? `${p}-12` : p;
}

export function latestOf<T extends { period: string }>(rows: readonly T[]): T | undefined {
  return [...rows].sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period))).at(-1);
}

export function groupReferences(rows: readonly SnapshotReferenceRow[]): SnapshotReference[] {
  const out = new Map<string, SnapshotReference>();
  for (const r of rows) {
    if (r.value === null || !/^\d{4}$/.test(r.period)) continue;
    const series = out.get(r.indicatorKey) ?? {
      indicatorKey: r.indicatorKey,
      name: r.seriesName,
      scope: r.seriesScope,
      source: r.seriesSource,
      points: [],
    };
    series.points.push({
      valueId: r.valueId,
      period: Number(r.period),
      value: r.value,
      estimated: r.estimated,
    });
    out.set(r.indicatorKey, series);
  }
  return [...out.values()];
}
