import type { StreamGroupScalingJson } from '@/lib/events/stream-group-scaling';
import { formatDurationMs } from '@/components/format';

const trendText = { caught_up: 'caught up', catching_up: 'catching up', falling_behind: 'falling behind', unknown: 'not known yet (needs snapshots)' } as const;

/** The stream group's consumer recommendation, with the reason in words. */
export function StreamScaling({ scaling }: { scaling: StreamGroupScalingJson }) {
  return (
    <div className="stack" data-testid="stream-scaling">
      <h3>Scaling</h3>
      <p className="muted">{scaling.reason}</p>
      <dl className="facts">
        <div><dt>Recommended consumers</dt><dd>{scaling.recommended_consumers} <span className="muted">now {scaling.current_consumers} ({scaling.live_consumers} live)</span></dd></div>
        <div><dt>Lag growth</dt><dd>{scaling.lag_growth_per_second === null ? '—' : `${scaling.lag_growth_per_second.toFixed(1)} entries/s`}</dd></div>
        <div><dt>Time to catch up</dt><dd>{scaling.trend === 'catching_up' && scaling.catch_up_seconds !== null ? formatDurationMs(scaling.catch_up_seconds * 1000) : trendText[scaling.trend]}</dd></div>
      </dl>
    </div>
  );
}
