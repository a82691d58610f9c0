import { RelativeTime } from '@/components/relative-time';

/** A Redis stream entry id with the time it carries (its millisecond part), relative with the exact time on hover. */
export function EntryId({ id }: { id: string | null }) {
  if (!id) return <>—</>;
  const timeMs = Number(id.split('-')[0]);
  return (
    <>
      <span className="mono">{id}</span>
      {Number.isFinite(timeMs) && timeMs > 0 ? <span className="muted"> (added <RelativeTime time={timeMs} />)</span> : null}
    </>
  );
}
