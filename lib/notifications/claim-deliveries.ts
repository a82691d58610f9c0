import type { DatabaseClient } from '@/lib/db/create-client';

/** Events older than this are never sent: a channel or a dispatcher coming back does not replay a day of alerts. */
export const eventLookbackMs = 24 * 3_600_000;

/**
 * Which alerts a channel receives, as SQL over `a` (Alert) and `c` (AlertChannel): enabled; no
 * team (every alert) or one of the alert's owning teams; severity at least the minimum (the enum
 * is declared info < warning < critical, and PostgreSQL compares enums in that order); no rule
 * list or the alert's rule in it.
 */
const channelReceivesAlert = `c."enabled"
  AND (c."teamId" IS NULL OR c."teamId" = ANY(a."teamIds"))
  AND a."severity" >= c."minSeverity"
  AND (COALESCE(cardinality(c."ruleIds"), 0) = 0 OR a."ruleId" = ANY(c."ruleIds"))`;

const insertClaims = `INSERT INTO "AlertDelivery" ("channelId", "claimKey", "kind", "eventId", "alertId", "status", "nextAttemptAt")`;

/**
 * Event messages owed: an event newer than the look-back and than the channel, that happened
 * outside any silence (events during a silence are dropped, not postponed), not yet claimed.
 * `resolved` also needs a firing or repeat message to this channel about the same alert.
 */
function eventClaimsSql(kind: 'firing' | 'resolved'): string {
  const paired = kind === 'resolved'
    ? `AND EXISTS (SELECT 1 FROM "AlertDelivery" f WHERE f."channelId" = c."id" AND f."alertId" = a."id" AND f."kind" IN ('firing', 'repeat'))`
    : '';
  return `${insertClaims}
    SELECT c."id", 'event:' || e."id", e."kind", e."id", a."id", 'pending', $1::timestamptz
      FROM "AlertEvent" e
      JOIN "Alert" a ON a."id" = e."alertId"
      JOIN "AlertChannel" c ON ${channelReceivesAlert}
     WHERE e."kind" = '${kind}' AND e."at" >= $2::timestamptz AND e."at" >= c."createdAt"
       AND (a."silencedUntil" IS NULL OR a."silencedUntil" <= e."at")
       ${paired}
       AND NOT EXISTS (SELECT 1 FROM "AlertDelivery" d WHERE d."channelId" = c."id" AND d."claimKey" = 'event:' || e."id")
     ORDER BY e."id"
    ON CONFLICT ("channelId", "claimKey") DO NOTHING`;
}

/**
 * Repeats due: still firing, not acknowledged, not silenced now, at least one interval since
 * firing. A repeat is numbered by whole intervals since firingSince, so every dispatcher computes
 * the same `repeat:<alert>:<n>` and the unique claim lets only one of them send it.
 */
const repeatClaimsSql = `${insertClaims}
  SELECT c."id", 'repeat:' || a."id" || ':' || floor(extract(epoch FROM ($1::timestamptz - a."firingSince")) / c."repeatIntervalSeconds")::bigint,
         'repeat', NULL, a."id", 'pending', $1::timestamptz
    FROM "Alert" a
    JOIN "AlertChannel" c ON ${channelReceivesAlert} AND c."repeatIntervalSeconds" IS NOT NULL
   WHERE a."state" = 'firing' AND a."firingSince" IS NOT NULL AND a."acknowledgedAt" IS NULL
     AND (a."silencedUntil" IS NULL OR a."silencedUntil" <= $1::timestamptz)
     AND extract(epoch FROM ($1::timestamptz - a."firingSince")) >= c."repeatIntervalSeconds"
  ON CONFLICT ("channelId", "claimKey") DO NOTHING`;

/**
 * Inserts a delivery row for every (message, channel) pair owed and not yet claimed, in the
 * database (no event list travels to the app). The unique (channelId, claimKey) index makes this
 * safe from several dispatchers at once: a row another inserted first is skipped, so each
 * message is sent by whoever claimed it, once. Firing claims go first, so a resolved event in
 * the same pass finds its firing one. `windowMs` narrows the events looked at (the dispatcher's
 * regular passes only look at recent ones; see dispatcher.ts). Returns how many rows were inserted.
 */
export async function claimDeliveries(prisma: DatabaseClient, nowMs: number, options: { windowMs?: number } = {}): Promise<number> {
  const now = new Date(nowMs);
  const since = new Date(nowMs - Math.min(options.windowMs ?? eventLookbackMs, eventLookbackMs));
  const firing = await prisma.$executeRawUnsafe(eventClaimsSql('firing'), now, since);
  const resolved = await prisma.$executeRawUnsafe(eventClaimsSql('resolved'), now, since);
  const repeats = await prisma.$executeRawUnsafe(repeatClaimsSql, now);
  return firing + resolved + repeats;
}
