'use client';

import useSWR from 'swr';
import type { AlertDeliveryJson } from '@/lib/notifications/api-schemas';
import { fetchJson } from './fetch-json';

/** A channel's last deliveries; a null channel id fetches nothing. Refreshes while retries run. */
export function useChannelDeliveries(channelId: string | null) {
  const key = channelId ? `/api/v1/alert-channels/${encodeURIComponent(channelId)}/deliveries?limit=20` : null;
  return useSWR<{ channel_id: string; deliveries: AlertDeliveryJson[] }>(key, fetchJson, { refreshInterval: 10_000 });
}
