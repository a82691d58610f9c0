import { z } from 'zod';

/**
 * Every setting Lagboard reads, parsed and validated once. Nothing else reads process.env
 * for its own settings, so the README's configuration table can be checked against this file.
 */

export interface KafkaClusterConfig {
  id: string;
  brokers: string[];
}

const hostPortPattern = /^[A-Za-z0-9.\-_]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/;
const clusterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Parses `id=host:port[,host:port][;id2=…]`. */
export function parseKafkaClusters(text: string): KafkaClusterConfig[] {
  const clusters: KafkaClusterConfig[] = [];
  for (const entry of text.split(';').map((part) => part.trim()).filter(Boolean)) {
    const separatorIndex = entry.indexOf('=');
    if (separatorIndex <= 0) {
      throw new Error(`"${entry}" is not id=host:port[,host:port]`);
    }
    const id = entry.slice(0, separatorIndex).trim();
    if (!clusterIdPattern.test(id)) {
      throw new Error(`cluster id "${id}" must be 1-64 letters, digits, '.', '_' or '-'`);
    }
    const brokers = entry.slice(separatorIndex + 1).split(',').map((broker) => broker.trim()).filter(Boolean);
    if (brokers.length === 0) {
      throw new Error(`cluster "${id}" has no brokers`);
    }
    for (const broker of brokers) {
      const port = Number(broker.slice(broker.lastIndexOf(':') + 1));
      if (!hostPortPattern.test(broker) || port < 1 || port > 65535) {
        throw new Error(`broker "${broker}" of cluster "${id}" is not host:port`);
      }
    }
    if (clusters.some((cluster) => cluster.id === id)) {
      throw new Error(`cluster id "${id}" appears twice`);
    }
    clusters.push({ id, brokers });
  }
  if (clusters.length === 0) {
    throw new Error('at least one cluster is required');
  }
  return clusters;
}

const topicNamePattern = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * Parses `topic=lag[,topic=lag]` (seed 004 roadmap: "lag alert threshold per topic"). Kafka topic
 * names are letters, digits, '.', '_' and '-', so ',' and '=' cannot be part of one.
 */
export function parseTopicThresholds(text: string): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separatorIndex = entry.lastIndexOf('=');
    const topic = entry.slice(0, separatorIndex).trim();
    const lagText = entry.slice(separatorIndex + 1).trim();
    if (separatorIndex <= 0 || !topicNamePattern.test(topic)) {
      throw new Error(`"${entry}" is not topic=lag (topic names use letters, digits, '.', '_', '-')`);
    }
    const lag = Number(lagText);
    if (!/^\d+$/.test(lagText) || !Number.isSafeInteger(lag)) {
      throw new Error(`lag threshold "${lagText}" of topic "${topic}" is not a whole number`);
    }
    if (Object.hasOwn(thresholds, topic)) {
      throw new Error(`topic "${topic}" appears twice`);
    }
    thresholds[topic] = lag;
  }
  return thresholds;
}

