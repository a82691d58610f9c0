import type { DatabaseClient } from '@/lib/db/create-client';
import type { NotificationFacts } from './alert-facts';
import { alertFactsFrom } from './alert-rows';
import { isSilenced } from './routing';

export async function loadLeasedDelivery(prisma: DatabaseClient, deliveryId: number) {
  return prisma.alertDelivery.findFirst({
    where: { id: deliveryId, status: 'sending' },
    include: { channel: true, alert: true, event: true },
  });
}

export type LeasedDelivery = NonNullable<Awaited<ReturnType<typeof loadLeasedDelivery>>>;

/** What to send for a leased delivery now; null when it must not be sent any more. */
export function deliveryFacts(delivery: LeasedDelivery, nowMs: number): NotificationFacts | null {
  if (delivery.alert === null) return null;
  const alert = alertFactsFrom(delivery.alert);
  if (isSilenced(alert, nowMs)) return null;
  if (delivery.kind === 'repeat') {
    if (alert.state !== 'firing' || alert.acknowledgedAt !== null) return null;
    return { kind: 'repeat', deliveryKey: delivery.claimKey, eventId: null, at: new Date(nowMs), value: alert.value, alert };
  }
  if (delivery.event === null || (delivery.kind !== 'firing' && delivery.kind !== 'resolved')) return null;
  return {
    kind: delivery.kind,
    deliveryKey: delivery.claimKey,
    eventId: delivery.event.id,
    at: delivery.event.at,
    value: delivery.event.value ?? alert.value,
    alert,
  };
}
