'use client';

import { useRef, useState } from 'react';
import { refreshIntervalChoicesSeconds } from '@/lib/swr/refresh-interval';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Saved in the user's record, so every browser the user signs in with refreshes alike. */
export function RefreshIntervalSetting({ initialSeconds }: { initialSeconds: number }) {
  const [seconds, setSeconds] = useState(initialSeconds);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Only the newest choice's answer may update the state: answers can arrive out of order.
  const latestRequest = useRef(0);
  const savedSeconds = useRef(initialSeconds);

  const save = async (chosen: number) => {
    const request = ++latestRequest.current;
    setSeconds(chosen);
    setSaveState({ kind: 'saving' });
    try {
      const response = await fetch('/api/v1/me/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_interval_seconds: chosen }),
      });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      savedSeconds.current = chosen;
      if (request === latestRequest.current) setSaveState({ kind: 'saved' });
    } catch (error) {
      if (request !== latestRequest.current) return;
      setSeconds(savedSeconds.current);
      setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : 'unknown error' });
    }
  };

  return (
    <div>
      <label>
        Refresh live views every{' '}
        {/* Never disabled while saving: a disabled control drops the keyboard focus. */}
        <select value={seconds} aria-busy={saveState.kind === 'saving'} onChange={(event) => void save(Number(event.target.value))}>
          {refreshIntervalChoicesSeconds.map((choice) => <option key={choice} value={choice}>{choice} s</option>)}
        </select>
      </label>
      <span className="muted" role="status" data-testid="refresh-interval-status">
        {saveState.kind === 'saving' ? ' Saving…' : saveState.kind === 'saved' ? ' Saved for your account.' : ''}
      </span>
      {saveState.kind === 'failed' ? <div className="banner" role="alert">Could not save the refresh interval: {saveState.message}.</div> : null}
    </div>
  );
}
