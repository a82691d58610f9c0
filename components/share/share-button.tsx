'use client';

import { useState } from 'react';
import type { ChartBinding } from '@/lib/share/chart-binding';
import { ShareLinkCreated } from './share-link-created';
import { useCreateShareLink } from './use-create-share-link';

/**
 * "Share" for a trend chart: the chart passes exactly what it shows (group or stream, range,
 * series); the link will show that and nothing else. Operators and admins only (the API checks).
 */
export function ShareButton({ binding }: { binding: ChartBinding }) {
  const [open, setOpen] = useState(false);
  const [expiresInDays, setExpiresInDays] = useState(7);
  const { create, created, error, busy, reset } = useCreateShareLink();

  if (!open) {
    return <button type="button" className="secondary" onClick={() => setOpen(true)}>Share</button>;
  }
  return (
    <div className="card stack" role="dialog" aria-label="Share this chart">
      {created ? <ShareLinkCreated address={created.address} expiresAt={created.link.expires_at} /> : (
        <>
          <label>
            Link expires after (days)
            <input type="number" min={1} max={90} value={expiresInDays} onChange={(event) => setExpiresInDays(Number(event.target.value))} />
          </label>
          <button type="button" disabled={busy} onClick={() => create(binding, expiresInDays)}>{busy ? 'Creating…' : 'Create link'}</button>
        </>
      )}
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <button type="button" className="secondary" onClick={() => { setOpen(false); reset(); }}>Close</button>
    </div>
  );
}
