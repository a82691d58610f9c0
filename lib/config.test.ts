import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseKafkaClusters } from './config';

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
