import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './config';
import { ConfigError, loadConfig, parseKafkaClusters, parseTopicThresholds } from './config';

describe('parseKafkaClusters', () => {
  it('reads several clusters with several brokers', () => {
    expect(parseKafkaClusters('prod=k1:9092,k2:9093;dev=127.0.0.1:19092')).toEqual([
      { id: 'prod', brokers: ['k1:9092', 'k2:9093'] },
      { id: 'dev', brokers: ['127.0.0.1:19092'] },
    ]);
  });

  it.each([
    ['no equals sign', 'k1:9092', /not id=host:port/],
    ['missing port', 'prod=k1', /not host:port/],
    ['port out of range', 'prod=k1:70000', /not host:port/],
    ['bad id', 'pr od=k1:9092', /cluster id/],
    ['duplicate id', 'a=k1:1;a=k2:2', /appears twice/],
    ['empty', ' ; ', /at least one/],
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseKafkaClusters(text)).toThrow(message);
  });
});

describe('loadConfig', () => {
  it('uses the seeds defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.kafka.clusters).toEqual([{ id: 'local', brokers: ['127.0.0.1:9092'] }]);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.eventTransport.streams).toEqual(['events:chat', 'events:ticket', 'events:remote']);
    expect(config.eventTransport.consumerGroup).toBe('signalr-consumers');
    expect(config.thresholds).toMatchObject({
      sloThresholdP95Lag: 1000,
      sloComplianceMin: 0.95,
      rebalanceScoreMin: 70,
      fairnessGiniMax: 0.3,
      stuckDetectionWindowSeconds: 300,
      streamLagDegraded: 100,
      streamLagUnhealthy: 1000,
    });
    expect(config.database.url).toBeNull();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).redis.url).toBe('redis://127.0.0.1:6379');
  });

  it('names every bad variable in one message', () => {
    let thrown: unknown;
    try {
      loadConfig({ KAFKA_CLUSTERS: 'oops', SLO_COMPLIANCE_MIN: '3', REDIS_URL: 'http://x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('KAFKA_CLUSTERS');
    expect(message).toContain('SLO_COMPLIANCE_MIN');
    expect(message).toContain('REDIS_URL');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('requires the admin user and password together', () => {
    expect(() => loadConfig({ LAGBOARD_ADMIN_USER: 'root' })).toThrow(/LAGBOARD_ADMIN_PASSWORD/);
  });

  it('rejects inverted stream thresholds', () => {
    expect(() => loadConfig({ STREAM_LAG_DEGRADED: '500', STREAM_LAG_UNHEALTHY: '100' })).toThrow(/STREAM_LAG_UNHEALTHY/);
  });
});

describe('stream monitoring settings', () => {
  it('defaults to no discovery, 5 minutes for dead consumers, seed 003 pending levels and 10 consumer series', () => {
    expect(loadConfig({}).streamMonitoring).toEqual({
      discoveryPattern: null,
      discoveryMaxKeys: 10_000,
      deadConsumerIdleMs: 300_000,
      pendingWarning: 50,
      pendingCritical: 500,
      metricsConsumerSeriesPerGroup: 10,
    });
  });

  it('reads every setting', () => {
    expect(loadConfig({
      EVENT_STREAM_DISCOVERY_PATTERN: 'events:*',
      EVENT_STREAM_DISCOVERY_MAX_KEYS: '2000',
      DEAD_CONSUMER_IDLE_MS: '60000',
      PENDING_WARNING: '10',
      PENDING_CRITICAL: '20',
      METRICS_CONSUMER_SERIES_PER_GROUP: '0',
    }).streamMonitoring).toEqual({
      discoveryPattern: 'events:*',
      discoveryMaxKeys: 2000,
      deadConsumerIdleMs: 60_000,
      pendingWarning: 10,
      pendingCritical: 20,
      metricsConsumerSeriesPerGroup: 0,
    });
  });

  it.each([
    ['EVENT_STREAM_DISCOVERY_MAX_KEYS', '0'],
    ['DEAD_CONSUMER_IDLE_MS', '-1'],
    ['METRICS_CONSUMER_SERIES_PER_GROUP', '1001'],
    ['PENDING_WARNING', 'many'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('rejects inverted pending levels', () => {
    expect(() => loadConfig({ PENDING_WARNING: '600', PENDING_CRITICAL: '500' })).toThrow(/PENDING_CRITICAL/);
  });
});

describe('Kafka analysis settings', () => {
  it('defaults to no per-topic thresholds and a window of 60 points, 2 million samples per cluster', () => {
    const config = loadConfig({});
    expect(config.thresholds.sloTopicThresholds).toEqual({});
    expect(config.kafka.groupWindow).toEqual({ maxPointsPerGroup: 60, maxPartitionSamplesPerCluster: 2_000_000 });
  });

  it('reads per-topic thresholds and window bounds', () => {
    const config = loadConfig({ SLO_TOPIC_THRESHOLDS: 'orders=50, audit.log_v2=100000', GROUP_WINDOW_MAX_POINTS: '10', GROUP_WINDOW_MAX_SAMPLES: '5000' });
    expect(config.thresholds.sloTopicThresholds).toEqual({ orders: 50, 'audit.log_v2': 100_000 });
    expect(config.kafka.groupWindow).toEqual({ maxPointsPerGroup: 10, maxPartitionSamplesPerCluster: 5000 });
  });

  it('keeps topic names that look like Object.prototype members as plain keys', () => {
    expect(Object.hasOwn(parseTopicThresholds('constructor=5'), 'constructor')).toBe(true);
    expect(parseTopicThresholds('')).toEqual({});
  });

  it.each([
    ['no equals sign', 'orders', /not topic=lag/],
    ['illegal topic name', 'or ders=5', /not topic=lag/],
    ['negative lag', 'orders=-1', /not a whole number/],
    ['fraction', 'orders=1.5', /not a whole number/],
    ['duplicate topic', 'a=1,a=2', /appears twice/],
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseTopicThresholds(text)).toThrow(message);
    expect(() => loadConfig({ SLO_TOPIC_THRESHOLDS: text })).toThrow(/SLO_TOPIC_THRESHOLDS/);
  });

  it('rejects a window of fewer than two points', () => {
    expect(() => loadConfig({ GROUP_WINDOW_MAX_POINTS: '1' })).toThrow(/GROUP_WINDOW_MAX_POINTS/);
  });
});

describe('history settings', () => {
  it('defaults to an embedded collector every 30 s, 48 h of raw points and 30 d of rollups', () => {
    expect(loadConfig({}).history).toEqual({
      collectorMode: 'embedded',
      snapshotIntervalMs: 30_000,
      retentionRawMs: 48 * 3_600_000,
      retentionRollupMs: 30 * 86_400_000,
    });
  });

  it('reads the interval, both retentions and the mode', () => {
    const config = loadConfig({ SNAPSHOT_INTERVAL_MS: '60000', RETENTION_RAW: '36h', RETENTION_ROLLUP: '90d', COLLECTOR_MODE: 'off' });
    expect(config.history).toEqual({ collectorMode: 'off', snapshotIntervalMs: 60_000, retentionRawMs: 36 * 3_600_000, retentionRollupMs: 90 * 86_400_000 });
    expect(loadConfig({ COLLECTOR_MODE: 'external' }).history.collectorMode).toBe('external');
  });

  it('parses durations with a unit', () => {
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('45s')).toBe(45_000);
    expect(parseDurationMs('90m')).toBe(5_400_000);
    expect(parseDurationMs(' 2d ')).toBe(172_800_000);
    expect(() => parseDurationMs('48')).toThrow(/not a duration/);
    expect(() => parseDurationMs('1.5h')).toThrow(/not a duration/);
  });

  it.each([
    ['an interval below 1 s', { SNAPSHOT_INTERVAL_MS: '999' }, /SNAPSHOT_INTERVAL_MS/],
    ['a duration without unit', { RETENTION_RAW: '172800000' }, /RETENTION_RAW: .*not a duration/],
    ['a raw retention under 10 minutes', { RETENTION_RAW: '5m' }, /RETENTION_RAW: must be at least 10 minutes/],
    ['rollups kept shorter than raw points', { RETENTION_RAW: '7d', RETENTION_ROLLUP: '2d' }, /RETENTION_ROLLUP: must be at least RETENTION_RAW/],
    ['an unknown mode', { COLLECTOR_MODE: 'leader' }, /COLLECTOR_MODE/],
  ])('rejects %s', (_label, environment, message) => {
    expect(() => loadConfig(environment)).toThrow(message);
  });
});
