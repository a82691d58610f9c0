// tsx --conditions=react-server scripts/demo-teams.ts <member-username>
// The demo's two teams, so team views and per-team thresholds can be seen. Imported by name
// without pruning: running it again on every demo start changes nothing, and teams a user
// created themselves are left alone.
import { closeDb } from '@/lib/db';
import { describeError } from '@/lib/log';
import { importTeams } from '@/lib/teams/import-teams';
import { demoTeams } from './demo-teams-file';

async function main(): Promise<number> {
  const [member] = process.argv.slice(2);
  if (!member) {
    console.error('usage: tsx --conditions=react-server scripts/demo-teams.ts <member-username>');
    return 1;
  }
  try {
    const report = await importTeams(demoTeams(member));
    console.log(`Demo teams: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);
    return 0;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo-teams: ${describeError(error)}`);
    process.exit(1);
  },
);
