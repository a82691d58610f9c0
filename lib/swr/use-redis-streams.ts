'use client';

import useSWR from 'swr';
import type { StreamsListJson } from '@/lib/events/streams-list';
import { fetchJson } from './fetch-json';

/** Keyed by the API URL, so every view of the streams list shares one request. */
export function useRedisStreams(fallbackData: StreamsListJson, refreshIntervalSeconds: number) {
  return useSWR<StreamsListJson>('/api/v1/events/streams', fetchJson, {
    fallbackData,
    refreshInterval: refreshIntervalSeconds * 1_000,
    keepPreviousData: true,
  });
}
