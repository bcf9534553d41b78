import type { ReportSection } from '@plantrack/core';

/**
 * True when a section's first content is a landscape table, directly or through its first
 * subsection: its heading then belongs on the landscape page, not stranded at the foot of the
 * portrait page before it.
 */
export function opensWide(s: ReportSection): boolean {
  const first = s.blocks[0];
  if (first !== undefined) return first.kind === 'table' && first.landscape;
  const sub = s.sections[0];
  return sub !== undefined && opensWide(sub);
}
