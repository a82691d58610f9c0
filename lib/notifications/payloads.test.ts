import { describe, expect, it } from 'vitest';
import type { NotificationFacts } from './alert-facts';
import { isRetryable, retryDelayMs } from './backoff';
import { buildRequest } from './build-request';
import { maskSecret, maskUrl } from './mask';
import { signBody } from './signature';
import { slackPayload } from './slack-payload';

const facts: NotificationFacts = {
  kind: 'resolved',
  deliveryKey: 'event:7',
  eventId: 7,
  at: new Date('2026-12-04T10:05:00.000Z'),
  value: 12,
  alert: {
    id: 'cmalert1',
    key: 'redis.pending_high|redis|stream:events:chat|group:signalr',
    ruleId: 'redis.pending_high',
    severity: 'critical',
    state: 'resolved',
    source: 'redis',
    clusterId: null,
    groupId: 'signalr',
    topic: null,
    stream: 'events:chat',
    teamIds: [],
    summary: 'Pending entries 12 (maximum 500)',
    value: 12,
    threshold: 500,
    peakValue: 900,
    unit: 'count',
    firingSince: new Date('2026-12-04T10:00:00.000Z'),
    resolvedAt: new Date('2026-12-04T10:05:00.000Z'),
    acknowledgedAt: null,
    silencedUntil: null,
  },
};

describe('Slack message', () => {
  it('says what resolved, the figure, since when, the incident and where to look', () => {
    expect(slackPayload(facts, null).text).toBe([
      ':large_green_circle: RESOLVED [critical] redis.pending_high — group signalr on stream events:chat',
      'Pending entries 12 (maximum 500)',
      'Value: 12 count (threshold 500 count)',
      'Resolved at 2026-12-04T10:05:00.000Z, firing since 2026-12-04T10:00:00.000Z',
      'Incident: cmalert1',
      'Lagboard page: /streams/events%3Achat',
    ].join('\n'));
    expect(slackPayload(facts, 'https://lag.example').text).toContain('<https://lag.example/streams/events%3Achat|Open in Lagboard>');
  });
});

describe('webhook request', () => {
  it('signs `<timestamp>.<body>` and carries the delivery id as idempotency key', () => {
    const request = buildRequest({ kind: 'webhook', url: 'http://x', secret: 'sixteen-characters' }, facts, { publicBaseUrl: null, nowMs: 1_700_000_000_999 });
    expect(request.headers['x-lagboard-timestamp']).toBe('1700000000');
    expect(request.headers['idempotency-key']).toBe('event:7');
    expect(request.headers['x-lagboard-signature']).toBe(signBody('sixteen-characters', 1_700_000_000, request.body));
    expect(signBody('sixteen-characters', 1_700_000_000, request.body)).not.toBe(signBody('sixteen-characters', 1_700_000_001, request.body));
    expect(JSON.parse(request.body)).toMatchObject({ kind: 'resolved', event_id: 7, alert: { peak_value: 900, url: null } });
  });
});

describe('masking', () => {
  it('shows scheme, host and the last 4 characters only', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/abcdefgh1234')).toBe('https://hooks.slack.com/…1234');
    expect(maskUrl('http://127.0.0.1:3404/hook?token=s3cr3t')).toBe('http://127.0.0.1:3404/…cr3t');
    expect(maskUrl('not a url at all')).toBe('… all');
    expect(maskSecret('0123456789abcdefWXYZ')).toBe('…WXYZ');
    expect(maskSecret(null)).toBeNull();
  });
});

describe('retries', () => {
  const policy = { maxAttempts: 6, retryBaseMs: 5_000, retryMaxMs: 60_000 };
  it('doubles the delay per failed attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
  it('retries network errors, timeouts, 429 and 5xx, not other 4xx or a bad URL', () => {
    expect(isRetryable({ statusCode: null, errorKind: 'timeout' })).toBe(true);
    expect(isRetryable({ statusCode: null, errorKind: 'connection' })).toBe(true);
    expect(isRetryable({ statusCode: 429, errorKind: 'http_4xx' })).toBe(true);
    expect(isRetryable({ statusCode: 502, errorKind: 'http_5xx' })).toBe(true);
    expect(isRetryable({ statusCode: 404, errorKind: 'http_4xx' })).toBe(false);
    expect(isRetryable({ statusCode: null, errorKind: 'invalid_url' })).toBe(false);
  });
});

describe('Slack headlines', () => {
  it('names a repeat and a test as such', () => {
    expect(slackPayload({ ...facts, kind: 'repeat', alert: { ...facts.alert, state: 'firing', resolvedAt: null } }, null).text)
      .toMatch(/^:red_circle: STILL FIRING \[critical\] redis\.pending_high — group signalr on stream events:chat\n/);
    expect(slackPayload({ ...facts, kind: 'test' }, null).text).toMatch(/^:information_source: TEST /);
  });
});

describe('Slack escaping', () => {
  it('escapes <, > and & in names and summaries so they cannot become links or mentions', () => {
    const text = slackPayload({ ...facts, alert: { ...facts.alert, groupId: '<!channel>&co', summary: 'lag > 5 & rising' } }, null).text;
    expect(text).toContain('group &lt;!channel&gt;&amp;co on stream events:chat');
    expect(text).toContain('lag &gt; 5 &amp; rising');
    expect(text).not.toContain('<!channel>');
  });
});
