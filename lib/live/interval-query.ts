import { z } from 'zod';

/** `interval` in seconds, as the seed's live monitor takes it, bounded so a client cannot hammer a cluster. */
export const liveIntervalSeconds = z.coerce.number().int().min(2, 'must be at least 2 seconds').max(60, 'must be at most 60 seconds').default(5);
