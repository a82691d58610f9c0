/**
 * Redis Streams health, as seeds 000-002 classify a consumer group's lag (XINFO GROUPS "lag")
 * and seed 003 its pending entries (XPENDING).
 */

export type StreamLagClass = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
export type PendingClass = 'good' | 'warning' | 'critical' | 'unknown';

export interface StreamLagThresholds {
  degraded?: number;
  unhealthy?: number;
}

export interface PendingThresholds {
  warning?: number;
  critical?: number;
}

export interface StreamHealthSummary {
  status: 'healthy' | 'degraded' | 'unhealthy';
  streams: { healthy: number; degraded: number; unhealthy: number };
  max_lag: number;
  total_lag: number;
}

/** A lag that is a real count; null (Redis reports nil lag) and the seed's -1 error marker are not. */
function isKnownCount(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}

/**
 * Seed 000: healthy below 100, degraded from 100 up to 999, unhealthy from 1000.
 * Unknown lag is its own class, so a stream Redis cannot measure is never shown as healthy.
 */
export function classifyStreamLag(lag: number | null, { degraded = 100, unhealthy = 1000 }: StreamLagThresholds = {}): StreamLagClass {
  if (!isKnownCount(lag)) {
    return 'unknown';
  }
  if (lag >= unhealthy) {
    return 'unhealthy';
  }
  return lag >= degraded ? 'degraded' : 'healthy';
}

/**
 * Seed 000's GET /events/health aggregation. A stream whose lag could not be read (null or
 * negative) counts as unhealthy and adds nothing to max_lag and total_lag, as in the seed, where
 * the failed read jumps to the except branch before the sums. Any unhealthy stream makes the
 * whole status unhealthy, else any degraded one makes it degraded.
 */
export function summarizeStreamHealth(lags: readonly (number | null)[], thresholds: StreamLagThresholds = {}): StreamHealthSummary {
  const streams = { healthy: 0, degraded: 0, unhealthy: 0 };
  let maxLag = 0;
  let totalLag = 0;
  for (const lag of lags) {
    const lagClass = classifyStreamLag(lag, thresholds);
    if (lagClass === 'unknown' || !isKnownCount(lag)) {
      streams.unhealthy += 1;
      continue;
    }
    streams[lagClass] += 1;
    maxLag = Math.max(maxLag, lag);
    totalLag += lag;
  }
  const status = streams.unhealthy > 0 ? 'unhealthy' : streams.degraded > 0 ? 'degraded' : 'healthy';
  return { status, streams, max_lag: maxLag, total_lag: totalLag };
}

/**
 * Seed 003's pending-message levels: good below 50, warning from 50 to 500, critical above 500.
 * Unlike lag (unhealthy from exactly 1000), critical starts strictly above the threshold because
 * seed 003 writes "> 500" in both its table and its alert rule.
 */
export function classifyPending(pending: number | null, { warning = 50, critical = 500 }: PendingThresholds = {}): PendingClass {
  if (!isKnownCount(pending)) {
    return 'unknown';
  }
  if (pending > critical) {
    return 'critical';
  }
  return pending >= warning ? 'warning' : 'good';
}
