'use client';

import useSWR from 'swr';
import type { GroupListWithTimeLagJson as GroupListJson } from '@/lib/consumers/merge-time-lags';
import { fetchJson } from './fetch-json';

/** Keyed by the API URL, so every view of the cluster's groups shares one request. */
export function useConsumerGroups(clusterId: string, fallbackData: GroupListJson, refreshIntervalSeconds: number) {
  return useSWR<GroupListJson>(`/api/v1/consumers/groups?cluster_id=${encodeURIComponent(clusterId)}`, fetchJson, {
    fallbackData,
    refreshInterval: refreshIntervalSeconds * 1_000,
    keepPreviousData: true,
  });
}
