import type { DatabaseClient } from '@/lib/db/create-client';
import { isRetryable, retryDelayMs, type RetryPolicy } from './backoff';
import type { AttemptOutcome } from './post-message';

/**
 * Stores one try's outcome on its delivery: delivered, pending again (retry after backoff) or
 * failed for good. Only the lease holder may write (`leaseUntil` must still be its own), so a
 * dispatcher that lost its lease cannot overwrite the row a successor is working on.
 */
export async function recordAttempt(
  prisma: DatabaseClient,
  delivery: { id: number; attempt: number; leaseUntil: Date | null },
  outcome: AttemptOutcome,
  options: { nowMs: number; policy: RetryPolicy },
): Promise<'delivered' | 'pending' | 'failed'> {
  const attempt = delivery.attempt + 1;
  const status = outcome.ok ? 'delivered' : isRetryable(outcome) && attempt < options.policy.maxAttempts ? 'pending' : 'failed';
  const nextAttemptAtMs = status === 'pending' ? options.nowMs + retryDelayMs(attempt, options.policy) : options.nowMs;
  const entry = { attempt, at: new Date(options.nowMs).toISOString(), status_code: outcome.statusCode, error_kind: outcome.errorKind, duration_ms: outcome.durationMs };
  await prisma.$executeRawUnsafe(
    `UPDATE "AlertDelivery" SET "status" = $2::text::"AlertDeliveryStatus", "attempt" = $3::int, "lastStatusCode" = $4::int,
        "lastErrorKind" = $5::text, "attempts" = "attempts" || $6::jsonb, "nextAttemptAt" = $7::timestamptz, "leaseUntil" = NULL,
        "deliveredAt" = CASE WHEN $2::text = 'delivered' THEN $8::timestamptz ELSE NULL END
      WHERE "id" = $1::int AND "leaseUntil" IS NOT DISTINCT FROM $9::timestamptz`,
    delivery.id,
    status,
    attempt,
    outcome.statusCode,
    outcome.errorKind,
    JSON.stringify([entry]),
    new Date(nextAttemptAtMs),
    new Date(options.nowMs),
    delivery.leaseUntil,
  );
  return status;
}
