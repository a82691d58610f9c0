import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { decodedSegmentsAfter } from './path-segments';

const prefix = '/api/v1/events/streams/';

describe('decodedSegmentsAfter', () => {
  it('decodes each segment exactly once', () => {
    const name = 'events:chat/a b%20c';
    const pathname = new URL(`http://x${prefix}${encodeURIComponent(name)}/groups/${encodeURIComponent('g:1')}`).pathname;
    expect(decodedSegmentsAfter(pathname, prefix)).toEqual([name, 'groups', 'g:1']);
  });

  it('takes a raw colon as it is', () => {
    expect(decodedSegmentsAfter(`${prefix}events:chat`, prefix)).toEqual(['events:chat']);
  });

  it('works behind a base path', () => {
    expect(decodedSegmentsAfter(`/lagboard${prefix}s%3A1`, prefix)).toEqual(['s:1']);
  });

  it('rejects broken percent-encoding with a 400', () => {
    let thrown: unknown;
    try {
      decodedSegmentsAfter(`${prefix}bad%E0%A4%A`, prefix);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(400);
  });
});
