'use client';

import type { FormEvent } from 'react';
import type { TeamJson } from '@/lib/teams/team-record';

type Thresholds = TeamJson['thresholds'];
type ThresholdName = keyof Thresholds;

const labels: Record<ThresholdName, { label: string; unit: string; step: string }> = {
  slo_threshold_p95_lag: { label: 'SLO: P95 lag at most', unit: 'messages', step: '1' },
  slo_compliance_min: { label: 'SLO: compliance at least', unit: 'ratio 0–1', step: '0.01' },
  fairness_gini_max: { label: 'Fairness: Gini at most', unit: 'ratio 0–1', step: '0.01' },
  rebalance_score_min: { label: 'Rebalance score at least', unit: '0–100', step: '1' },
  stream_lag_degraded: { label: 'Stream lag degraded from', unit: 'entries', step: '1' },
  stream_lag_unhealthy: { label: 'Stream lag unhealthy from', unit: 'entries', step: '1' },
};

interface TeamThresholdsFormProps {
  team: TeamJson;
  globalThresholds: Thresholds;
  patch: (body: Record<string, unknown>) => Promise<boolean>;
}

/** An empty field means "use the global value", shown as the placeholder. */
export function TeamThresholdsForm({ team, globalThresholds, patch }: TeamThresholdsFormProps) {
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const thresholds = Object.fromEntries((Object.keys(labels) as ThresholdName[]).map((name) => {
      const text = String(data.get(name) ?? '').trim();
      return [name, text === '' ? null : Number(text)];
    }));
    await patch({ thresholds });
  }

  return (
    <>
      <h3>Thresholds</h3>
      <form className="stack" onSubmit={save} aria-label="Team thresholds">
        {(Object.keys(labels) as ThresholdName[]).map((name) => (
          <label key={name}>
            {labels[name].label} <span className="unit">({labels[name].unit})</span>
            <input name={name} type="number" min={0} step={labels[name].step} defaultValue={team.thresholds[name] ?? ''}
              placeholder={`empty: global ${globalThresholds[name]}`} />
          </label>
        ))}
        <button type="submit" className="secondary">Save thresholds</button>
      </form>
    </>
  );
}
