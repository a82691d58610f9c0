import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@/lib/collector/clock';
import { testCollector } from '@/lib/collector/testing/test-collector';
import { createDatabase, type Database, type DatabaseClient } from '@/lib/db/create-client';
import type { AlertChannelKind, AlertSeverity } from '@/lib/generated/prisma/client';
import { closeKafkaConnections } from '@/lib/kafka';
import { NotificationDispatcher, type DispatcherOptions } from '@/lib/notifications/dispatcher';
import { signBody, verifySignature } from '@/lib/notifications/signature';
import { acknowledgeAlert, openFiringAlert, resolveAlert, silenceAlert } from '../support/alert-rows';
import { dropDatabase, recreateDatabase } from '../support/database';
import { HttpReceiver } from '../support/http-receiver';
import { testDatabaseName, testKafkaBrokers } from '../support/test-env';

// The outbox read end to end: Alert/AlertEvent rows written as lib/alerts writes them, the
// dispatcher on the real PostgreSQL, and real HTTP receivers on 127.0.0.1 that record exactly
// what arrives. Time is a variable the tests move forward (backoff, repeats, leases).

const scratchDatabase = `${testDatabaseName}_notifications`;
const publicBaseUrl = 'https://lagboard.example.com';
const secret = 'webhook-secret-0123456789-abcdef';
let databaseUrl: string;
let database: Database;
let prisma: DatabaseClient;
let nowMs = Date.now();
const receivers: HttpReceiver[] = [];
const dispatchers: NotificationDispatcher[] = [];
const extraDatabases: Database[] = [];

async function receiver(): Promise<HttpReceiver> {
  const started = await HttpReceiver.start();
  receivers.push(started);
  return started;
}

function dispatcher(overrides: Partial<DispatcherOptions> = {}, client: DatabaseClient = prisma): NotificationDispatcher {
  const created = new NotificationDispatcher({
    database: async () => client,
    publicBaseUrl,
    timeoutMs: 2_000,
    policy: { maxAttempts: 4, retryBaseMs: 10_000, retryMaxMs: 60_000 },
    pollIntervalMs: 60_000,
    channelConcurrency: 2,
    activeWindowMs: 60_000,
    nowMs: () => nowMs,
    ...overrides,
  });
  dispatchers.push(created);
  return created;
}

interface ChannelInput {
  url: string;
  kind?: AlertChannelKind;
  teamId?: string | null;
  minSeverity?: AlertSeverity;
  ruleIds?: string[];
  repeatIntervalSeconds?: number | null;
}

async function channel(input: ChannelInput) {
  const kind = input.kind ?? 'webhook';
  return prisma.alertChannel.create({
    data: {
      name: `channel ${input.url}`,
      kind,
      url: `${input.url}/hook/T000/B000/tokenpart1234`,
      secret: kind === 'webhook' ? secret : null,
      teamId: input.teamId ?? null,
      minSeverity: input.minSeverity ?? 'info',
      ruleIds: input.ruleIds ?? [],
      repeatIntervalSeconds: input.repeatIntervalSeconds ?? null,
      // Older than the test's events, whatever the machine's speed (a channel gets no older events).
      createdAt: new Date(nowMs - 1_000),
    },
  });
}

async function deliveriesOf(channelId: string) {
  return prisma.alertDelivery.findMany({ where: { channelId }, orderBy: { id: 'asc' } });
}

beforeAll(async () => {
  databaseUrl = await recreateDatabase(scratchDatabase);
  database = createDatabase({ databaseUrl });
  await database.migrate();
  prisma = database.prisma;
});

beforeEach(async () => {
  // Channels must be older than the events they receive (a new channel does not replay history).
  nowMs = Date.now() + 1_000;
});

afterEach(async () => {
  for (const running of dispatchers.splice(0)) await running.abandon();
  for (const started of receivers.splice(0)) await started.close();
  await prisma.alertDelivery.deleteMany();
  await prisma.alertChannel.deleteMany();
  await prisma.alert.deleteMany();
  await prisma.team.deleteMany();
});

afterAll(async () => {
  for (const extra of extraDatabases) await extra.close();
  await database?.close();
  await dropDatabase(scratchDatabase);
});

