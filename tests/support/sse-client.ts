/**
 * Reads a live route's Server-Sent Events in-process, as EventSource would: one event per
 * blank-line-separated block, `data` parsed as JSON. `close()` aborts the request, which is
 * what the runtime does when the browser goes away.
 */

export interface SseEvent {
  event: string;
  id: string | null;
  data: unknown;
}

type RouteHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export interface LiveConnection {
  response: Response;
  /** The next event, or null once the server has ended the stream. */
  next(): Promise<SseEvent | null>;
  close(): void;
}

function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  let id: string | null = null;
  const dataLines: string[] = [];
  for (const line of block.split('\n')) {
    const separator = line.indexOf(':');
    const field = separator < 0 ? line : line.slice(0, separator);
    const value = separator < 0 ? '' : line.slice(separator + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') dataLines.push(value);
  }
  // A block without data (the opening `retry:` line) dispatches nothing in EventSource either.
  return dataLines.length === 0 ? null : { event, id, data: JSON.parse(dataLines.join('\n')) };
}

export async function openLiveRoute<Params>(
  handler: RouteHandler<Params>,
  options: { path: string; params: Params; token: string },
): Promise<LiveConnection> {
  const abort = new AbortController();
  const request = new Request(`http://lagboard.test${options.path}`, {
    headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    response,
    async next() {
      if (!reader) return null;
      for (;;) {
        const boundary = buffer.indexOf('\n\n');
        if (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const parsed = parseBlock(block);
          if (parsed) return parsed;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close() {
      abort.abort();
    },
  };
}
