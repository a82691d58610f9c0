'use client';

import { useState, type FormEvent } from 'react';
import type { TeamJson } from '@/lib/teams/team-record';
import { requestJson } from '@/lib/teams/api-request';
import { TeamMembers } from './team-members';
import { TeamPatterns } from './team-patterns';
import { TeamThresholdsForm } from './team-thresholds-form';

export interface TeamEditorProps {
  team: TeamJson;
  clusterIds: string[];
  globalThresholds: TeamJson['thresholds'];
  onChange: (team: TeamJson) => void;
  onDelete: () => void;
}

/** Every change is one PATCH (all or nothing on the server); the answer replaces the team shown. */
export function TeamEditor({ team, clusterIds, globalThresholds, onChange, onDelete }: TeamEditorProps) {
  const [error, setError] = useState<string | null>(null);

  async function patch(body: Record<string, unknown>): Promise<boolean> {
    setError(null);
    const result = await requestJson<TeamJson>(`/api/v1/teams/${encodeURIComponent(team.id)}`, { method: 'PATCH', body });
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    onChange(result.data);
    return true;
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await patch({ name: new FormData(event.currentTarget).get('name') });
  }

  async function remove() {
    if (!window.confirm(`Delete team “${team.name}”? Its patterns and memberships go with it.`)) return;
    const result = await requestJson(`/api/v1/teams/${encodeURIComponent(team.id)}`, { method: 'DELETE' });
    if (result.ok) onDelete();
    else setError(result.message);
  }

  return (
    <section className="card" aria-label={`Team ${team.name}`}>
      <h2>Team “{team.name}”</h2>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <form className="stack" onSubmit={rename} aria-label="Rename the team">
        <label>
          Name
          <input name="name" defaultValue={team.name} required maxLength={100} />
        </label>
        <button type="submit" className="secondary">Rename</button>
      </form>
      <TeamPatterns team={team} clusterIds={clusterIds} patch={patch} />
      <TeamMembers team={team} patch={patch} />
      <TeamThresholdsForm team={team} globalThresholds={globalThresholds} patch={patch} />
      <p><button type="button" className="secondary" onClick={remove}>Delete team</button></p>
    </section>
  );
}