describe('webhook channel', () => {
  it('delivers firing then resolved with the documented body, a signature that recomputes and the event id as idempotency key', async () => {
    const hook = await receiver();
    const created = await channel({ url: hook.url });
    const { alert, event: firing } = await openFiringAlert(prisma, { atMs: nowMs, groupId: 'orders-enricher', value: 62 });
    const sender = dispatcher();
    await sender.runOnce();
    nowMs += 60_000;
    const { event: resolved } = await resolveAlert(prisma, alert.id, nowMs, 97);
    await sender.runOnce();

    expect(hook.requests).toHaveLength(2);
    const [first, second] = hook.requests;
    expect(first?.path).toBe('/hook/T000/B000/tokenpart1234');
    expect(first?.headers['idempotency-key']).toBe(`event:${firing.id}`);
    expect(second?.headers['x-lagboard-delivery']).toBe(`event:${resolved.id}`);
    for (const request of hook.requests) {
      const timestamp = String(request.headers['x-lagboard-timestamp']);
      expect(Number(timestamp)).toBe(Math.floor(Number(timestamp)));
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
      expect(request.headers['x-lagboard-signature']).toBe(expected);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const [firingBody, resolvedBody] = hook.jsonBodies();
    expect(firingBody).toMatchObject({
      version: 1,
      kind: 'firing',
      event_id: firing.id,
      delivery_id: `event:${firing.id}`,
      value: 62,
      alert: {
        id: alert.id,
        rule_id: 'kafka.slo_violation',
        severity: 'warning',
        state: 'firing',
        cluster_id: 'local',
        group_id: 'orders-enricher',
        resource: 'group orders-enricher on cluster local',
        summary: 'SLO compliance 62 % (minimum 95 %)',
        threshold: 95,
        unit: 'percent',
        firing_since: firing.at.toISOString(),
        url: `${publicBaseUrl}/clusters/local/groups/orders-enricher`,
      },
    });
    expect(resolvedBody).toMatchObject({ kind: 'resolved', event_id: resolved.id, value: 97, alert: { id: alert.id, state: 'resolved', resolved_at: resolved.at.toISOString() } });

    const log = await deliveriesOf(created.id);
    expect(log.map((row) => [row.kind, row.status, row.attempt, row.lastStatusCode])).toEqual([
      ['firing', 'delivered', 1, 200],
      ['resolved', 'delivered', 1, 200],
    ]);
    // Running again sends nothing more: each event is claimed once per channel.
    await sender.runOnce();
    expect(hook.requests).toHaveLength(2);
  });

  it('a tampered body or an old timestamp fails the documented verification', async () => {
    const body = '{"kind":"firing"}';
    const signature = signBody(secret, 1_000, body);
    expect(verifySignature(secret, { timestampSeconds: 1_000, body, signature }, { nowSeconds: 1_100, toleranceSeconds: 300 })).toBe(true);
    expect(verifySignature(secret, { timestampSeconds: 1_000, body: '{"kind":"resolved"}', signature }, { nowSeconds: 1_100, toleranceSeconds: 300 })).toBe(false);
    expect(verifySignature(secret, { timestampSeconds: 1_000, body, signature }, { nowSeconds: 2_000, toleranceSeconds: 300 })).toBe(false);
    expect(verifySignature('another-secret-0123456789', { timestampSeconds: 1_000, body, signature }, { nowSeconds: 1_100, toleranceSeconds: 300 })).toBe(false);
  });
});

describe('Slack channel', () => {
  it('posts a readable message: resource, figure, since when, incident id and a link', async () => {
    const slack = await receiver();
    await channel({ url: slack.url, kind: 'slack' });
    const { alert, event } = await openFiringAlert(prisma, { atMs: nowMs, groupId: 'billing', severity: 'critical', value: 40 });
    await dispatcher().runOnce();
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.headers['x-lagboard-signature']).toBeUndefined();
    const [message] = slack.jsonBodies<{ text: string; blocks: { type: string; text: { type: string; text: string } }[] }>();
    expect(message?.text.split('\n')).toEqual([
      ':red_circle: FIRING [critical] kafka.slo_violation — group billing on cluster local',
      'SLO compliance 40 % (minimum 95 %)',
      'Value: 40 % (threshold 95 %)',
      `Since ${event.at.toISOString()}`,
      `Incident: ${alert.id}`,
      `<${publicBaseUrl}/clusters/local/groups/billing|Open in Lagboard>`,
    ]);
    expect(message?.blocks.map((block) => block.type)).toEqual(['section', 'section']);
    expect(message?.blocks[0]?.text.text).toBe('*:red_circle: FIRING [critical] kafka.slo_violation — group billing on cluster local*');
  });
});

