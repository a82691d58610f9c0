// Gives the end-to-end server a fresh, migrated database before it starts.
import { migrateDatabase, recreateDatabase } from '../tests/support/database';
import { e2eDatabaseName } from './e2e-env';

recreateDatabase(e2eDatabaseName)
  .then((databaseUrl) => migrateDatabase(databaseUrl))
  .then(() => process.stdout.write(`e2e: database ${e2eDatabaseName} is fresh\n`))
  .catch((error: unknown) => {
    process.stderr.write(`e2e: could not prepare the database: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
