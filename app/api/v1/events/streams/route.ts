import { withAuth } from '@/lib/api/with-auth';
import { scopeStreams } from '@/lib/teams/scoped-views';
import { detailOptionsFromConfig, readObservation } from '@/lib/events/read-observation';
import { buildStreamsList } from '@/lib/events/streams-list';

export const dynamic = 'force-dynamic';

// Seed 001's GET /events/streams: every observed stream (configured and discovered).
export const GET = withAuth(async ({ scope }) => {
  const observation = await readObservation();
  return buildStreamsList({ ...observation, streams: scopeStreams(observation.streams, scope.teamScope) }, detailOptionsFromConfig());
}, { resource: 'list' });