describe('retries', () => {
  it('retries after a 500 with exponential backoff and stores every attempt', async () => {
    const hook = await receiver();
    hook.respond([{ status: 500 }, { status: 503 }], { status: 200 });
    const created = await channel({ url: hook.url });
    const { event } = await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher();
    await sender.runOnce();
    let [row] = await deliveriesOf(created.id);
    expect([row?.status, row?.attempt, row?.lastStatusCode, row?.lastErrorKind]).toEqual(['pending', 1, 500, 'http_5xx']);
    expect(row?.nextAttemptAt.getTime()).toBe(nowMs + 10_000);
    // Not due yet: nothing is sent.
    nowMs += 9_999;
    await sender.runOnce();
    expect(hook.requests).toHaveLength(1);
    nowMs += 1;
    await sender.runOnce();
    [row] = await deliveriesOf(created.id);
    expect([row?.status, row?.attempt, row?.lastStatusCode]).toEqual(['pending', 2, 503]);
    expect(row?.nextAttemptAt.getTime()).toBe(nowMs + 20_000);
    nowMs += 20_000;
    await sender.runOnce();
    [row] = await deliveriesOf(created.id);
    expect([row?.status, row?.attempt, row?.lastStatusCode, row?.lastErrorKind]).toEqual(['delivered', 3, 200, null]);
    expect((row?.attempts as { status_code: number }[]).map((attempt) => attempt.status_code)).toEqual([500, 503, 200]);
    expect(hook.requests.map((request) => request.headers['idempotency-key'])).toEqual([`event:${event.id}`, `event:${event.id}`, `event:${event.id}`]);
  });

  it('gives up after the bounded number of attempts, and at once on a 4xx', async () => {
    const failing = await receiver();
    failing.respond([], { status: 500 });
    const refusing = await receiver();
    refusing.respond([], { status: 404 });
    const retried = await channel({ url: failing.url });
    const refused = await channel({ url: refusing.url });
    await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher({ policy: { maxAttempts: 3, retryBaseMs: 1_000, retryMaxMs: 1_500 } });
    for (let pass = 0; pass < 6; pass += 1) {
      await sender.runOnce();
      nowMs += 1_500;
    }
    expect(failing.requests).toHaveLength(3);
    expect(refusing.requests).toHaveLength(1);
    const [retriedRow] = await deliveriesOf(retried.id);
    const [refusedRow] = await deliveriesOf(refused.id);
    expect([retriedRow?.status, retriedRow?.attempt]).toEqual(['failed', 3]);
    expect([refusedRow?.status, refusedRow?.attempt, refusedRow?.lastErrorKind]).toEqual(['failed', 1, 'http_4xx']);
  });

  it('a receiver that does not answer times out and is retried later', async () => {
    const hung = await receiver();
    hung.respond(['hold'], { status: 200 });
    const created = await channel({ url: hung.url });
    await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher({ timeoutMs: 300 });
    await sender.runOnce();
    let [row] = await deliveriesOf(created.id);
    expect([row?.status, row?.lastStatusCode, row?.lastErrorKind]).toEqual(['pending', null, 'timeout']);
    nowMs += 10_000;
    await sender.runOnce();
    [row] = await deliveriesOf(created.id);
    expect([row?.status, row?.attempt]).toEqual(['delivered', 2]);
  });
});

