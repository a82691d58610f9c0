import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as groupRoute } from '@/app/api/v1/history/groups/[group_id]/route';
import { GET as partitionRoute } from '@/app/api/v1/history/groups/[group_id]/partitions/route';
import { GET as statusRoute } from '@/app/api/v1/history/status/route';
import { GET as streamGroupRoute } from '@/app/api/v1/history/streams/[stream]/groups/[group]/route';
import { GET as topicRoute } from '@/app/api/v1/history/topics/[topic_name]/route';
import { closeDb, getDb } from '@/lib/db';
import { rollUpClosedBuckets } from '@/lib/history/rollup';
import { groupPoint, partitionPoint, snapshotAt, streamGroupPoint } from '@/lib/history/testing/snapshot-fixtures';
import { writeSnapshot } from '@/lib/history/write-snapshot';
import { callRoute, createTestToken } from '../support/api-client';
import { uniqueName } from '../support/test-env';

// The trend API in-process, through withAuth, on the suite's database: shapes, downsampling to at
// most 1,000 points, markers, and the 400/404 rules. The data is synthetic snapshots written with
// the collector's own writer, three days back from now, one per 15 minutes (and every 30 s in the
// last hour), so the answers are known exactly.

const groupId = uniqueName('api group/with spaces');
const topic = uniqueName('api-topic');
const stream = `${uniqueName('api')}:chat/odd`;
const streamGroup = 'readers & writers';
const minute = 60_000;
// On a 30-minute boundary, so the buckets asked for below hold known snapshots.
const now = Math.floor(Date.now() / (30 * minute)) * 30 * minute;
const start = now - 3 * 24 * 60 * minute;
let token: string;

type Body = Record<string, unknown> & { points: Record<string, unknown>[]; error?: { code: string; message: string } };

// The stream-group and status routes read their names from the path itself, not from params.
const noParams: Record<string, never> = {};

type Route<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

async function get<Params>(route: Route<Params>, path: string, params: Params): Promise<{ status: number; body: Body }> {
  const response = await callRoute(route, { path, params, token });
  return { status: response.status, body: response.body as Body };
}

const groupPath = (query: string) => `/api/v1/history/groups/${encodeURIComponent(groupId)}?${query}`;

beforeAll(async () => {
  token = await createTestToken('viewer');
  const prisma = await getDb();
  const times: number[] = [];
  for (let time = start; time < now - 60 * minute; time += 15 * minute) times.push(time);
  for (let time = now - 60 * minute; time < now; time += minute / 2) times.push(time);
  for (const [index, time] of times.entries()) {
    const state = index % 100 === 50 ? 'PreparingRebalance' : 'Stable';
    await writeSnapshot(prisma, snapshotAt(time, {
      groups: [groupPoint('test', groupId, [partitionPoint(topic, 0, 1_000, 1_000 + (index % 10), index % 10), partitionPoint(topic, 1, 0, 5)], { state, memberCount: 2 })],
      streamGroups: [streamGroupPoint(stream, streamGroup, { lag: index % 3 === 0 ? null : index % 7, pending: index % 4, length: 1_000 + index })],
      events: state === 'PreparingRebalance' ? [{ clusterId: 'test', groupId, previousState: 'Stable', state, previousGenerationOrEpoch: 3, generationOrEpoch: 3, rebalance: true }] : [],
    }));
  }
  // The watermark is one per database: an earlier test's collector at the real time may have moved
  // it past these older buckets. Rollups insert ON CONFLICT DO NOTHING, so starting over is safe.
  await prisma.$executeRawUnsafe('DELETE FROM "HistoryRollupWatermark"');
  await rollUpClosedBuckets(prisma, now);
}, 300_000);

afterAll(async () => {
  await closeDb();
});

