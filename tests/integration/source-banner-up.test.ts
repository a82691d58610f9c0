import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/test-env';

// With the suite's broker and Redis reachable the banner says nothing, even for a watched stream
// that does not exist and a cluster without groups: those are not outages.

beforeAll(() => {
  process.env.EVENT_STREAMS = uniqueName('lagboard-banner-missing');
});

describe('source banner with every source reachable', () => {
  it('finds no unreachable source and renders nothing', { timeout: 30_000 }, async () => {
    const { readUnreachableSources } = await import('@/lib/sources/unreachable-sources');
    const { SourceBanner } = await import('@/components/source-banner');
    expect(await readUnreachableSources()).toEqual([]);
    expect(renderToStaticMarkup(await SourceBanner())).toBe('');
  });
});
