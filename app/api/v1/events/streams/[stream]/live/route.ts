import { ApiError } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { assertCanView } from '@/lib/teams/visibility';
import { decodedSegmentsAfter } from '@/lib/events/path-segments';
import { readStreamDetail } from '@/lib/events/read-stream-detail';
import { buildStreamLiveUpdate } from '@/lib/events/stream-live-update';
import type { StreamDetailJson } from '@/lib/events/stream-detail';
import { createSseResponse } from '@/lib/live/sse-stream';
import { liveQuery } from '@/lib/live/interval-query';
import { describeError, log } from '@/lib/log';
import { streamPathParameters } from '@/lib/events/query';

export const dynamic = 'force-dynamic';


/**
 * A stream's groups as Server-Sent Events: every `interval` seconds their lag, pending entries,
 * oldest pending age and consumers, with the stream's length. The first reading is taken before
 * the stream opens, so an unknown stream is a 404 JSON and Redis down at the start a 503 JSON;
 * once open, Redis going down becomes an `error` event and the next interval tries again.
 */
export const GET = withAuth<{ stream: string }>(async ({ request, searchParams, principal }) => {
  const { interval } = liveQuery.parse({ interval: searchParams.get('interval') ?? undefined });
  // The name comes from the encoded pathname, decoded once (see path-segments.ts), not from params.
  const [encodedStream = ''] = decodedSegmentsAfter(new URL(request.url).pathname, '/api/v1/events/streams/');
  const { stream: streamName } = streamPathParameters.parse({ stream: encodedStream });
  await assertCanView(principal, 'redis_stream', streamName, null);
  let firstReading: StreamDetailJson | null = await readStreamDetail(streamName);
  return createSseResponse({
    intervalMs: interval * 1_000,
    signal: request.signal,
    produce: async () => {
      // The reading that proved the stream exists is the first update: no second read for it.
      const detail = firstReading ?? (await readStreamDetail(streamName));
      firstReading = null;
      return buildStreamLiveUpdate(detail);
    },
    describeFailure: (error) => {
      if (error instanceof ApiError) return error.message;
      log.error('events.live_update_failed', { error: describeError(error) });
      return 'The stream could not be read; the server log has details';
    },
  });
});
