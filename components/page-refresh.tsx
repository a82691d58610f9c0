'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatClockTime } from '@/components/format-clock-time';

/**
 * Re-renders the server-rendered page every interval (router.refresh keeps client state: table
 * sorting, open panels, the live stream), so a page left open during an incident stays current.
 * Skipped while the tab is hidden; the interval is the user's refresh setting.
 */
export function PageRefresh({ intervalSeconds, renderedAt }: { intervalSeconds: number; renderedAt: string }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, intervalSeconds * 1_000);
    return () => clearInterval(timer);
  }, [intervalSeconds, paused, router]);

  return (
    <p className="muted page-refresh" data-testid="page-refresh">
      {paused ? 'Page refresh paused' : `Page refreshes every ${intervalSeconds} s`} · rendered{' '}
      <time dateTime={renderedAt} data-testid="page-rendered-at" suppressHydrationWarning>{formatClockTime(renderedAt)}</time>{' '}
      <button type="button" className="secondary small" onClick={() => setPaused((value) => !value)}>
        {paused ? 'Resume page refresh' : 'Pause page refresh'}
      </button>
    </p>
  );
}
