import { formatClockTime } from './format-clock-time';

/** "just now", "42 s ago", "12 min ago", "2.3 h ago", "3 d ago" (and "in …" for a clock ahead of the viewer's). */
export function formatRelativeTime(timeMs: number, nowMs: number): string {
  const elapsedMs = nowMs - timeMs;
  const seconds = Math.abs(elapsedMs) / 1000;
  let amount: string;
  if (seconds < 5) return 'just now';
  if (seconds < 60) amount = `${Math.round(seconds)} s`;
  else if (seconds < 3600) amount = `${Math.round(seconds / 60)} min`;
  else if (seconds < 86_400) amount = `${(seconds / 3600).toFixed(1)} h`;
  else amount = `${Math.round(seconds / 86_400)} d`;
  return elapsedMs >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** The exact time for a tooltip: the date and 24-hour clock in the viewer's time zone, e.g. "2026-12-04 21:23:56". */
export function formatExactTime(timeMs: number): string {
  const time = new Date(timeMs);
  const date = [time.getFullYear(), time.getMonth() + 1, time.getDate()].map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
  return `${date} ${formatClockTime(time.toISOString())}`;
}
