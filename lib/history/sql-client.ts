import type { DatabaseClient } from '@/lib/db/create-client';

/**
 * What the history code needs from Prisma: parameterised raw SQL. Both the client and an
 * interactive transaction (`prisma.$transaction(async (tx) => …)`) provide it, so the same
 * functions run inside or outside a transaction. Every SQL text is a constant; values always
 * travel as parameters.
 */
export type SqlClient = Pick<DatabaseClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** PostgreSQL's `epoch` origin for date_bin: buckets of any step line up with the rollups. */
export const bucketOrigin = `'1970-01-01T00:00:00Z'::timestamptz`;

/** Milliseconds to an interval, inside SQL (`$n` is a number of milliseconds). */
export const intervalFromMs = (parameter: string) => `make_interval(secs => ${parameter}::float8 / 1000)`;