const topicThresholdsSetting = z.string().default('').transform((text, context) => {
  try {
    return parseTopicThresholds(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const kafkaClustersSetting = z.string().transform((text, context) => {
  try {
    return parseKafkaClusters(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const integerSetting = (defaultValue: number, minimum: number, maximum: number) =>
  z.coerce.number().int().min(minimum).max(maximum).default(defaultValue);
const ratioSetting = (defaultValue: number) => z.coerce.number().min(0).max(1).default(defaultValue);
const booleanSetting = (defaultValue: boolean) =>
  z.enum(['true', 'false', '1', '0', 'yes', 'no']).default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');
const listSetting = (defaultValue: string) =>
  z.string().default(defaultValue).transform((text) => text.split(',').map((item) => item.trim()).filter(Boolean));

const redisUrlSetting = z.string().default('redis://127.0.0.1:6379').refine(
  (value) => /^rediss?:\/\//.test(value),
  'must start with redis:// or rediss://',
);
const durationUnitsMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration such as `48h`, `30d`, `90m`, `45s` or `500ms` into milliseconds. */
export function parseDurationMs(text: string): number {
  const match = /^(\d+)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a duration like 48h, 30d, 90m or 45s`);
  }
  return Number(match[1]) * (durationUnitsMs[match[2] as string] as number);
}

const durationSetting = (defaultText: string, minimumMs: number) =>
  z.string().default(defaultText).transform((text, context) => {
    try {
      const durationMs = parseDurationMs(text);
      if (durationMs < minimumMs) {
        context.addIssue({ code: 'custom', message: `must be at least ${minimumMs / 60_000} minutes` });
        return z.NEVER;
      }
      return durationMs;
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const databaseUrlSetting = z.string().optional().refine(
  (value) => value === undefined || value === '' || /^postgres(ql)?:\/\//.test(value),
  'must start with postgresql:// (or be unset to use the embedded database)',
);

const settingsSchema = z.object({
  KAFKA_CLUSTERS: kafkaClustersSetting.default(parseKafkaClusters('local=127.0.0.1:9092')),
  KAFKA_REQUEST_TIMEOUT_MS: integerSetting(5_000, 100, 120_000),
  REDIS_URL: redisUrlSetting,
  REDIS_COMMAND_TIMEOUT_MS: integerSetting(3_000, 100, 120_000),
  EVENT_STREAMS: listSetting('events:chat,events:ticket,events:remote'),
  EVENT_TRANSPORT_CONSUMER_GROUP: z.string().min(1).default('signalr-consumers'),
  EVENT_TRANSPORT_USE_REDIS_STREAMS: booleanSetting(true),
  DATABASE_URL: databaseUrlSetting,
  PGLITE_DATA_DIR: z.string().min(1).default('./data/pglite'),
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LAGBOARD_ADMIN_USER: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 letters, digits or _.@-').optional(),
  LAGBOARD_ADMIN_PASSWORD: z.string().min(4, 'must be at least 4 characters').optional(),
  SOURCE_CACHE_TTL_MS: integerSetting(5_000, 0, 600_000),
  // Seed 004 "Thresholds" block.
  SLO_THRESHOLD_P95_LAG: integerSetting(1_000, 0, Number.MAX_SAFE_INTEGER),
  SLO_COMPLIANCE_MIN: ratioSetting(0.95),
  REBALANCE_SCORE_MIN: integerSetting(70, 0, 100),
  FAIRNESS_GINI_MAX: ratioSetting(0.3),
  STUCK_DETECTION_WINDOW_S: integerSetting(300, 1, 86_400),
  SLO_TOPIC_THRESHOLDS: topicThresholdsSetting,
  // The in-memory window of recent observations per Kafka group (Burrow status, stuck, rebalances).
  GROUP_WINDOW_MAX_POINTS: integerSetting(60, 2, 10_000),
  GROUP_WINDOW_MAX_SAMPLES: integerSetting(2_000_000, 1_000, 100_000_000),
  // Seeds 000-002: healthy < 100 <= degraded < 1000 <= unhealthy.
  STREAM_LAG_DEGRADED: integerSetting(100, 0, Number.MAX_SAFE_INTEGER),
  STREAM_LAG_UNHEALTHY: integerSetting(1_000, 0, Number.MAX_SAFE_INTEGER),
  // Redis Streams monitoring (issue 4): discovery, dead consumers, seed 003's pending levels, metrics.
  EVENT_STREAM_DISCOVERY_PATTERN: z.string().min(1).max(256).optional(),
  EVENT_STREAM_DISCOVERY_MAX_KEYS: integerSetting(10_000, 1, 1_000_000),
  DEAD_CONSUMER_IDLE_MS: integerSetting(300_000, 1, 7 * 86_400_000),
  PENDING_WARNING: integerSetting(50, 0, Number.MAX_SAFE_INTEGER),
  PENDING_CRITICAL: integerSetting(500, 0, Number.MAX_SAFE_INTEGER),
  METRICS_CONSUMER_SERIES_PER_GROUP: integerSetting(10, 0, 1_000),
  // History (issue 5): snapshot collector, raw and rollup retention.
  COLLECTOR_MODE: z.enum(['embedded', 'external', 'off']).default('embedded'),
  SNAPSHOT_INTERVAL_MS: integerSetting(30_000, 1_000, 3_600_000),
  RETENTION_RAW: durationSetting('48h', 10 * 60_000),
  RETENTION_ROLLUP: durationSetting('30d', 10 * 60_000),
}).refine((settings) => settings.RETENTION_ROLLUP >= settings.RETENTION_RAW, {
  path: ['RETENTION_ROLLUP'],
  message: 'must be at least RETENTION_RAW',
}).refine((settings) => settings.PENDING_WARNING <= settings.PENDING_CRITICAL, {
  path: ['PENDING_CRITICAL'],
  message: 'must be at least PENDING_WARNING',
}).refine((settings) => settings.STREAM_LAG_DEGRADED <= settings.STREAM_LAG_UNHEALTHY, {
  path: ['STREAM_LAG_UNHEALTHY'],
  message: 'must be at least STREAM_LAG_DEGRADED',
}).refine((settings) => !settings.LAGBOARD_ADMIN_USER === !settings.LAGBOARD_ADMIN_PASSWORD, {
  path: ['LAGBOARD_ADMIN_PASSWORD'],
  message: 'LAGBOARD_ADMIN_USER and LAGBOARD_ADMIN_PASSWORD must be set together',
});

type Settings = z.infer<typeof settingsSchema>;

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
