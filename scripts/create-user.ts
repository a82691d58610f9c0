// tsx --conditions=react-server scripts/create-user.ts <username> <password> [viewer|operator|admin]
// Creates the user, or sets the password (and the role, when given) of an existing one.
import { closeDb } from '@/lib/db';
import { isRole, roles } from '@/lib/auth/roles';
import { upsertUser } from '@/lib/auth/users';
import { describeError } from '@/lib/log';

async function main(): Promise<number> {
  const [username, password, role] = process.argv.slice(2);
  if (!username || !password || (role !== undefined && !isRole(role))) {
    console.error(`usage: tsx --conditions=react-server scripts/create-user.ts <username> <password> [${roles.join('|')}]`);
    return 1;
  }
  try {
    const { user, created } = await upsertUser({ username, password, role: role !== undefined && isRole(role) ? role : undefined });
    console.log(`${created ? 'Created' : 'Updated'} user ${user.username} (role ${user.role})`);
    return 0;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`create-user: ${describeError(error)}`);
    process.exit(1);
  },
);
