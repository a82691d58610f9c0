import { summarizeStreamHealth, type StreamHealthSummary, type StreamLagThresholds } from '@/lib/analysis';
import { healthLag, readStreamGroup, type LagObservationView } from './lag-reading';

export type TransportMode = 'redis_streams' | 'http';

/** GET /api/v1/events/health: the seed's fields, then Lagboard's. */
export interface EventsHealthJson extends StreamHealthSummary {
  redis_connected: true;
  transport_mode: TransportMode;
  consumer_group: string;
  /** Streams whose lag Lagboard counted because Redis reported nil (see consumer-lag). */
  lag_estimated_streams: number;
  observed_at: string;
}

/** The seed's answer when Redis cannot be reached; served with HTTP 503. */
export const redisDownHealth = { status: 'unhealthy', redis_connected: false, error: 'Cannot connect to Redis' } as const;

export interface EventsHealthOptions {
  consumerGroup: string;
  transportMode: TransportMode;
  thresholds: StreamLagThresholds;
}

/**
 * Seed 000's classification (healthy < 100 <= degraded < 1000 <= unhealthy by default): a
 * missing group counts as lag 0, a stream whose lag cannot be told as unhealthy.
 */
export function buildEventsHealth(observation: LagObservationView, options: EventsHealthOptions): EventsHealthJson {
  const readings = observation.streams.map((stream) => readStreamGroup(stream, options.consumerGroup));
  const summary = summarizeStreamHealth(readings.map(healthLag), options.thresholds);
  return {
    status: summary.status,
    redis_connected: true,
    transport_mode: options.transportMode,
    streams: summary.streams,
    max_lag: summary.max_lag,
    total_lag: summary.total_lag,
    consumer_group: options.consumerGroup,
    lag_estimated_streams: readings.filter((reading) => reading.state === 'measured' && reading.lag.estimated).length,
    observed_at: new Date(observation.observedAtMs).toISOString(),
  };
}
