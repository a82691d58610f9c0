import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/lib/db';
import { upsertUser } from '@/lib/auth/users';
import { deleteTeam, listTeams } from '@/lib/teams/find-teams';
import { importTeams } from '@/lib/teams/import-teams';
import { demoTeams } from '@/scripts/demo-teams-file';
import { prepareTestDatabase } from '../support/database';
import { uniqueName } from '../support/test-env';

// The demo's teams on the suite's database: created once, unchanged when the demo starts again.
describe('demo teams', () => {
  let member = '';

  beforeAll(async () => {
    await prepareTestDatabase();
    member = uniqueName('demo-member');
    await upsertUser({ username: member, password: 'integration-password', role: 'admin' });
  });

  afterAll(async () => {
    // The demo's patterns (billing-*, events:chat, …) would hide those names from viewers in later files.
    for (const team of await listTeams({})) {
      if (team.name === 'payments' || team.name === 'fulfilment') await deleteTeam(team.id);
    }
    await closeDb();
  });

  it('creates two teams owning demo groups and streams, and a second start changes nothing', async () => {
    const file = demoTeams(member);
    const first = await importTeams(file);
    expect(first).toMatchObject({ created: 2, updated: 0, deleted: 0 });
    const second = await importTeams(file);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, deleted: 0 });
    const teams = (await listTeams({})).filter((team) => ['payments', 'fulfilment'].includes(team.name));
    expect(teams.map((team) => team.name).sort()).toEqual(['fulfilment', 'payments']);
    for (const team of teams) {
      expect(team.memberships.map(({ user }) => user.username)).toEqual([member]);
      expect(team.patterns.length).toBeGreaterThanOrEqual(3);
    }
  });
});
