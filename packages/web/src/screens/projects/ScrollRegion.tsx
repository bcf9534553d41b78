import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls inside this named, keyboard-focusable region instead of
 * widening the page (the page itself never scrolls sideways).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable so that a keyboard user can scroll it (axe: scrollable-region-focusable).
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
