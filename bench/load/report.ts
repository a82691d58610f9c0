import type { RequestTiming } from './viewers';

export interface RouteLatency {
  route: string;
  requests: number;
  errors: number;
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
    return { route, requests: mine.length, errors: mine.filter((timing) => timing.status !== 200).length, p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)) };
  });
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? round(numerator / denominator, 2) : Number.NaN;
}
