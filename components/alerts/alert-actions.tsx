'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { requestJson } from '@/lib/teams/api-request';

/** Acknowledge and silence (1 h) buttons for one open alert; the page re-renders after each. */
export function AlertActions({ alertId, acknowledged }: { alertId: string; acknowledged: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const post = async (action: 'acknowledge' | 'silence', body: unknown) => {
    setBusy(true);
    const result = await requestJson(`/api/v1/alerts/${encodeURIComponent(alertId)}/${action}`, { method: 'POST', body });
    setBusy(false);
    setMessage(result.ok ? null : result.message);
    if (result.ok) router.refresh();
  };
  return (
    <span className="alert-actions">
      {acknowledged ? null : <button type="button" className="small secondary" aria-disabled={busy} onClick={() => !busy && void post('acknowledge', {})}>Acknowledge</button>}
      {' '}
      <button type="button" className="small secondary" aria-disabled={busy} onClick={() => !busy && void post('silence', { duration_minutes: 60 })}>Silence 1 h</button>
      {message ? <span role="alert" className="muted"> {message}</span> : null}
    </span>
  );
}
