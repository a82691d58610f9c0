import type { KafkaClusterConfig } from './config-values';
import { settingsSchema, type Settings } from './config-settings';

export { parseDurationMs, parseKafkaClusters, parseTopicThresholds, type KafkaClusterConfig } from './config-values';

/**
 * Every setting Lagboard reads, parsed and validated once. Nothing else reads process.env
 * for its own settings, so the README's configuration table can be checked against lib/config-settings.ts.
 */

export interface LagboardConfig {
  kafka: {
    clusters: KafkaClusterConfig[];
    requestTimeoutMs: number;
    /** Bounds of the in-memory group window: points per group, partition samples per cluster. */
    groupWindow: { maxPointsPerGroup: number; maxPartitionSamplesPerCluster: number };
  };
  redis: { url: string; commandTimeoutMs: number };
  eventTransport: { streams: string[]; consumerGroup: string; useRedisStreams: boolean };
  database: { url: string | null; embeddedDataDir: string };
  auth: { secret: string | null; adminUser: string | null; adminPassword: string | null };
  sourceCacheTtlMs: number;
  /** While the database is down, credentials verified this recently still get Kafka and Redis figures. */
  databaseOutageGraceMs: number;
  history: {
    /**
     * embedded: this process runs a collector (one leader among all instances writes);
     * external: another process (`npm run collector`) writes, this one only reads the history;
     * off: no history is read or written by this process (group windows stay in memory).
     */
    collectorMode: 'embedded' | 'external' | 'off';
    snapshotIntervalMs: number;
    retentionRawMs: number;
    retentionRollupMs: number;
  };
  streamMonitoring: {
    /** SCAN MATCH pattern for streams observed besides EVENT_STREAMS; null: no discovery. */
    discoveryPattern: string | null;
    discoveryMaxKeys: number;
    deadConsumerIdleMs: number;
    pendingWarning: number;
    pendingCritical: number;
    metricsConsumerSeriesPerGroup: number;
  };
  security: {
    /** Largest request body read, in bytes (413 beyond it). */
    bodyMaxBytes: number;
    signInThrottle: { freeAttemptsPerUser: number; freeAttemptsPerAddress: number; maxLockMs: number; maxEntries: number };
    liveAuthRecheckMs: number;
    liveStreamsPerUserMax: number;
    /** CSP frame-ancestors for /share pages; null: 'none' (not embeddable). */
    shareLinkFrameAncestors: string | null;
  };
  alerts: {
    /** ALERT_FOR_SECONDS_MAX: caps every rule's duration; null: the rules' own durations. */
    forSecondsMax: number | null;
  };
  notifications: {
    /** Base of the links in messages (LAGBOARD_PUBLIC_URL, else NEXTAUTH_URL); null: messages carry paths only. */
    publicBaseUrl: string | null;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    pollIntervalMs: number;
    channelConcurrency: number;
  };
  /** The scaling recommendation (lib/analysis/kafka-scaling.ts, redis-scaling.ts). */
  scaling: { lagThresholdPerMember: number };
  thresholds: {
    sloThresholdP95Lag: number;
    /** Per-topic lag thresholds; topics not listed use sloThresholdP95Lag. */
    sloTopicThresholds: Record<string, number>;
    sloComplianceMin: number;
    rebalanceScoreMin: number;
    fairnessGiniMax: number;
    stuckDetectionWindowSeconds: number;
    streamLagDegraded: number;
    streamLagUnhealthy: number;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function toConfig(settings: Settings): LagboardConfig {
  return {
    kafka: {
      clusters: settings.KAFKA_CLUSTERS,
      requestTimeoutMs: settings.KAFKA_REQUEST_TIMEOUT_MS,
      groupWindow: { maxPointsPerGroup: settings.GROUP_WINDOW_MAX_POINTS, maxPartitionSamplesPerCluster: settings.GROUP_WINDOW_MAX_SAMPLES },
    },
    redis: { url: settings.REDIS_URL, commandTimeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS },
    eventTransport: {
      streams: settings.EVENT_STREAMS,
      consumerGroup: settings.EVENT_TRANSPORT_CONSUMER_GROUP,
      useRedisStreams: settings.EVENT_TRANSPORT_USE_REDIS_STREAMS,
    },
    database: { url: settings.DATABASE_URL || null, embeddedDataDir: settings.PGLITE_DATA_DIR },
    auth: {
      secret: settings.NEXTAUTH_SECRET ?? null,
      adminUser: settings.LAGBOARD_ADMIN_USER ?? null,
      adminPassword: settings.LAGBOARD_ADMIN_PASSWORD ?? null,
    },
    sourceCacheTtlMs: settings.SOURCE_CACHE_TTL_MS,
    databaseOutageGraceMs: settings.DATABASE_OUTAGE_GRACE_MS,
    history: {
      collectorMode: settings.COLLECTOR_MODE,
      snapshotIntervalMs: settings.SNAPSHOT_INTERVAL_MS,
      retentionRawMs: settings.RETENTION_RAW,
      retentionRollupMs: settings.RETENTION_ROLLUP,
    },
    streamMonitoring: {
      discoveryPattern: settings.EVENT_STREAM_DISCOVERY_PATTERN ?? null,
      discoveryMaxKeys: settings.EVENT_STREAM_DISCOVERY_MAX_KEYS,
      deadConsumerIdleMs: settings.DEAD_CONSUMER_IDLE_MS,
      pendingWarning: settings.PENDING_WARNING,
      pendingCritical: settings.PENDING_CRITICAL,
      metricsConsumerSeriesPerGroup: settings.METRICS_CONSUMER_SERIES_PER_GROUP,
    },
    security: {
      bodyMaxBytes: settings.API_BODY_MAX_BYTES,
      signInThrottle: {
        freeAttemptsPerUser: settings.SIGNIN_THROTTLE_FREE_ATTEMPTS,
        freeAttemptsPerAddress: settings.SIGNIN_THROTTLE_ADDRESS_FREE_ATTEMPTS,
        maxLockMs: settings.SIGNIN_THROTTLE_MAX_LOCK_MS,
        maxEntries: settings.SIGNIN_THROTTLE_MAX_ENTRIES,
      },
      liveAuthRecheckMs: settings.LIVE_AUTH_RECHECK_MS,
      liveStreamsPerUserMax: settings.LIVE_STREAMS_PER_USER_MAX,
      shareLinkFrameAncestors: settings.SHARE_LINK_FRAME_ANCESTORS?.trim() || null,
    },
    alerts: { forSecondsMax: settings.ALERT_FOR_SECONDS_MAX ?? null },
    notifications: {
      publicBaseUrl: (settings.LAGBOARD_PUBLIC_URL ?? settings.NEXTAUTH_URL)?.replace(/\/+$/, '') ?? null,
      timeoutMs: settings.NOTIFY_TIMEOUT_MS,
      maxAttempts: settings.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: settings.NOTIFY_RETRY_BASE_MS,
      retryMaxMs: settings.NOTIFY_RETRY_MAX_MS,
      pollIntervalMs: settings.NOTIFY_POLL_INTERVAL_MS,
      channelConcurrency: settings.NOTIFY_CHANNEL_CONCURRENCY,
    },
    scaling: { lagThresholdPerMember: settings.SCALING_LAG_THRESHOLD_PER_MEMBER },
    thresholds: {
      sloThresholdP95Lag: settings.SLO_THRESHOLD_P95_LAG,
      sloTopicThresholds: settings.SLO_TOPIC_THRESHOLDS,
      sloComplianceMin: settings.SLO_COMPLIANCE_MIN,
      rebalanceScoreMin: settings.REBALANCE_SCORE_MIN,
      fairnessGiniMax: settings.FAIRNESS_GINI_MAX,
      stuckDetectionWindowSeconds: settings.STUCK_DETECTION_WINDOW_S,
      streamLagDegraded: settings.STREAM_LAG_DEGRADED,
      streamLagUnhealthy: settings.STREAM_LAG_UNHEALTHY,
    },
  };
}

/** Parses the environment; throws one ConfigError whose message names every bad variable. */
export function loadConfig(environment: Record<string, string | undefined>): LagboardConfig {
  // Empty strings mean "unset", as in most .env files.
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = settingsSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'configuration'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return toConfig(result.data);
}

let cachedConfig: LagboardConfig | null = null;

export function getConfig(): LagboardConfig {
  cachedConfig ??= loadConfig(process.env);
  return cachedConfig;
}
