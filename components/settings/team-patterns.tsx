'use client';

import { useState, type FormEvent } from 'react';
import type { ResourceKind } from '@/lib/teams/resource-kinds';
import type { TeamJson } from '@/lib/teams/team-record';
import { ScrollRegion } from '@/components/table/scroll-region';

const kindLabels: Record<ResourceKind, string> = {
  kafka_group: 'Kafka consumer group',
  kafka_topic: 'Kafka topic',
  redis_stream: 'Redis stream',
};

interface TeamPatternsProps {
  team: TeamJson;
  clusterIds: string[];
  patch: (body: Record<string, unknown>) => Promise<boolean>;
}

export function TeamPatterns({ team, clusterIds, patch }: TeamPatternsProps) {
  const [kind, setKind] = useState<ResourceKind>('kafka_group');

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const clusterId = String(data.get('cluster_id') ?? '');
    const added = await patch({
      patterns: { add: [{ kind, pattern: String(data.get('pattern') ?? ''), cluster_id: kind === 'redis_stream' || !clusterId ? null : clusterId }] },
    });
    if (added) form.reset();
  }

  return (
    <>
      <h3>Owned resources</h3>
      {team.patterns.length === 0 ? <p className="muted">No patterns: this team owns nothing yet.</p> : (
        <ScrollRegion label="Team patterns"><table className="data">
          <caption className="visually-hidden">Patterns of {team.name}</caption>
          <thead><tr><th scope="col">Kind</th><th scope="col">Pattern</th><th scope="col">Cluster</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {team.patterns.map((rule) => (
              <tr key={rule.id}>
                <td>{kindLabels[rule.kind]}</td>
                <td className="mono">{rule.pattern}</td>
                <td>{rule.cluster_id ?? (rule.kind === 'redis_stream' ? '—' : 'any')}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`Remove pattern ${rule.pattern}`}
                    onClick={() => patch({ patterns: { remove: [rule.id] } })}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      )}
      <form className="table-tools" onSubmit={add} aria-label="Add a pattern">
        <select aria-label="Kind" value={kind} onChange={(event) => setKind(event.target.value as ResourceKind)}>
          {Object.entries(kindLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <input name="pattern" aria-label="Pattern" placeholder="e.g. payments-*" required maxLength={255} />
        {kind === 'redis_stream' ? null : (
          <select name="cluster_id" aria-label="Cluster">
            <option value="">any cluster</option>
            {clusterIds.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
        )}
        <button type="submit">Add pattern</button>
      </form>
    </>
  );
}
