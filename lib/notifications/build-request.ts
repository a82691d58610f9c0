import type { NotificationFacts } from './alert-facts';
import { deliveryIdHeader, signatureHeader, signBody, timestampHeader } from './signature';
import { slackPayload } from './slack-payload';
import { webhookPayload } from './webhook-payload';

export interface ChannelTarget {
  kind: 'webhook' | 'slack';
  url: string;
  secret: string | null;
}

/** The body and headers of one message to one channel. */
export function buildRequest(channel: ChannelTarget, facts: NotificationFacts, options: { publicBaseUrl: string | null; nowMs: number }) {
  if (channel.kind === 'slack') {
    return { body: JSON.stringify(slackPayload(facts, options.publicBaseUrl)), headers: {} as Record<string, string> };
  }
  const body = JSON.stringify(webhookPayload(facts, options.publicBaseUrl));
  const timestampSeconds = Math.floor(options.nowMs / 1000);
  const headers: Record<string, string> = {
    [deliveryIdHeader]: facts.deliveryKey,
    'idempotency-key': facts.deliveryKey,
    [timestampHeader]: String(timestampSeconds),
  };
  if (channel.secret) headers[signatureHeader] = signBody(channel.secret, timestampSeconds, body);
  return { body, headers };
}
