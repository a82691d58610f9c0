/** "4 min ago" relative to `nowMs` (the render time), with the exact time on hover. */
export function RelativeTime({ iso, nowMs }: { iso: string | null; nowMs: number }) {
  if (iso === null) return <span className="muted">—</span>;
  const elapsedMs = nowMs - Date.parse(iso);
  const minutes = Math.round(elapsedMs / 60_000);
  const text = elapsedMs < 60_000 ? 'just now'
    : minutes < 60 ? `${minutes} min ago`
      : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h ago`
        : `${Math.round(minutes / 1440)} d ago`;
  return <time dateTime={iso} title={new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}>{text}</time>;
}
