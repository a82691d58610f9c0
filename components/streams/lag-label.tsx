import { formatCount } from '@/components/format';
import type { GroupLagJson } from '@/lib/events/group-lag-json';

/** Redis-reported lag as is; a counted estimate marked "~" (or "≥" when the count hit its limit). */
export function LagLabel({ lag }: { lag: GroupLagJson }) {
  if (lag.lag < 0) return <span className="badge warn" title="Redis reported no lag and it could not be counted">unknown</span>;
  if (!lag.lag_estimated) return <>{formatCount(lag.lag)}</>;
  return (
    <span title="Redis reported lag as nil (entries deleted after the group's position, or SETID); Lagboard counted the entries after the last delivered id">
      {lag.lag_at_least ? '≥ ' : '~'}{formatCount(lag.lag)}
    </span>
  );
}
