import { describeUnreachableSource } from '@/lib/analysis/source-reachability';
import { readUnreachableSources } from '@/lib/sources/unreachable-sources';

/**
 * One banner per configured source that cannot be reached, on every dashboard page. Rendered
 * inside its own Suspense with no fallback, so a slow source never delays the page.
 */
export async function SourceBanner() {
  const unreachable = await readUnreachableSources();
  if (unreachable.length === 0) return null;
  return (
    <div data-testid="source-banners">
      {unreachable.map((source) => (
        <div role="alert" className="banner" key={source.kind === 'kafka' ? `kafka:${source.clusterId}` : 'redis'}>
          {describeUnreachableSource(source)}
        </div>
      ))}
    </div>
  );
}
