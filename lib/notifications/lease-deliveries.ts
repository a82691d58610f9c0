import type { DatabaseClient } from '@/lib/db/create-client';

/**
 * Takes up to `limit` due deliveries of one channel for this dispatcher until `leaseUntil`:
 * pending ones whose next attempt is due, and `sending` ones whose lease ran out (their
 * dispatcher died mid-way). SKIP LOCKED plus the status change in one statement means two
 * dispatchers never lease the same row at once.
 */
export async function leaseDueDeliveries(
  prisma: DatabaseClient,
  channelId: string,
  options: { nowMs: number; leaseUntilMs: number; limit: number },
): Promise<number[]> {
  if (options.limit <= 0) return [];
  const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE "AlertDelivery" SET "status" = 'sending', "leaseUntil" = $2::timestamptz
       WHERE "id" IN (
         SELECT "id" FROM "AlertDelivery"
          WHERE "channelId" = $1::text AND "kind" <> 'test'
            AND (("status" = 'pending' AND "nextAttemptAt" <= $3::timestamptz) OR ("status" = 'sending' AND "leaseUntil" < $3::timestamptz))
          ORDER BY "id" LIMIT $4::int
          FOR UPDATE SKIP LOCKED)
     RETURNING "id"`,
    channelId,
    new Date(options.leaseUntilMs),
    new Date(options.nowMs),
    options.limit,
  );
  return rows.map((row) => row.id).sort((left, right) => left - right);
}

/** Channels that have deliveries due now (so a pass only looks at those). */
export async function channelsWithDueDeliveries(prisma: DatabaseClient, nowMs: number): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ channelId: string }[]>(
    `SELECT DISTINCT "channelId" FROM "AlertDelivery"
      WHERE "kind" <> 'test' AND (("status" = 'pending' AND "nextAttemptAt" <= $1::timestamptz) OR ("status" = 'sending' AND "leaseUntil" < $1::timestamptz))`,
    new Date(nowMs),
  );
  return rows.map((row) => row.channelId);
}
