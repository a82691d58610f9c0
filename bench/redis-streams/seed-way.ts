import type { Redis } from 'ioredis';

/**
 * Seed 000's get_stream_lag, stream by stream and one command at a time: XINFO GROUPS, then
 * XINFO CONSUMERS for the configured group. Two round trips per stream.
 */
export async function seedConsumerLag(redis: Redis, streams: string[], group: string): Promise<{ totalLag: number; roundTrips: number }> {
  let totalLag = 0;
  let roundTrips = 0;
  for (const stream of streams) {
    const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[][];
    roundTrips += 1;
    const found = groups.find((fields) => fields[fields.indexOf('name') + 1] === group);
    if (!found) continue;
    // The seed's int(group.get("lag", 0)): nil becomes 0 here, the trap Lagboard avoids.
    totalLag += Number(found[found.indexOf('lag') + 1] ?? 0);
    await redis.call('XINFO', 'CONSUMERS', stream, group);
    roundTrips += 1;
  }
  return { totalLag, roundTrips };
}
