import type { DatabaseClient } from '@/lib/db/create-client';
import type { AlertChannel } from '@/lib/generated/prisma/client';
import { alertFactsFrom } from './alert-rows';
import { channelReceives, dueRepeatNumber } from './routing';

/** Events older than this are never sent: a channel or a dispatcher coming back does not replay a day of alerts. */
export const eventLookbackMs = 24 * 3_600_000;

export const eventClaimKey = (eventId: number) => `event:${eventId}`;
export const repeatClaimKey = (alertId: string, repeatNumber: number) => `repeat:${alertId}:${repeatNumber}`;

interface Claim {
  channelId: string;
  claimKey: string;
  kind: string;
  eventId: number | null;
  alertId: string;
  status: 'pending';
  nextAttemptAt: Date;
}

/**
 * Inserts a delivery row for every (event or due repeat, channel) pair that is owed and not yet
 * claimed. The unique (channelId, claimKey) index makes this safe to run from several
 * dispatchers at once: a row that another inserted first is skipped, so each message is sent by
 * whoever claimed it, once. Returns how many rows this call inserted.
 */
export async function claimDeliveries(prisma: DatabaseClient, nowMs: number): Promise<number> {
  const channels = await prisma.alertChannel.findMany({ where: { enabled: true } });
  if (channels.length === 0) return 0;
  const now = new Date(nowMs);
  const events = await prisma.alertEvent.findMany({
    where: { kind: { in: ['firing', 'resolved'] }, at: { gte: new Date(nowMs - eventLookbackMs) } },
    include: { alert: true },
    orderBy: { id: 'asc' },
  });
  const alertIds = [...new Set(events.map((event) => event.alertId))];
  const existing = await prisma.alertDelivery.findMany({
    where: { channelId: { in: channels.map((channel) => channel.id) }, OR: [{ eventId: { in: events.map((event) => event.id) } }, { alertId: { in: alertIds } }] },
    select: { channelId: true, claimKey: true, alertId: true, kind: true },
  });
  const claimed = new Set(existing.map((row) => `${row.channelId} ${row.claimKey}`));
  // A resolved message only follows a firing one this channel was sent (or is sending).
  const opened = new Set(existing.filter((row) => row.kind === 'firing' || row.kind === 'repeat').map((row) => `${row.channelId} ${row.alertId}`));
  const claims: Claim[] = [];
  for (const channel of channels) {
    for (const event of events) {
      if (event.at < channel.createdAt || claimed.has(`${channel.id} ${eventClaimKey(event.id)}`)) continue;
      const alert = alertFactsFrom(event.alert);
      if (!channelReceives(channel, alert)) continue;
      // Events that happened during a silence are dropped, not postponed until it ends.
      if (alert.silencedUntil !== null && alert.silencedUntil > event.at) continue;
      if (event.kind === 'resolved' && !opened.has(`${channel.id} ${alert.id}`)) continue;
      if (event.kind === 'firing') opened.add(`${channel.id} ${alert.id}`);
      claims.push({ channelId: channel.id, claimKey: eventClaimKey(event.id), kind: event.kind, eventId: event.id, alertId: alert.id, status: 'pending', nextAttemptAt: now });
    }
  }
  claims.push(...(await dueRepeats(prisma, channels, nowMs)));
  if (claims.length === 0) return 0;
  const result = await prisma.alertDelivery.createMany({ data: claims, skipDuplicates: true });
  return result.count;
}

async function dueRepeats(prisma: DatabaseClient, channels: AlertChannel[], nowMs: number): Promise<Claim[]> {
  const repeating = channels.filter((channel) => channel.repeatIntervalSeconds !== null);
  if (repeating.length === 0) return [];
  const firing = await prisma.alert.findMany({
    where: { state: 'firing', acknowledgedAt: null, OR: [{ silencedUntil: null }, { silencedUntil: { lte: new Date(nowMs) } }] },
  });
  const claims: Claim[] = [];
  for (const channel of repeating) {
    for (const row of firing) {
      const alert = alertFactsFrom(row);
      if (!channelReceives(channel, alert)) continue;
      const repeatNumber = dueRepeatNumber(alert, channel.repeatIntervalSeconds, nowMs);
      if (repeatNumber === null) continue;
      claims.push({
        channelId: channel.id,
        claimKey: repeatClaimKey(alert.id, repeatNumber),
        kind: 'repeat',
        eventId: null,
        alertId: alert.id,
        status: 'pending',
        nextAttemptAt: new Date(nowMs),
      });
    }
  }
  return claims;
}
