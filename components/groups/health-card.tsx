import type { GroupHealthJson } from '@/lib/consumers/group-health-view';
import { RelativeTime } from '@/components/relative-time';
import { explainBurrowStatus, explainStuckPartitions } from '@/lib/analysis/verdict-explanations';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const healthTone = { healthy: 'ok', warning: 'warn', critical: 'bad' } as const;

/** The seed's ConsumerHealthSummary, with each figure next to the threshold it is judged by. */
export function HealthCard({ health }: { health: GroupHealthJson }) {
  const { thresholds } = health;
  return (
    <section className="card" aria-labelledby="health-heading">
      <h2 id="health-heading">Health <span className={`badge ${healthTone[health.health]}`} data-testid="health-class">{health.health}</span></h2>
      {health.recommendation ? <p className="banner info" data-testid="recommendation">{health.recommendation}</p> : <p className="muted">Nothing to do: every check passes.</p>}
      <dl className="facts">
        <div><dt>Status (Burrow rules)</dt><dd data-testid="burrow-status">{health.status}
          {explainBurrowStatus(health.burrow).map((sentence) => <div key={sentence} className="muted" data-testid="burrow-explanation">{sentence}</div>)}</dd></div>
        <div><dt>SLO compliance</dt><dd>{percent(health.slo_compliance)} <span className="muted">of partitions under {thresholds.slo_threshold_lag} msgs; minimum {percent(thresholds.slo_compliance_min)}</span></dd></div>
        <div><dt>Fairness (Gini)</dt><dd>{health.fairness_gini === null ? '— (no members)' : health.fairness_gini.toFixed(2)} <span className="muted">0 fair … 1 unfair; maximum {thresholds.fairness_gini_max}</span></dd></div>
        <div><dt>Rebalance score</dt><dd>{health.rebalance_score === null ? '— (needs 2 observations)' : `${health.rebalance_score.toFixed(0)} / 100`} <span className="muted">{health.rebalance_count} rebalances in the window; minimum {thresholds.rebalance_score_min}</span></dd></div>
        <div><dt>Stuck partitions</dt><dd>{health.stuck_count} <span className="muted" data-testid="stuck-explanation">{explainStuckPartitions(health.stuck_partitions, thresholds.stuck_detection_window_seconds)}</span></dd></div>
        <div><dt>Window</dt><dd>{health.window.point_count} observations{health.window.oldest_at ? <> since <RelativeTime time={health.window.oldest_at} /></> : ''}</dd></div>
      </dl>
    </section>
  );
}
