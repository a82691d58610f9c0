import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside this box, never the page (a phone is 390 px wide). It is a named
 * region and a tab stop, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
