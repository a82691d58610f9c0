import type { GroupScalingJson } from '@/lib/consumers/group-scaling';
import { formatCount, formatDurationMs } from '@/components/format';

const rate = (value: number | null) => (value === null ? '— (needs two observations)' : `${value.toFixed(1)} msg/s`);
const trendText = { caught_up: 'caught up', catching_up: 'catching up', falling_behind: 'falling behind', unknown: 'not known yet' } as const;

/** The KEDA-style recommendation with the rates it comes from and its reason in words. */
export function ScalingCard({ scaling }: { scaling: GroupScalingJson }) {
  return (
    <section className="card" aria-labelledby="scaling-heading">
      <h2 id="scaling-heading">Scaling</h2>
      <p className="banner info" data-testid="scaling-reason">{scaling.reason}</p>
      <dl className="facts">
        <div><dt>Recommended members</dt><dd data-testid="recommended-members">{scaling.recommended_members} <span className="muted">now {scaling.current_members}; at most {scaling.partition_count} (partitions)</span></dd></div>
        <div><dt>Production rate</dt><dd>{rate(scaling.production_rate_per_second)}</dd></div>
        <div><dt>Consumption rate</dt><dd>{rate(scaling.consumption_rate_per_second)}</dd></div>
        <div><dt>Time to catch up</dt><dd>{scaling.trend === 'catching_up' && scaling.catch_up_seconds !== null ? formatDurationMs(scaling.catch_up_seconds * 1000) : trendText[scaling.trend]}</dd></div>
        <div><dt>Lag members can help with</dt><dd>{formatCount(scaling.scalable_lag)} msgs <span className="muted">of {formatCount(scaling.total_lag)}; {formatCount(scaling.lag_threshold_per_member)} msgs per member</span></dd></div>
        <div><dt>Window</dt><dd>{Math.round(scaling.window_seconds)} s</dd></div>
      </dl>
    </section>
  );
}
