import { ApiError } from '@/lib/api/errors';
import { withAuth } from '@/lib/api/with-auth';
import { readStreamDetail } from '@/lib/events/read-stream-detail';
import { buildStreamLiveUpdate } from '@/lib/events/stream-live-update';
import type { StreamDetailJson } from '@/lib/events/stream-detail';
import { createAuthorizedSseResponse } from '@/lib/live/authorized-sse';
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
export const GET = withAuth(async (context) => {
  const { interval } = liveQuery.parse({ interval: context.searchParams.get('interval') ?? undefined });
  const { stream: streamName } = streamPathParameters.parse({ stream: context.scope.stream });
  let firstReading: StreamDetailJson | null = await readStreamDetail(streamName);
  return createAuthorizedSseResponse(context, {
    intervalMs: interval * 1_000,
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
}, { resource: 'redis_stream' });
