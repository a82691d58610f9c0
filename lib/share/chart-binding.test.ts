import { describe, expect, it } from 'vitest';
import { chartBindingSchema, describeChartResource, shareLinkBodySchema } from './chart-binding';

const kafkaChart = { kind: 'kafka_group', cluster_id: 'prod', name: 'orders', range: '24h', series: ['total_lag', 'lag_seconds'] };
const streamChart = { kind: 'redis_stream_group', name: 'events:chat', group: 'signalr-consumers', range: '1h', series: ['lag'] };

describe('chartBindingSchema', () => {
  it('accepts a group chart and a stream chart, filling absent optional fields with null', () => {
    expect(chartBindingSchema.parse(kafkaChart)).toEqual({ ...kafkaChart, group: null });
    expect(chartBindingSchema.parse(streamChart)).toEqual({ ...streamChart, cluster_id: null });
  });

  it.each([
    ['an unknown series', { ...kafkaChart, series: ['pending'] }],
    ['a repeated series', { ...kafkaChart, series: ['total_lag', 'total_lag'] }],
    ['no series', { ...kafkaChart, series: [] }],
    ['an unknown range', { ...kafkaChart, range: '2d' }],
    ['a stream chart without its group', { ...streamChart, group: undefined }],
    ['a stream chart with a cluster', { ...streamChart, cluster_id: 'prod' }],
    ['a group chart with a stream group', { ...kafkaChart, group: 'g' }],
    ['an extra field', { ...kafkaChart, owner: 'me' }],
    ['a control character in the name', { ...kafkaChart, name: 'a\nb' }],
  ])('refuses %s', (_description, input) => {
    expect(chartBindingSchema.safeParse(input).success).toBe(false);
  });

  it('takes an expiry of 1 to 90 days in a request body, 7 by default', () => {
    expect(shareLinkBodySchema.parse(kafkaChart).expires_in_days).toBe(7);
    expect(shareLinkBodySchema.parse({ ...kafkaChart, expires_in_days: 90 }).expires_in_days).toBe(90);
    expect(shareLinkBodySchema.safeParse({ ...kafkaChart, expires_in_days: 91 }).success).toBe(false);
    expect(shareLinkBodySchema.safeParse({ ...kafkaChart, expires_in_days: 0 }).success).toBe(false);
    expect(shareLinkBodySchema.safeParse({ ...kafkaChart, series: ['nope'] }).success).toBe(false);
  });

  it('names the resource in words', () => {
    expect(describeChartResource(chartBindingSchema.parse(kafkaChart))).toBe('Consumer group “orders” on cluster “prod”');
    expect(describeChartResource(chartBindingSchema.parse(streamChart))).toBe('Stream “events:chat”, group “signalr-consumers”');
  });
});