describe('repeat interval, acknowledgement and silence', () => {
  it('repeats a still-firing alert once per interval and stops once it is acknowledged', async () => {
    const hook = await receiver();
    await channel({ url: hook.url, repeatIntervalSeconds: 300 });
    const { alert } = await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher();
    await sender.runOnce();
    nowMs += 299_000;
    await sender.runOnce();
    expect(hook.jsonBodies().map((body) => body.kind)).toEqual(['firing']);
    nowMs += 1_000;
    await sender.runOnce();
    await sender.runOnce();
    expect(hook.jsonBodies().map((body) => [body.kind, body.delivery_id])).toEqual([
      ['firing', expect.stringMatching(/^event:/)],
      ['repeat', `repeat:${alert.id}:1`],
    ]);
    nowMs += 300_000;
    await sender.runOnce();
    expect(hook.jsonBodies().map((body) => body.delivery_id)).toContain(`repeat:${alert.id}:2`);
    expect(hook.requests).toHaveLength(3);
    await acknowledgeAlert(prisma, alert.id, nowMs);
    nowMs += 900_000;
    await sender.runOnce();
    expect(hook.requests).toHaveLength(3);
    // Resolving still notifies, acknowledged or not; the acknowledgement itself is not sent.
    await resolveAlert(prisma, alert.id, nowMs);
    await sender.runOnce();
    expect(hook.jsonBodies().map((body) => body.kind)).toEqual(['firing', 'repeat', 'repeat', 'resolved']);
  });

  it('sends nothing while an alert is silenced: no firing, no repeat, no resolved', async () => {
    const hook = await receiver();
    await channel({ url: hook.url, repeatIntervalSeconds: 60 });
    const silenced = await openFiringAlert(prisma, { atMs: nowMs, silencedUntil: new Date(nowMs + 3_600_000) });
    const loud = await openFiringAlert(prisma, { atMs: nowMs, groupId: 'loud' });
    const sender = dispatcher();
    await sender.runOnce();
    nowMs += 600_000;
    await sender.runOnce();
    await resolveAlert(prisma, silenced.alert.id, nowMs);
    await sender.runOnce();
    const bodies = hook.jsonBodies<{ kind: string; alert: { id: string } }>();
    expect(bodies.every((body) => body.alert.id === loud.alert.id)).toBe(true);
    expect(bodies.map((body) => body.kind)).toEqual(['firing', 'repeat']);
  });

  it('a silence set after the firing was claimed but before it was sent stops the send', async () => {
    const hook = await receiver();
    hook.respond([{ status: 500 }], { status: 200 });
    const created = await channel({ url: hook.url });
    const { alert } = await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher();
    await sender.runOnce();
    expect(hook.requests).toHaveLength(1);
    await silenceAlert(prisma, alert.id, nowMs, nowMs + 3_600_000);
    nowMs += 60_000;
    await sender.runOnce();
    expect(hook.requests).toHaveLength(1);
    expect(await deliveriesOf(created.id)).toEqual([]);
  });
});

describe('routing', () => {
  it('sends a team alert to that team\'s channels and to channels without a team, honouring severity and rule filters', async () => {
    const [teamA, teamB] = await Promise.all([prisma.team.create({ data: { name: 'payments' } }), prisma.team.create({ data: { name: 'search' } })]);
    const receiversByName = {
      teamA: await receiver(),
      teamB: await receiver(),
      everyAlert: await receiver(),
      criticalOnly: await receiver(),
      redisRulesOnly: await receiver(),
      teamAWarningRule: await receiver(),
    };
    await channel({ url: receiversByName.teamA.url, teamId: teamA.id });
    await channel({ url: receiversByName.teamB.url, teamId: teamB.id });
    await channel({ url: receiversByName.everyAlert.url });
    await channel({ url: receiversByName.criticalOnly.url, minSeverity: 'critical' });
    await channel({ url: receiversByName.redisRulesOnly.url, ruleIds: ['redis.pending_high'] });
    await channel({ url: receiversByName.teamAWarningRule.url, teamId: teamA.id, minSeverity: 'warning', ruleIds: ['kafka.slo_violation'] });
    const teamAlert = await openFiringAlert(prisma, { atMs: nowMs, teamIds: [teamA.id], severity: 'warning' });
    const unownedCritical = await openFiringAlert(prisma, { atMs: nowMs, severity: 'critical', ruleId: 'redis.pending_high', clusterId: null, groupId: 'signalr', stream: 'events:chat' });
    await dispatcher().runOnce();
    const alertIdsOf = (target: HttpReceiver) => target.jsonBodies<{ alert: { id: string } }>().map((body) => body.alert.id).sort();
    expect(alertIdsOf(receiversByName.teamA)).toEqual([teamAlert.alert.id]);
    expect(alertIdsOf(receiversByName.teamB)).toEqual([]);
    expect(alertIdsOf(receiversByName.everyAlert)).toEqual([teamAlert.alert.id, unownedCritical.alert.id].sort());
    expect(alertIdsOf(receiversByName.criticalOnly)).toEqual([unownedCritical.alert.id]);
    expect(alertIdsOf(receiversByName.redisRulesOnly)).toEqual([unownedCritical.alert.id]);
    expect(alertIdsOf(receiversByName.teamAWarningRule)).toEqual([teamAlert.alert.id]);
    const [streamMessage] = receiversByName.criticalOnly.jsonBodies<{ alert: { url: string; resource: string } }>();
    expect(streamMessage?.alert).toMatchObject({ url: `${publicBaseUrl}/streams/events%3Achat`, resource: 'group signalr on stream events:chat' });
  });

  it('a disabled channel receives nothing, and a channel created later does not replay older events', async () => {
    const disabledHook = await receiver();
    const disabled = await channel({ url: disabledHook.url });
    await prisma.alertChannel.update({ where: { id: disabled.id }, data: { enabled: false } });
    const { alert } = await openFiringAlert(prisma, { atMs: nowMs });
    await dispatcher().runOnce();
    expect(disabledHook.requests).toHaveLength(0);
    const lateHook = await receiver();
    const late = await prisma.alertChannel.create({ data: { name: 'late', kind: 'slack', url: lateHook.url, createdAt: new Date(nowMs + 1) } });
    nowMs += 1_000;
    await resolveAlert(prisma, alert.id, nowMs);
    await dispatcher().runOnce();
    // Neither the old firing nor a resolved without its firing.
    expect(lateHook.requests).toHaveLength(0);
    expect(await deliveriesOf(late.id)).toEqual([]);
  });
});

