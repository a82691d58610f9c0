import { readStreamGroup, type LagObservationView } from './lag-reading';

/**
 * One stream in GET /api/v1/events/consumer-lag. `lag` and `consumers` are the seed's; a
 * stream that failed has only those and `error` (lag -1), as in the seed. The other fields are
 * Lagboard's additions: pending entries are not lag and are reported beside it.
 */
export interface ConsumerLagStreamJson {
  lag: number;
  consumers: string[];
  pending?: number;
  lag_estimated?: boolean;
  lag_at_least?: boolean;
  /** The seed answers lag 0 for a missing group (NOGROUP); this says that is what happened. */
  group_missing?: boolean;
  stream_missing?: boolean;
  /** A per-group command failed but the lag is known (for example the consumer list). */
  warning?: string;
  error?: string;
}

export interface ConsumerLagJson {
  streams: Record<string, ConsumerLagStreamJson>;
  total_lag: number;
  stream_count: number;
  consumer_group: string;
  /** True when some stream's lag is a lower bound, so the total is one too. */
  total_lag_at_least: boolean;
  observed_at: string;
}

const noGroup = { pending: 0, lag_estimated: false, lag_at_least: false, group_missing: true } as const;

/** Seed 000's endpoint over one observation, for one consumer group. */
export function buildConsumerLag(observation: LagObservationView, consumerGroup: string): ConsumerLagJson {
  const result: ConsumerLagJson = {
    streams: {},
    total_lag: 0,
    stream_count: 0,
    consumer_group: consumerGroup,
    total_lag_at_least: false,
    observed_at: new Date(observation.observedAtMs).toISOString(),
  };
  for (const stream of observation.streams) {
    const reading = readStreamGroup(stream, consumerGroup);
    let entry: ConsumerLagStreamJson;
    switch (reading.state) {
      case 'stream_error':
        entry = { lag: -1, consumers: [], error: reading.error };
        break;
      case 'lag_unknown':
        entry = { lag: -1, consumers: reading.group.consumers.map((consumer) => consumer.name), error: reading.error };
        break;
      case 'stream_missing':
        entry = { lag: 0, consumers: [], ...noGroup, stream_missing: true };
        break;
      case 'group_missing':
        entry = { lag: 0, consumers: [], ...noGroup, stream_missing: false };
        break;
      case 'measured':
        entry = {
          lag: reading.lag.lag,
          consumers: reading.group.consumers.map((consumer) => consumer.name),
          pending: reading.group.pending,
          lag_estimated: reading.lag.estimated,
          lag_at_least: reading.lag.atLeast,
          group_missing: false,
          stream_missing: false,
          ...(reading.group.error === undefined ? {} : { warning: reading.group.error }),
        };
        result.total_lag_at_least ||= reading.lag.atLeast;
        break;
    }
    result.streams[stream.name] = entry;
    // As in the seed: a failed stream is listed but neither counted nor summed.
    if (entry.lag >= 0) {
      result.total_lag += entry.lag;
      result.stream_count += 1;
    }
  }
  return result;
}
