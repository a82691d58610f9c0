export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Delay before the next try after `attempt` failed tries: base × 2^(attempt−1), capped. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.min(exponent, 30));
}

/** Whether a failure may be retried: network errors, timeouts, 429 and 5xx; not other 4xx, redirects or a bad URL. */
export function isRetryable(outcome: { statusCode: number | null; errorKind: string | null }): boolean {
  if (outcome.statusCode === null) return outcome.errorKind !== 'invalid_url';
  return outcome.statusCode === 429 || outcome.statusCode >= 500;
}