describe('GET /api/v1/history/groups/{group_id}', () => {
  it('refuses a bad token', async () => {
    // (No credentials at all is a session lookup, which needs a Next request scope: e2e covers it.)
    const response = await callRoute(groupRoute, { path: groupPath(''), params: { group_id: groupId }, token: 'lgb_not-a-real-token' });
    expect(response.status).toBe(401);
  });

  it('returns an hour at the requested step from raw points', async () => {
    const { status, body } = await get(groupRoute, groupPath(`from=${new Date(now - 60 * minute).toISOString()}&to=${now}&step=1m`), { group_id: groupId });
    expect(status).toBe(200);
    expect(body).toMatchObject({ cluster_id: 'test', group_id: groupId, step_ms: 60_000, sources: { rollup: null } });
    expect(body.points).toHaveLength(60);
    expect(body.points[0]).toMatchObject({ source: 'raw', samples: 2, member_count: { min: 2, avg: 2, max: 2 } });
  });

  it('downsamples three days in the database to at most 1,000 points, from rollups, with the markers', async () => {
    const { status, body } = await get(groupRoute, groupPath(`from=${start}&to=${now}`), { group_id: groupId });
    expect(status).toBe(200);
    // 3 d / 998 = 260 s -> the next readable step, 5 min: the 5-minute rollups answer it.
    expect(body.step_ms).toBe(5 * minute);
    expect(body.points.length).toBeLessThanOrEqual(1_000);
    expect(body.points[0]).toMatchObject({ source: 'rollup', time: new Date(start).toISOString(), samples: 1 });
    const samples = body.points.reduce((sum, point) => sum + Number(point.samples), 0);
    expect(samples).toBe(3 * 24 * 4 - 4 + 120);
    const markers = body.markers as { kind: string; state: string }[];
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.every((marker) => marker.kind === 'rebalance' && marker.state === 'PreparingRebalance')).toBe(true);
  });

  it('gives empty points for a known group in a range without data', async () => {
    const { status, body } = await get(groupRoute, groupPath(`from=${start - 10 * 24 * 60 * minute}&to=${start - 9 * 24 * 60 * minute}`), { group_id: groupId });
    expect(status).toBe(200);
    expect(body.points).toEqual([]);
  });

  it.each([
    ['from after to', `from=${now}&to=${now - minute}`, /before "to"/],
    ['a malformed time', 'from=yesterday', /Invalid request parameters/],
    ['a malformed step', 'step=5%20minutes', /Invalid request parameters/],
    ['an unknown parameter', 'form=1', /Unknown query parameter "form"/],
    ['a repeated parameter', 'step=1m&step=2m', /more than once/],
    ['a malformed cluster id', 'cluster_id=a%20b', /Invalid request parameters/],
  ])('answers 400 for %s', async (_label, query, message) => {
    const { status, body } = await get(groupRoute, groupPath(query), { group_id: groupId });
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalid_request');
    expect(body.error?.message).toMatch(message);
  });

  it('answers 404 for a group the history never saw', async () => {
    const { status, body } = await get(groupRoute, '/api/v1/history/groups/nobody', { group_id: 'nobody' });
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'not_found', message: 'No history for group "nobody" in cluster "test"' });
  });
});

describe('partition, topic and stream-group trends', () => {
  it('returns a partition series with lag seconds', async () => {
    const { status, body } = await get(partitionRoute, `/api/v1/history/groups/${encodeURIComponent(groupId)}/partitions?topic=${topic}&partition=0&from=${now - 10 * minute}&to=${now}`, { group_id: groupId });
    expect(status).toBe(200);
    expect(body.points.length).toBeGreaterThan(0);
    expect(body.points[0]).toHaveProperty('lag_seconds');
    const bad = await get(partitionRoute, `/api/v1/history/groups/${encodeURIComponent(groupId)}/partitions?topic=${topic}&partition=-1`, { group_id: groupId });
    expect(bad.status).toBe(400);
  });

  it('returns a topic series across its groups', async () => {
    const { status, body } = await get(topicRoute, `/api/v1/history/topics/${topic}?from=${now - 10 * minute}&to=${now}&step=5m`, { topic_name: topic });
    expect(status).toBe(200);
    // Partition 1 always lags 5; partition 0 lags index % 10.
    expect(body.points).toHaveLength(2);
    expect(body.points[0]).toMatchObject({ samples: 10, consumer_group_count: 1 });
    expect((await get(topicRoute, '/api/v1/history/topics/no-such-topic', { topic_name: 'no-such-topic' })).status).toBe(404);
  });

  it('returns a stream group series, names with ":", "/", "&" and spaces included, unknown lag kept apart', async () => {
    const path = `/api/v1/history/streams/${encodeURIComponent(stream)}/groups/${encodeURIComponent(streamGroup)}?from=${now - 30 * minute}&to=${now}&step=30m`;
    // The route reads the names from the encoded path; params are what Next would pass.
    const { status, body } = await get(streamGroupRoute, path, { stream, group: streamGroup });
    expect(status).toBe(200);
    expect(body).toMatchObject({ stream, group: streamGroup });
    expect(body.points).toHaveLength(1);
    expect(body.points[0]).toMatchObject({ samples: 60, lag_unknown_samples: 20 });
    const unknown = await get(streamGroupRoute, `/api/v1/history/streams/${encodeURIComponent(stream)}/groups/nobody`, { stream, group: 'nobody' });
    expect(unknown.status).toBe(404);
  });
});

describe('GET /api/v1/history/status', () => {
  it('reports the latest snapshot and the retention settings', async () => {
    const { status, body } = await get(statusRoute, '/api/v1/history/status', noParams);
    expect(status).toBe(200);
    expect(body).toMatchObject({ collector_mode: 'embedded', snapshot_interval_ms: 30_000, retention_raw_ms: 48 * 3_600_000 });
    expect((body.latest_snapshot as { taken_at: string }).taken_at >= new Date(now - minute).toISOString()).toBe(true);
  });
});
