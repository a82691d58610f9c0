'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * Table state (search, sort, filters, page) lives in the URL so any view can be bookmarked
 * and shared. Keys are prefixed with the table id so two tables on a page do not collide.
 * The URL is changed with the History API, which Next's router follows (useSearchParams sees
 * it) without a server round trip: router.replace would fetch the page again on every
 * keystroke, with every row of a 5,000-group list in it.
 */
export function useTableUrlState(tableId: string) {
  const searchParams = useSearchParams();
  const pathname = usePathname();

  const read = useCallback((key: string) => searchParams.get(`${tableId}.${key}`) ?? '', [searchParams, tableId]);

  const write = useCallback((changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(`${tableId}.${key}`);
      else next.set(`${tableId}.${key}`, value);
    }
    const query = next.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }, [pathname, searchParams, tableId]);

  return { read, write };
}
