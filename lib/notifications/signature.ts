import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signature: HMAC-SHA256 over `<timestamp>.<body>` with the channel's secret, sent as
 * `X-Lagboard-Signature: sha256=<hex>` beside `X-Lagboard-Timestamp: <unix seconds>`. Signing the
 * timestamp with the body lets a receiver reject old (replayed) requests.
 */
export const signatureHeader = 'x-lagboard-signature';
export const timestampHeader = 'x-lagboard-timestamp';
export const deliveryIdHeader = 'x-lagboard-delivery';

export function signBody(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** The receiver's side (documented in the README): constant-time compare plus a freshness window. */
export function verifySignature(
  secret: string,
  request: { timestampSeconds: number; body: string; signature: string },
  options: { nowSeconds: number; toleranceSeconds: number },
): boolean {
  if (Math.abs(options.nowSeconds - request.timestampSeconds) > options.toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, request.timestampSeconds, request.body));
  const received = Buffer.from(request.signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
