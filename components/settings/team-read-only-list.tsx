import type { TeamJson } from '@/lib/teams/team-record';

type Thresholds = TeamJson['thresholds'];

/** A member's view: which teams they are in, what those own, and which thresholds apply. */
export function TeamReadOnlyList({ teams, globalThresholds }: { teams: TeamJson[]; globalThresholds: Thresholds }) {
  if (teams.length === 0) {
    return <p className="muted">You are not in any team. You see every resource that no team owns; an admin can add you to a team.</p>;
  }
  return (
    <>
      {teams.map((team) => (
        <section key={team.id} className="card" aria-label={`Team ${team.name}`}>
          <h2>{team.name}</h2>
          <p className="muted">Members: {team.members.map((member) => member.username).join(', ') || 'none'}</p>
          <ul>
            {team.patterns.map((rule) => (
              <li key={rule.id}><code>{rule.pattern}</code> ({rule.kind}{rule.cluster_id ? `, cluster ${rule.cluster_id}` : ''})</li>
            ))}
          </ul>
          <p className="muted">
            Thresholds: {Object.entries(team.thresholds).map(([field, value]) =>
              `${field} ${value ?? `${globalThresholds[field as keyof Thresholds]} (global)`}`).join(' · ')}
          </p>
        </section>
      ))}
    </>
  );
}
