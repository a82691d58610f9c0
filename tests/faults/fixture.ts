import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { upsertUser } from '@/lib/auth/users';
import { createDatabase } from '@/lib/db/create-client';
import { commitOffsetsForGroups, ensureTopics, produceMessages } from '@/lib/kafka/workload';
import type { RedisServer } from './services';
import { databaseUrl, fixture, kafkaBrokers, viewer } from './settings';

/** A topic with a lagging group on the broker, a stream with a lagging group on Redis. */
export async function createSourceData(redis: RedisServer): Promise<void> {
  await ensureTopics(kafkaBrokers, [{ name: fixture.topic, partitions: fixture.partitions }]);
  await produceMessages({ brokers: kafkaBrokers, topic: fixture.topic, count: fixture.messages });
  await commitOffsetsForGroups(kafkaBrokers, [
    { groupId: fixture.group, offsets: Array.from({ length: fixture.partitions }, (_unused, partition) => ({ topic: fixture.topic, partition, offset: 10 })) },
  ]);
  for (let index = 0; index < 20; index++) await redis.cli('XADD', fixture.stream, '*', 'seq', String(index));
  await redis.cli('XGROUP', 'CREATE', fixture.stream, fixture.streamGroup, '0');
  await redis.cli('XREADGROUP', 'GROUP', fixture.streamGroup, 'instance-1', 'COUNT', '5', 'STREAMS', fixture.stream, '>');
}

/** Applies the migrations before the dashboard starts, as `npm run db:migrate` would. */
export async function migrate(): Promise<void> {
  const database = createDatabase({ databaseUrl });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}

export interface Tokens {
  /** Polls every route throughout. */
  poller: string;
  /** Verified once before the database outage, revoked after it. */
  revoked: string;
  /** Never used before the database outage: nothing vouches for it while the database is down. */
  unverified: string;
  revokedTokenId: string;
}

export async function createViewerTokens(): Promise<Tokens> {
  const database = createDatabase({ databaseUrl });
  try {
    const { user } = await upsertUser({ ...viewer, role: 'viewer' }, { db: database.prisma });
    const poller = await createApiToken(user.id, 'faults-poller', { db: database.prisma });
    const revoked = await createApiToken(user.id, 'faults-revoked', { db: database.prisma });
    const unverified = await createApiToken(user.id, 'faults-unverified', { db: database.prisma });
    return { poller: poller.token, revoked: revoked.token, unverified: unverified.token, revokedTokenId: revoked.record.id };
  } finally {
    await database.close();
  }
}

export async function revokeToken(tokenId: string): Promise<void> {
  const database = createDatabase({ databaseUrl });
  try {
    if (!(await revokeApiToken(tokenId, null, { db: database.prisma }))) throw new Error('the token to revoke was not active');
  } finally {
    await database.close();
  }
}
