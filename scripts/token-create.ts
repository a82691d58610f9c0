// npm run token:create -- <username> [token name]
// Prints the new API token on the last line of stdout (so `| tail -n 1` captures it).
import { closeDb } from '@/lib/db';
import { createApiToken } from '@/lib/auth/api-tokens';
import { findUserByUsername } from '@/lib/auth/users';
import { describeError } from '@/lib/log';

async function main(): Promise<number> {
  const [username, ...nameWords] = process.argv.slice(2);
  if (!username) {
    console.error('usage: npm run token:create -- <username> [token name]');
    return 1;
  }
  const name = nameWords.join(' ').trim() || 'cli';
  let token: string;
  try {
    const user = await findUserByUsername(username);
    if (!user) {
      console.error(`token:create: no user named "${username}" (create one with scripts/create-user.ts)`);
      return 1;
    }
    const created = await createApiToken(user.id, name);
    console.log(`Created API token "${created.record.name}" (${created.record.prefix}…) for ${user.username}, role ${user.role}. Shown only once:`);
    token = created.token;
  } finally {
    // Closed before printing, so nothing (a pool or PGlite message) can follow the token.
    await closeDb();
  }
  console.log(token);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`token:create: ${describeError(error)}`);
    process.exit(1);
  },
);
