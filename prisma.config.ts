import { defineConfig } from 'prisma/config';

// Prisma 7 reads its CLI settings here. The app itself never uses this file: it builds its
// client with a driver adapter (lib/db/create-client.ts) and applies migrations with
// lib/db/migrate.ts. A URL is only needed by CLI commands that talk to a database.
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(databaseUrl ? { datasource: { url: databaseUrl } } : {}),
});
