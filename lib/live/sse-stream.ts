/**
 * Server-Sent Events over a plain Response: the seed's live monitor was a WebSocket, but the
 * data only flows server → browser, SSE goes through every proxy that passes HTTP, reconnects
 * by itself (EventSource), and is a route handler like any other (same auth wrapper).
 */
export interface SseOptions<Payload> {
  intervalMs: number;
  /** Computes one update; an error becomes an `error` event and the stream goes on. */
  produce: () => Promise<Payload>;
  describeFailure: (error: unknown) => string;
  /** Aborted when the viewer leaves (request.signal). */
  signal: AbortSignal;
  /** Ends the stream after this many updates (tests, and a bound on forgotten tabs). */
  maxUpdates?: number;
  /** Asked every `intervalMs`: false ends the stream with an `unauthorized` event (token revoked, user disabled). */
  authorization?: { intervalMs: number; stillAuthorized: () => Promise<boolean> };
  /** Called once when the stream ends, whoever ends it. */
  onClose?: () => void;
}

const encoder = new TextEncoder();

export function formatSseEvent(event: string, data: unknown, id?: number): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createSseResponse<Payload>(options: SseOptions<Payload>): Response {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let recheckTimer: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const finish = () => {
    closed = true;
    clearTimeout(timer);
    clearInterval(recheckTimer);
    options.onClose?.();
  };
  let sent = 0;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        finish();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime when the client went away.
        }
      };
      options.signal.addEventListener('abort', close, { once: true });
      // Tells EventSource how long to wait before reconnecting.
      controller.enqueue(encoder.encode(`retry: ${options.intervalMs}\n\n`));
      const { authorization } = options;
      if (authorization) {
        recheckTimer = setInterval(() => {
          void authorization.stillAuthorized().then((allowed) => {
            if (allowed || closed) return;
            controller.enqueue(encoder.encode(formatSseEvent('unauthorized', { message: 'Your access to this stream ended; sign in again' })));
            close();
          });
        }, authorization.intervalMs);
      }

      const tick = async () => {
        if (closed) return;
        try {
          const payload = await options.produce();
          if (closed) return;
          controller.enqueue(encoder.encode(formatSseEvent('update', payload, sent)));
        } catch (error) {
          if (closed) return;
          controller.enqueue(encoder.encode(formatSseEvent('error', { message: options.describeFailure(error) }, sent)));
        }
        sent += 1;
        if (options.maxUpdates !== undefined && sent >= options.maxUpdates) {
          close();
          return;
        }
        timer = setTimeout(tick, options.intervalMs);
      };
      void tick();
    },
    cancel() {
      if (!closed) finish();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // Stops nginx from buffering the stream.
      'x-accel-buffering': 'no',
    },
  });
}
