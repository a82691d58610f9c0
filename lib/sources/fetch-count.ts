/**
 * How many times each source was actually read, for `lagboard_source_fetches_total`: the cached
 * sources count one fetch per cache miss (at most one per SOURCE_CACHE_TTL_MS per key, however
 * many viewers ask), the collector one per snapshot. It shows whether the caches hold under load.
 */
export type SourceFetchCaller = 'viewers' | 'collector';

export interface SourceFetchCount {
  /** `kafka:<cluster id>` or `redis`. */
  source: string;
  caller: SourceFetchCaller;
  count: number;
}

// On globalThis: Next may load this module in more than one bundle of the same process.
const holder = globalThis as typeof globalThis & { lagboardSourceFetches?: Map<string, SourceFetchCount> };

function counts(): Map<string, SourceFetchCount> {
  holder.lagboardSourceFetches ??= new Map();
  return holder.lagboardSourceFetches;
}

export function countSourceFetch(source: string, caller: SourceFetchCaller): void {
  const key = `${caller}\u0000${source}`;
  const found = counts().get(key);
  if (found) found.count += 1;
  else counts().set(key, { source, caller, count: 1 });
}

export function sourceFetchCounts(): SourceFetchCount[] {
  return [...counts().values()].map((entry) => ({ ...entry }));
}
