import { randomUUID } from 'node:crypto';
import type { DatabaseClient } from '@/lib/db/create-client';
import type { AlertChannel } from '@/lib/generated/prisma/client';
import type { NotificationFacts } from './alert-facts';
import { buildRequest } from './build-request';
import { postMessage } from './post-message';
import { recordAttempt } from './record-attempt';

/** A made-up alert, clearly labelled, so a receiver can be checked without a real incident. */
function testFacts(channel: AlertChannel, deliveryKey: string, nowMs: number): NotificationFacts {
  const at = new Date(nowMs);
  return {
    kind: 'test',
    deliveryKey,
    eventId: null,
    at,
    value: 1500,
    alert: {
      id: 'test',
      key: 'lagboard.test',
      ruleId: 'lagboard.test',
      severity: 'info',
      state: 'firing',
      source: 'lagboard',
      clusterId: null,
      groupId: null,
      topic: null,
      stream: null,
      teamIds: channel.teamId ? [channel.teamId] : [],
      summary: `Test message for channel "${channel.name}" — no alert is firing`,
      value: 1500,
      threshold: 1000,
      peakValue: 1500,
      unit: 'messages',
      firingSince: at,
      resolvedAt: null,
      acknowledgedAt: null,
      silencedUntil: null,
    },
  };
}

/** Sends one test message now (one try, no retry) and records it in the channel's delivery log. */
export async function sendTestMessage(
  prisma: DatabaseClient,
  channel: AlertChannel,
  options: { publicBaseUrl: string | null; timeoutMs: number; nowMs?: number },
) {
  const nowMs = options.nowMs ?? Date.now();
  const claimKey = `test:${randomUUID()}`;
  const leaseUntil = new Date(nowMs + options.timeoutMs * 2 + 5_000);
  const delivery = await prisma.alertDelivery.create({
    data: { channelId: channel.id, claimKey, kind: 'test', status: 'sending', nextAttemptAt: new Date(nowMs), leaseUntil },
  });
  const request = buildRequest(channel, testFacts(channel, claimKey, nowMs), { publicBaseUrl: options.publicBaseUrl, nowMs });
  const outcome = await postMessage(channel.url, request.body, request.headers, { timeoutMs: options.timeoutMs });
  await recordAttempt(prisma, delivery, outcome, { nowMs: Date.now(), policy: { maxAttempts: 1, retryBaseMs: 0, retryMaxMs: 0 } });
  return prisma.alertDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
}
