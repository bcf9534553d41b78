import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Renders its children only once the browser has painted the rest of the page, so what a reader
 * sees first (the dashboard's status counts and cards) is not held back by the panels further
 * down (tables measure the page, which forces a layout). Shows `placeholder` meanwhile.
 */
export function AfterFirstPaint({
  children,
  placeholder = null,
}: {
  children: ReactNode;
  placeholder?: ReactNode;
}) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    // The frame callback runs before the paint; the timeout after it.
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        startTransition(() => {
          setPainted(true);
        });
      });
    });
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return painted ? children : placeholder;
}
