'use client';

import { useEffect, useState } from 'react';
import { formatExactTime, formatRelativeTime } from './format-relative-time';

/**
 * One way to show a moment on every page: relative ("12 s ago"), with the exact date and
 * 24-hour time on hover and in `dateTime`. The server and the browser can disagree on "now"
 * and the time zone, hence suppressHydrationWarning; the text refreshes every 10 s.
 */
export function RelativeTime({ time, testId }: { time: string | number; testId?: string }) {
  const timeMs = typeof time === 'number' ? time : Date.parse(time);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  if (!Number.isFinite(timeMs)) return <span>—</span>;
  return (
    <time dateTime={new Date(timeMs).toISOString()} title={formatExactTime(timeMs)} data-testid={testId} suppressHydrationWarning>
      {formatRelativeTime(timeMs, nowMs)}
    </time>
  );
}
