import type { ReactNode } from 'react';

/**
 * A small coloured label with white text (status, 约束性, warnings), looking like antd's Tag but a
 * plain span: screens show dozens of them at once. Colours must be dark enough for white text.
 */
export function Pill({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span className="pt-tag" style={{ background: color }}>
      {children}
    </span>
  );
}
