import { z } from 'zod';
import { parseDurationMs, parseKafkaClusters, parseTopicThresholds } from './config-values';

/** The environment variables Lagboard reads, each with its type, bounds and default. */

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

const publicUrlSetting = z.string().optional().refine(
  (value) => value === undefined || /^https?:\/\/[^\s]+$/.test(value),
  'must be an http:// or https:// URL',
);

export const settingsSchema = z.object({
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
  // How long a verified token or session keeps serving Kafka and Redis figures while the database is down.
  DATABASE_OUTAGE_GRACE_MS: integerSetting(300_000, 0, 3_600_000),
  // Seed 004 "Thresholds" block.
  SLO_THRESHOLD_P95_LAG: integerSetting(1_000, 0, Number.MAX_SAFE_INTEGER),
  SLO_COMPLIANCE_MIN: ratioSetting(0.95),
  REBALANCE_SCORE_MIN: integerSetting(70, 0, 100),
  FAIRNESS_GINI_MAX: ratioSetting(0.3),
  STUCK_DETECTION_WINDOW_S: integerSetting(300, 1, 86_400),
  // Lag one member (Kafka) or consumer (Redis) is expected to hold: the scaling recommendation's
  // KEDA-style lagThreshold. 1000 = the SLO threshold's default, so each member's share stays within it.
  SCALING_LAG_THRESHOLD_PER_MEMBER: integerSetting(1000, 1, Number.MAX_SAFE_INTEGER),
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
  // Security: request bodies, sign-in throttling, live streams, framing of shared charts.
  API_BODY_MAX_BYTES: integerSetting(1_048_576, 1_024, 100 * 1_048_576),
  SIGNIN_THROTTLE_FREE_ATTEMPTS: integerSetting(5, 1, 1_000),
  SIGNIN_THROTTLE_ADDRESS_FREE_ATTEMPTS: integerSetting(20, 1, 100_000),
  SIGNIN_THROTTLE_MAX_LOCK_MS: integerSetting(900_000, 1_000, 86_400_000),
  SIGNIN_THROTTLE_MAX_ENTRIES: integerSetting(10_000, 100, 10_000_000),
  LIVE_AUTH_RECHECK_MS: integerSetting(60_000, 100, 3_600_000),
  LIVE_STREAMS_PER_USER_MAX: integerSetting(5, 1, 1_000),
  SHARE_LINK_FRAME_ANCESTORS: z.string().max(1_000).regex(/^[A-Za-z0-9 :/*.'_-]*$/, 'must be CSP frame-ancestors sources, e.g. https://wiki.example.com').optional(),
  // Alerts: an upper bound on every rule's "for" duration (demo and tests), unset for none.
  ALERT_FOR_SECONDS_MAX: z.coerce.number().int().min(0).max(86_400).optional(),
  // Alert notifications (lib/notifications): links in messages, timeouts, retries, dispatch loop.
  LAGBOARD_PUBLIC_URL: publicUrlSetting,
  NEXTAUTH_URL: publicUrlSetting,
  NOTIFY_TIMEOUT_MS: integerSetting(5_000, 100, 60_000),
  NOTIFY_MAX_ATTEMPTS: integerSetting(6, 1, 20),
  NOTIFY_RETRY_BASE_MS: integerSetting(5_000, 10, 3_600_000),
  NOTIFY_RETRY_MAX_MS: integerSetting(300_000, 10, 86_400_000),
  NOTIFY_POLL_INTERVAL_MS: integerSetting(5_000, 100, 600_000),
  NOTIFY_CHANNEL_CONCURRENCY: integerSetting(2, 1, 32),
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

export type Settings = z.infer<typeof settingsSchema>;