describe('isolation and leader changes', () => {
  it('a slow receiver does not delay another channel', async () => {
    const slow = await receiver();
    slow.respond([], 'hold');
    const fast = await receiver();
    const slowChannel = await channel({ url: slow.url });
    const fastChannel = await channel({ url: fast.url });
    for (let index = 0; index < 3; index += 1) await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher({ timeoutMs: 30_000, channelConcurrency: 2 });
    const pass = sender.runOnce();
    await fast.waitForRequests(3);
    await slow.waitForRequests(2);
    // The fast channel's three messages are recorded while the slow one still holds both its slots.
    await expect.poll(async () => (await deliveriesOf(fastChannel.id)).map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect((await deliveriesOf(slowChannel.id)).map((row) => row.status).sort()).toEqual(['pending', 'sending', 'sending']);
    expect(slow.requests).toHaveLength(2);
    slow.respond([], { status: 200 });
    slow.release(200);
    await pass;
    await sender.runOnce();
    expect(slow.requests).toHaveLength(3);
    expect((await deliveriesOf(slowChannel.id)).map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('two dispatchers on one database send each event once per channel', async () => {
    const hooks = [await receiver(), await receiver()];
    for (const hook of hooks) await channel({ url: hook.url });
    const second = createDatabase({ databaseUrl });
    extraDatabases.push(second);
    const one = dispatcher({ channelConcurrency: 4 });
    const two = dispatcher({ channelConcurrency: 4 }, second.prisma);
    const alerts = [];
    for (let index = 0; index < 8; index += 1) alerts.push(await openFiringAlert(prisma, { atMs: nowMs }));
    await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
    nowMs += 1_000;
    for (const { alert } of alerts.slice(0, 4)) await resolveAlert(prisma, alert.id, nowMs);
    await Promise.all([one.runOnce(), two.runOnce(), two.runOnce(), one.runOnce()]);
    for (const hook of hooks) {
      const keys = hook.requests.map((request) => String(request.headers['idempotency-key']));
      expect(keys).toHaveLength(12);
      expect(new Set(keys).size).toBe(12);
    }
  });

  it('a dispatcher killed mid-way: the next leader sends only what was not finished, with the same delivery ids', async () => {
    const steady = await receiver();
    const stalled = await receiver();
    stalled.respond(['hold', 'hold'], { status: 200 });
    const steadyChannel = await channel({ url: steady.url });
    const stalledChannel = await channel({ url: stalled.url });
    await openFiringAlert(prisma, { atMs: nowMs });
    await openFiringAlert(prisma, { atMs: nowMs });
    const oldLeader = dispatcher({ timeoutMs: 30_000 });
    void oldLeader.runOnce();
    await stalled.waitForRequests(2);
    await expect.poll(async () => (await deliveriesOf(steadyChannel.id)).map((row) => row.status)).toEqual(['delivered', 'delivered']);
    await oldLeader.abandon();
    const firstKeys = stalled.requests.map((request) => request.headers['idempotency-key']);

    const newLeaderDatabase = createDatabase({ databaseUrl });
    extraDatabases.push(newLeaderDatabase);
    const newLeader = dispatcher({ timeoutMs: 30_000 }, newLeaderDatabase.prisma);
    // While the old lease lasts, the new leader leaves those rows alone.
    await newLeader.runOnce();
    expect(stalled.requests).toHaveLength(2);
    nowMs += 65_001;
    await newLeader.runOnce();
    expect(steady.requests).toHaveLength(2);
    // The two cut messages arrive again (in either order), with the delivery ids they had.
    const resentKeys = stalled.requests.slice(2).map((request) => request.headers['idempotency-key']);
    expect(resentKeys.sort()).toEqual([...firstKeys].sort());
    expect(new Set(firstKeys).size).toBe(2);
    expect((await deliveriesOf(stalledChannel.id)).map((row) => [row.status, row.attempt])).toEqual([['delivered', 1], ['delivered', 1]]);
  });

  it('a collector leader pass triggers delivery without waiting for it', async () => {
    const hook = await receiver();
    hook.respond([], 'hold');
    await channel({ url: hook.url });
    await openFiringAlert(prisma, { atMs: nowMs });
    const sender = dispatcher({ timeoutMs: 30_000, pollIntervalMs: 100 });
    const collector = testCollector({
      database: async () => prisma,
      clock: new ManualClock(nowMs),
      clusters: [{ id: 'test', brokers: testKafkaBrokers }],
      afterLeaderPass: () => sender.trigger(),
    });
    // The pass returns while the receiver still holds the message: the collector never waits on it.
    const outcome = await collector.runOnce();
    expect(outcome.role).toBe('leader');
    await hook.waitForRequests(1);
    hook.release(200);
    await sender.stop();
    await collector.stop();
    await closeKafkaConnections();
    expect(hook.requests).toHaveLength(1);
  });
});

describe('look-back', () => {
  it('a new leader\'s first pass sends what was missed in the last day, never older events', async () => {
    const hook = await receiver();
    await prisma.alertChannel.create({ data: { name: 'day-old', kind: 'webhook', url: hook.url, secret, createdAt: new Date(nowMs - 30 * 3_600_000) } });
    const missed = await openFiringAlert(prisma, { atMs: nowMs - 2 * 3_600_000 });
    await openFiringAlert(prisma, { atMs: nowMs - 25 * 3_600_000 });
    const newLeader = dispatcher();
    await newLeader.runOnce();
    expect(hook.jsonBodies<{ alert: { id: string } }>().map((body) => body.alert.id)).toEqual([missed.alert.id]);
    // Regular passes look at recent events only; the next full pass finds nothing more to send.
    nowMs += 11 * 60_000;
    await newLeader.runOnce();
    expect(hook.requests).toHaveLength(1);
  });
});

describe('delivery log retention', () => {
  it('drops finished deliveries after 30 days and keeps unfinished ones', async () => {
    const hook = await receiver();
    const created = await channel({ url: hook.url });
    const old = new Date(nowMs - 31 * 86_400_000);
    const base = { channelId: created.id, kind: 'test', nextAttemptAt: old, createdAt: old };
    await prisma.alertDelivery.createMany({
      data: [
        { ...base, claimKey: 'test:old-delivered', status: 'delivered' },
        { ...base, claimKey: 'test:old-failed', status: 'failed' },
        { ...base, claimKey: 'test:old-pending', status: 'pending' },
        { ...base, claimKey: 'test:recent', status: 'delivered', createdAt: new Date(nowMs - 29 * 86_400_000) },
      ],
    });
    await dispatcher().runOnce();
    expect((await deliveriesOf(created.id)).map((row) => row.claimKey).sort()).toEqual(['test:old-pending', 'test:recent']);
  });
});

describe('secrets', () => {
  it('never writes a channel URL or secret to the log, whatever the outcome', async () => {
    const lines: string[] = [];
    const capture = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
    const original = { log: console.log, warn: console.warn, error: console.error };
    console.log = capture;
    console.warn = capture;
    console.error = capture;
    try {
      const hook = await receiver();
      hook.respond([{ status: 500 }, { status: 401 }], { status: 200 });
      await channel({ url: hook.url });
      await channel({ url: hook.url, kind: 'slack' });
      await prisma.alertChannel.create({ data: { name: 'refused', kind: 'webhook', url: 'http://127.0.0.1:1/hook/tokenpart1234', secret } });
      await openFiringAlert(prisma, { atMs: nowMs });
      const sender = dispatcher({ timeoutMs: 1_000 });
      await sender.runOnce();
      nowMs += 20_000;
      await sender.runOnce();
    } finally {
      Object.assign(console, original);
    }
    expect(lines.some((line) => line.includes('notifications.'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(secret);
      expect(line).not.toContain('tokenpart1234');
      expect(line).not.toContain('127.0.0.1');
    }
  });
});
