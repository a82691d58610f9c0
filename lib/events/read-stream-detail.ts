import 'server-only';
import { notFound } from '@/lib/api/errors';
import { detailOptionsFromConfig, readObservation } from './read-observation';
import { buildStreamDetail, type StreamDetailJson } from './stream-detail';

/**
 * The detail of one observed stream from the cached observation: a 404 when Lagboard does not
 * observe it, a 503 when Redis cannot be reached.
 */
export async function readStreamDetail(streamName: string, deadConsumerIdleMs?: number): Promise<StreamDetailJson> {
  const detail = buildStreamDetail(await readObservation(), streamName, detailOptionsFromConfig(deadConsumerIdleMs));
  if (!detail) {
    throw notFound(`Stream "${streamName}" is not observed (EVENT_STREAMS and EVENT_STREAM_DISCOVERY_PATTERN decide which are)`);
  }
  return detail;
}
