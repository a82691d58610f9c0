import type { RedisObservation, RedisServerObservation, RedisStreamObservation } from '@/lib/observations/redis';
import { entryAgeMs } from './entry-id-time';
import { defaultGroupHealthOptions, groupSummaryJson, type GroupHealthOptions, type GroupSummaryJson } from './group-lag-json';

/** One stream in GET /api/v1/events/streams: the seed's name, length, groups, then the detail. */
export interface StreamSummaryJson {
  name: string;
  length: number;
  /** The number of consumer groups, as the seed reports it (XINFO STREAM `groups`). */
  groups: number;
  /** False for a configured stream that does not exist (yet); that is not an error. */
  exists: boolean;
  first_entry_id: string | null;
  last_entry_id: string | null;
  last_generated_id: string | null;
  /** Null before Redis 7. */
  entries_added: number | null;
  max_deleted_entry_id: string | null;
  /** Time since the newest entry was added, from its ID. */
  last_entry_age_ms: number | null;
  consumer_groups: GroupSummaryJson[];
  error?: string;
}

export interface ServerJson {
  version: string;
  used_memory_bytes: number;
  /** 0 means no limit, as Redis reports it. */
  max_memory_bytes: number;
  connected_clients: number;
  ops_per_second: number;
}

export interface StreamsListJson {
  streams: StreamSummaryJson[];
  /** Null when INFO could not be read; `errors` says why. */
  server: ServerJson | null;
  errors: Array<{ scope: string; message: string }>;
  observed_at: string;
}

export function streamSummaryJson(stream: RedisStreamObservation, observedAtMs: number, options: GroupHealthOptions = defaultGroupHealthOptions): StreamSummaryJson {
  const summary: StreamSummaryJson = {
    name: stream.name,
    length: stream.length,
    groups: stream.groupCount,
    exists: stream.exists,
    first_entry_id: stream.firstEntryId,
    last_entry_id: stream.lastEntryId,
    last_generated_id: stream.lastGeneratedId,
    entries_added: stream.entriesAdded,
    max_deleted_entry_id: stream.maxDeletedEntryId,
    last_entry_age_ms: entryAgeMs(stream.lastEntryId, observedAtMs),
    consumer_groups: stream.groups.map((group) => groupSummaryJson(group, observedAtMs, options)),
  };
  return stream.error === undefined ? summary : { ...summary, error: stream.error };
}

export function serverJson(server: RedisServerObservation): ServerJson {
  return {
    version: server.version,
    used_memory_bytes: server.usedMemoryBytes,
    max_memory_bytes: server.maxMemoryBytes,
    connected_clients: server.connectedClients,
    ops_per_second: server.opsPerSecond,
  };
}

export function buildStreamsList(observation: RedisObservation, options: GroupHealthOptions = defaultGroupHealthOptions): StreamsListJson {
  return {
    streams: observation.streams.map((stream) => streamSummaryJson(stream, observation.observedAtMs, options)),
    server: observation.server && serverJson(observation.server),
    errors: observation.errors.map((error) => ({ scope: error.scope, message: error.message })),
    observed_at: new Date(observation.observedAtMs).toISOString(),
  };
}
