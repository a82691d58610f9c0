import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { HandlerContext } from '@/lib/api/with-auth';
import type { ResourceOption } from '@/lib/api/resource-scope';
import { getConfig } from '@/lib/config';
import { acquireLiveStreamSlot } from './live-stream-slots';
import { createSseResponse, type SseOptions } from './sse-stream';

/**
 * A live route's event stream, bound to its caller: at most LIVE_STREAMS_PER_USER_MAX open at
 * once per user (429 beyond), and the caller re-checked every LIVE_AUTH_RECHECK_MS, so revoking
 * the token or disabling the user closes the stream instead of leaving it open for days.
 */
export function createAuthorizedSseResponse<Payload, Kind extends ResourceOption>(
  context: HandlerContext<Kind>,
  options: Omit<SseOptions<Payload>, 'signal' | 'authorization' | 'onClose'>,
): Response {
  const { liveAuthRecheckMs, liveStreamsPerUserMax } = getConfig().security;
  const release = acquireLiveStreamSlot(context.principal.userId, liveStreamsPerUserMax);
  if (!release) {
    const retryAfterSeconds = Math.max(1, Math.ceil(options.intervalMs / 1_000));
    throw new ApiError(429, 'too_many_requests', `At most ${liveStreamsPerUserMax} live streams may be open per user; close one first`, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
  return createSseResponse({
    ...options,
    signal: context.request.signal,
    authorization: { intervalMs: liveAuthRecheckMs, stillAuthorized: context.stillAuthorized },
    onClose: release,
  });
}
