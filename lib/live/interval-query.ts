import { z } from 'zod';

/** `interval` in seconds, as the seed's live monitor takes it, bounded so a client cannot hammer a cluster. */
export const liveIntervalSeconds = z.coerce.number().int().min(2, 'must be at least 2 seconds').max(60, 'must be at most 60 seconds').default(5);

/** The query of the live (Server-Sent Events) routes. */
export const liveQuery = z.object({ interval: liveIntervalSeconds.meta({ description: 'Seconds between updates (2-60)', example: 5 }) });
