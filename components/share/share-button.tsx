'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
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
  // The button that opened the panel is gone while it is open: focus goes back to it on close.
  const returnFocus = useRef(false);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
    reset();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}
        ref={(button) => {
          if (button && returnFocus.current) {
            returnFocus.current = false;
            button.focus();
          }
        }}>Share</button>
    );
  }
  return (
    <div className="card stack" role="dialog" aria-label="Share this chart" onKeyDown={closeOnEscape}>
      {created ? <ShareLinkCreated address={created.address} expiresAt={created.link.expires_at} focusCopy /> : (
        <>
          <label>
            Link expires after (days)
            {/* Focus moves into the panel that replaced the Share button. */}
            <input type="number" min={1} max={90} value={expiresInDays} autoFocus onChange={(event) => setExpiresInDays(Number(event.target.value))} />
          </label>
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the link is created. */}
          <button type="button" aria-disabled={busy} onClick={() => (busy ? undefined : create(binding, expiresInDays))}>{busy ? 'Creating…' : 'Create link'}</button>
        </>
      )}
      {error ? <div className="banner" role="alert">{error}</div> : null}
      <button type="button" className="secondary" onClick={close}>Close</button>
    </div>
  );
}
