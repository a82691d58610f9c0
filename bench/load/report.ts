import type { RequestTiming } from './viewers';

export interface RouteLatency {
  route: string;
  requests: number;
  errors: number;
  /** Status of each failed request and how often (0: no answer within 60 s). */
  errorStatuses: Record<string, number>;
  p50Ms: number;
  p95Ms: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function latencyByRoute(timings: readonly RequestTiming[]): RouteLatency[] {
  const routes = [...new Set(timings.map((timing) => timing.route))];
  return routes.map((route) => {
    const mine = timings.filter((timing) => timing.route === route);
    const sorted = mine.filter((timing) => timing.status === 200).map((timing) => timing.latencyMs).sort((left, right) => left - right);
    const failed = mine.filter((timing) => timing.status !== 200);
    const errorStatuses: Record<string, number> = {};
    for (const timing of failed) errorStatuses[timing.status] = (errorStatuses[timing.status] ?? 0) + 1;
    return { route, requests: mine.length, errors: failed.length, errorStatuses, p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)) };
  });
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? round(numerator / denominator, 2) : Number.NaN;
}
