'use client';

import type { FormEvent } from 'react';
import type { TeamJson } from '@/lib/teams/team-record';

interface TeamMembersProps {
  team: TeamJson;
  patch: (body: Record<string, unknown>) => Promise<boolean>;
}

export function TeamMembers({ team, patch }: TeamMembersProps) {
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const username = String(new FormData(form).get('username') ?? '').trim();
    if (await patch({ members: { add: [username] } })) form.reset();
  }

  return (
    <>
      <h3>Members</h3>
      {team.members.length === 0 ? <p className="muted">No members yet.</p> : (
        <ul>
          {team.members.map((member) => (
            <li key={member.user_id}>
              {member.username}{' '}
              <button type="button" className="secondary" aria-label={`Remove member ${member.username}`}
                onClick={() => patch({ members: { remove: [member.username] } })}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form className="table-tools" onSubmit={add} aria-label="Add a member">
        <input name="username" aria-label="Username" placeholder="e.g. alice" required maxLength={64} />
        <button type="submit">Add member</button>
      </form>
    </>
  );
}
