import { describe, expect, it } from 'vitest';
import { createSseResponse, formatSseEvent } from './sse-stream';

async function readAll(response: Response): Promise<string> {
  return await new Response(response.body).text();
}

describe('formatSseEvent', () => {
  it('writes id, event and one JSON data line followed by a blank line', () => {
    expect(formatSseEvent('update', { lag: 5 }, 3)).toBe('id: 3\nevent: update\ndata: {"lag":5}\n\n');
  });
});

describe('createSseResponse', () => {
  it('streams updates and ends after maxUpdates', async () => {
    let calls = 0;
    const response = createSseResponse({
      intervalMs: 1,
      produce: async () => ({ update: ++calls }),
      describeFailure: () => 'failed',
      signal: new AbortController().signal,
      maxUpdates: 3,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await readAll(response);
    expect(text.startsWith('retry: 1\n\n')).toBe(true);
    expect(text.match(/event: update/g)).toHaveLength(3);
    expect(text).toContain('data: {"update":3}');
  });

  it('turns a failed update into an error event and keeps going', async () => {
    let calls = 0;
    const response = createSseResponse({
      intervalMs: 1,
      produce: async () => {
        calls += 1;
        if (calls === 1) throw new Error('secret detail redis://user:pw@host');
        return { ok: true };
      },
      describeFailure: () => 'Kafka is unreachable',
      signal: new AbortController().signal,
      maxUpdates: 2,
    });
    const text = await readAll(response);
    expect(text).toContain('event: error\ndata: {"message":"Kafka is unreachable"}');
    expect(text).toContain('event: update');
    expect(text).not.toContain('secret');
  });

  it('stops producing when the viewer leaves', async () => {
    const controller = new AbortController();
    let calls = 0;
    const response = createSseResponse({
      intervalMs: 5,
      produce: async () => {
        calls += 1;
        if (calls === 2) controller.abort();
        return { calls };
      },
      describeFailure: () => 'failed',
      signal: controller.signal,
    });
    await readAll(response);
    const callsAtClose = calls;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(callsAtClose);
    expect(callsAtClose).toBeLessThanOrEqual(2);
  });
});
