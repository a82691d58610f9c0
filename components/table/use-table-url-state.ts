'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * Table state (search, sort, filters, page) lives in the URL so any view can be bookmarked
 * and shared. Keys are prefixed with the table id so two tables on a page do not collide.
 */
export function useTableUrlState(tableId: string) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const read = useCallback((key: string) => searchParams.get(`${tableId}.${key}`) ?? '', [searchParams, tableId]);

  const write = useCallback((changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(`${tableId}.${key}`);
      else next.set(`${tableId}.${key}`, value);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [pathname, router, searchParams, tableId]);

  return { read, write };
}
