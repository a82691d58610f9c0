import type { DatabaseClient } from '@/lib/db/create-client';
import { eventLookbackMs } from './claim-deliveries';

/** How long finished deliveries stay in a channel's log. */
export const deliveryRetentionMs = 30 * 86_400_000;

/**
 * Deletes delivered and failed deliveries older than the retention. Safe for the claims: events
 * older than the 24-hour look-back are never claimed again, and a repeat's number only grows.
 */
export async function pruneDeliveries(prisma: DatabaseClient, nowMs: number): Promise<number> {
  const before = new Date(nowMs - Math.max(deliveryRetentionMs, eventLookbackMs));
  const result = await prisma.alertDelivery.deleteMany({ where: { status: { in: ['delivered', 'failed'] }, createdAt: { lt: before } } });
  return result.count;
}
