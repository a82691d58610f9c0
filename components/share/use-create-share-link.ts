'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ChartBinding } from '@/lib/share/chart-binding';
import type { ShareLinkJson } from '@/lib/share/share-link-record';
import { requestJson } from '@/lib/teams/api-request';

export type CreatedShareLink = ShareLinkJson & { token: string; path: string; url: string };

/** POST /api/v1/share-links; the link's full address is built from the page's own origin. */
export function useCreateShareLink() {
  const [created, setCreated] = useState<{ link: CreatedShareLink; address: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function create(binding: ChartBinding, expiresInDays: number): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await requestJson<CreatedShareLink>('/api/v1/share-links', { method: 'POST', body: { ...binding, expires_in_days: expiresInDays } });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setCreated({ link: result.data, address: `${window.location.origin}${result.data.path}` });
    // Server-rendered lists of links (the settings page) pick the new one up.
    router.refresh();
  }

  return { create, created, error, busy, reset: () => setCreated(null) };
}
