import 'server-only';
import { notFound } from 'next/navigation';
import { ApiError } from './errors';

/**
 * For pages: the same lookups the API uses, with "not found" (unknown cluster, group, topic,
 * stream, or one of another team) rendered as the 404 page instead of the error boundary.
 */
export async function loadOrNotFound<Value>(load: () => Promise<Value>): Promise<Value> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}
