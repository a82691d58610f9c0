'use client';

import { useEffect, useState } from 'react';

export type LiveConnection = 'connecting' | 'open' | 'retrying';

export interface LiveUpdates<Payload> {
  /** The newest `update` event; null until the first arrives. */
  latest: Payload | null;
  connection: LiveConnection;
  /** The server's `error` event message, or why the connection dropped; null once an update arrives. */
  problem: string | null;
}

function messageOf(data: string): string {
  try {
    const parsed = JSON.parse(data) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not the JSON the live routes send: fall through to the generic message.
  }
  return 'The live update failed';
}

/**
 * Follows a live route (see lib/live/sse-stream.ts) with EventSource; `url` null pauses it.
 * EventSource reconnects by itself after a dropped connection, but gives up for good after an
 * HTTP error (a 503 while the source is down, a 401 after the session expired), so then this
 * opens a new one after `retryDelayMs`.
 */
export function useLiveUpdates<Payload>(url: string | null, retryDelayMs: number): LiveUpdates<Payload> {
  const [latest, setLatest] = useState<Payload | null>(null);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (url === null) return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const current = new EventSource(url);
      source = current;
      current.addEventListener('open', () => setConnection('open'));
      current.addEventListener('update', (event) => {
        setLatest(JSON.parse((event as MessageEvent<string>).data) as Payload);
        setConnection('open');
        setProblem(null);
      });
      current.addEventListener('error', (event) => {
        // The server's own `error` event carries a message and the stream stays open.
        if (event instanceof MessageEvent && typeof event.data === 'string') {
          setProblem(messageOf(event.data));
          return;
        }
        setConnection('retrying');
        setProblem('Live connection lost; retrying…');
        if (current.readyState === EventSource.CLOSED) {
          retryTimer = setTimeout(connect, retryDelayMs);
        }
      });
    };
    connect();
    // Closing ends the server's stream too (its request is aborted).
    return () => {
      clearTimeout(retryTimer);
      source?.close();
      setConnection('connecting');
    };
  }, [url, retryDelayMs]);

  return { latest, connection, problem };
}
