'use client';

import { useState, type FormEvent } from 'react';
import type { TeamJson } from '@/lib/teams/team-record';
import { requestJson } from '@/lib/teams/api-request';
import { TeamEditor } from './team-editor';
import { TeamImport } from './team-import';
import { ScrollRegion } from '@/components/table/scroll-region';

interface TeamManagerProps {
  initialTeams: TeamJson[];
  clusterIds: string[];
  globalThresholds: TeamJson['thresholds'];
}

/** Admins: the list of teams, a form for a new one, the selected team's editor, import and export. */
export function TeamManager({ initialTeams, clusterIds, globalThresholds }: TeamManagerProps) {
  const [teams, setTeams] = useState(initialTeams);
  const [selectedId, setSelectedId] = useState<string | null>(initialTeams[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const selected = teams.find((team) => team.id === selectedId) ?? null;

  async function reload() {
    const result = await requestJson<{ teams: TeamJson[] }>('/api/v1/teams');
    if (result.ok) setTeams(result.data.teams);
    else setError(result.message);
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    const result = await requestJson<TeamJson>('/api/v1/teams', { method: 'POST', body: { name: new FormData(form).get('name') } });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setTeams((current) => [...current, result.data].sort((left, right) => left.name.localeCompare(right.name)));
    setSelectedId(result.data.id);
    form.reset();
  }

  const replaceTeam = (updated: TeamJson) => setTeams((current) => current.map((team) => (team.id === updated.id ? updated : team)));
  const removeTeam = (teamId: string) => {
    setTeams((current) => current.filter((team) => team.id !== teamId));
    setSelectedId(null);
  };

  return (
    <>
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <section className="card">
        <h2>All teams</h2>
        {teams.length === 0 ? <p className="muted">No teams yet: every signed-in user sees every resource.</p> : (
          <ScrollRegion label="Teams"><table className="data" data-testid="teams">
            <caption className="visually-hidden">Teams</caption>
            <thead><tr><th scope="col">Team</th><th scope="col" className="number">Members</th><th scope="col" className="number">Patterns</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id} data-team={team.name} aria-selected={team.id === selectedId}>
                  <td>{team.name}</td>
                  <td className="number">{team.members.length}</td>
                  <td className="number">{team.patterns.length}</td>
                  <td><button type="button" className="secondary" onClick={() => setSelectedId(team.id)} aria-label={`Edit team ${team.name}`}>Edit</button></td>
                </tr>
              ))}
            </tbody>
          </table></ScrollRegion>
        )}
        <form className="stack" onSubmit={create} aria-label="Create a team" style={{ marginTop: '1rem' }}>
          <label>
            New team name
            <input name="name" required maxLength={100} placeholder="e.g. payments" />
          </label>
          <button type="submit">Create team</button>
        </form>
      </section>
      {selected ? (
        <TeamEditor key={selected.id} team={selected} clusterIds={clusterIds} globalThresholds={globalThresholds}
          onChange={replaceTeam} onDelete={() => removeTeam(selected.id)} />
      ) : null}
      <TeamImport onImported={reload} />
    </>
  );
}
