import Link from 'next/link';

/**
 * Links, not a form: each team view has its own URL, to bookmark or paste into an incident
 * channel, and works with the keyboard without any script.
 */
export function TeamViewPicker({ teams, selectedTeamId }: { teams: { id: string; name: string }[]; selectedTeamId: string | null }) {
  if (teams.length === 0) return null;
  return (
    <nav aria-label="Team views" className="team-views" data-testid="team-views">
      <span className="muted">View:</span>{' '}
      <Link href="/" aria-current={selectedTeamId === null ? 'page' : undefined}>Everything you can see</Link>
      {teams.map((team) => (
        <span key={team.id}>
          {' · '}
          <Link href={`/?team=${encodeURIComponent(team.id)}`} aria-current={team.id === selectedTeamId ? 'page' : undefined}>{team.name}</Link>
        </span>
      ))}
    </nav>
  );
}
