/**
 * One observation of a Redis instance's streams, as `lib/redis` reads it. Plain data only
 * (numbers, strings, null, arrays, objects), so it can be cached, stored as a snapshot and
 * sent as JSON unchanged. Nothing here is derived: analysis happens in `lib/analysis`.
 */

export interface RedisObservation {
  observedAtMs: number;
  /** Null when INFO failed (for example an ACL user without INFO); `errors` says why. */
  server: RedisServerObservation | null;
  streams: RedisStreamObservation[];
  /** Problems that belong to no single stream (INFO, discovery). */
  errors: RedisObservationError[];
  /** Request/response exchanges with Redis for this observation, discovery SCANs included. */
  roundTrips: number;
}

export interface RedisServerObservation {
  version: string;
  usedMemoryBytes: number;
  /** 0 means no limit, as Redis reports it. */
  maxMemoryBytes: number;
  connectedClients: number;
  opsPerSecond: number;
}

export interface RedisObservationError {
  scope: 'server' | 'discovery';
  message: string;
}

export interface RedisStreamObservation {
  name: string;
  /** False for a key that does not exist; that is not an error. */
  exists: boolean;
  length: number;
  firstEntryId: string | null;
  lastEntryId: string | null;
  /** The highest ID ever generated; differs from lastEntryId after XDEL/XTRIM of the tail. */
  lastGeneratedId: string | null;
  /** Null before Redis 7. */
  entriesAdded: number | null;
  /** Null before Redis 7. */
  maxDeletedEntryId: string | null;
  groupCount: number;
  groups: RedisStreamGroupObservation[];
  /** Set when the key could not be read as a stream (wrong type, ACL, ...). */
  error?: string;
}

export interface RedisStreamGroupObservation {
  name: string;
  consumerCount: number;
  /** Delivered to a consumer and not yet acknowledged. Not part of lag. */
  pending: number;
  lastDeliveredId: string;
  /** Null when Redis does not know it (before Redis 7, or after SETID without ENTRIESREAD). */
  entriesRead: number | null;
  /** Exactly what XINFO GROUPS reports: null when Redis says nil or has no lag field. */
  lag: number | null;
  /** Set only when `lag` is null: entries after lastDeliveredId, counted with XRANGE. */
  lagEstimate: RedisLagEstimate | null;
  lagSource: 'redis' | 'estimated';
  /** Null only when XPENDING failed; `error` says why. */
  pendingSummary: RedisPendingSummary | null;
  /** The oldest pending entries by ID, at most `pendingDetailLimit` of them. */
  oldestPending: RedisPendingEntry[];
  consumers: RedisConsumerObservation[];
  /** Set when a per-group command failed (for example the group was destroyed meanwhile). */
  error?: string;
}

export interface RedisLagEstimate {
  entries: number;
  /** True when the count stopped at `lagEstimateLimit`: the real number may be larger. */
  atLeast: boolean;
}

export interface RedisPendingSummary {
  count: number;
  oldestId: string | null;
  newestId: string | null;
  /** Idle time of the oldest pending entry; null when nothing is pending or no detail was read. */
  oldestIdleMs: number | null;
  perConsumer: Array<{ consumer: string; count: number }>;
}

export interface RedisPendingEntry {
  id: string;
  consumer: string;
  idleMs: number;
  deliveryCount: number;
}

export interface RedisConsumerObservation {
  name: string;
  pending: number;
  /** Time since the consumer's last attempted interaction (any read). */
  idleMs: number;
  /** Time since the last successful interaction; Redis 7.2 and later only. */
  inactiveMs: number | null;
}
