import { type RefObject, useEffect } from 'react';

/**
 * Makes the sideways-scrolling body of the tables inside `ref` reachable by keyboard (a named,
 * focusable region), so that a table wider than a phone can be scrolled without a mouse. antd
 * renders that container itself, hence the effect after each render of the rows.
 */
export function useFocusableScroll(ref: RefObject<HTMLElement | null>, label: string, rows: unknown): void {
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content') ?? []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  }, [ref, label, rows]);
}
