// npm run db:migrate — applies prisma/migrations to the configured database
// (DATABASE_URL, or the embedded PGlite folder when it is unset).
import { getConfig } from '@/lib/config';
import { describeError } from '@/lib/log';
import { createDatabase } from '@/lib/db/create-client';

async function main(): Promise<void> {
  const { database: settings } = getConfig();
  const database = createDatabase(settings.url ? { databaseUrl: settings.url } : { pgliteDir: settings.embeddedDataDir });
  try {
    const result = await database.migrate();
    for (const name of result.applied) console.log(`applied ${name}`);
    for (const name of result.unknownToThisVersion) console.warn(`warning: the database has ${name}, which this checkout does not`);
    console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied (${database.kind})`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate: ${describeError(error)}`);
  process.exit(1);
});
