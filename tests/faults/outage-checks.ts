import { describeSample, expectThat, samplesBetween, type Checks, type Outage } from './checks';
import type { Sample } from './poller';

/**
 * What every outage must look like from outside: the routes that need the stopped service say so
 * (503 with the documented code, or the page's banner) within one refresh, the others keep
 * answering, and everything is back within two snapshot intervals of the service answering again.
 */
export interface OutageExpectation {
  outage: Outage;
  /** API routes that answer 503 with this code while the service is down. */
  failingRoutes: string[];
  failingCode: 'source_unavailable' | 'database_unavailable';
  /** API routes that must keep answering 200 throughout. */
  servedRoutes: string[];
  banner: 'database' | 'redis' | 'kafka';
  /** Longest time from the stop to the first sign of it: one refresh (poll + cache TTL + request timeout). */
  detectWithinMs: number;
  recoverWithinMs: number;
}

export async function checkOutage(checks: Checks, samples: readonly Sample[], expectation: OutageExpectation, originMs: number): Promise<void> {
  const { outage } = expectation;
  const during = (routes: string[]) => samplesBetween(samples, routes, outage.downAtMs, outage.upAtMs);

  await checks.run(`${outage.name}: affected routes answer 503 ${expectation.failingCode} within one refresh`, () => {
    const details: string[] = [];
    for (const route of expectation.failingRoutes) {
      const first = during([route]).find((sample) => sample.status === 503 && sample.code === expectation.failingCode);
      expectThat(first !== undefined, `${route} never answered 503 ${expectation.failingCode} while ${outage.name} was down`);
      const delayMs = (first as Sample).atMs - outage.downAtMs;
      expectThat(delayMs <= expectation.detectWithinMs, `${route} took ${delayMs} ms (limit ${expectation.detectWithinMs} ms)`);
      if (expectation.failingCode === 'database_unavailable') {
        expectThat((first as Sample).retryAfter !== null, `${route}'s 503 has no Retry-After`);
      }
      details.push(`${route} after ${delayMs} ms`);
    }
    return details.join(', ');
  });

  await checks.run(`${outage.name}: the page shows the ${expectation.banner} banner within one refresh`, () => {
    const first = during(['page_streams']).find((sample) => sample.banners?.[expectation.banner]);
    expectThat(first !== undefined, `no ${expectation.banner} banner on /streams while ${outage.name} was down`);
    const delayMs = (first as Sample).atMs - outage.downAtMs;
    expectThat(delayMs <= expectation.detectWithinMs, `the banner took ${delayMs} ms (limit ${expectation.detectWithinMs} ms)`);
    return `after ${delayMs} ms`;
  });

  if (expectation.servedRoutes.length > 0) {
    await checks.run(`${outage.name}: ${expectation.servedRoutes.join(', ')} keep answering 200`, () => {
      const bad = during(expectation.servedRoutes).filter((sample) => sample.status !== 200);
      expectThat(bad.length === 0, bad.slice(0, 5).map((sample) => describeSample(sample, originMs)).join('; '));
      return `${during(expectation.servedRoutes).length} answers`;
    });
  }

  await checks.run(`${outage.name}: recovered within two snapshot intervals`, () => {
    const routes = [...expectation.failingRoutes, 'page_streams'];
    const details: string[] = [];
    for (const route of routes) {
      const after = samplesBetween(samples, [route], outage.upAtMs, Number.POSITIVE_INFINITY);
      const recovered = after.find((sample) => sample.status === 200 && !(sample.banners?.[expectation.banner] ?? false));
      expectThat(recovered !== undefined, `${route} did not recover after ${outage.name} came back`);
      const delayMs = (recovered as Sample).atMs - outage.upAtMs;
      expectThat(delayMs <= expectation.recoverWithinMs, `${route} took ${delayMs} ms (limit ${expectation.recoverWithinMs} ms)`);
      const relapse = after.filter((sample) => sample.atMs > (recovered as Sample).atMs && (sample.status !== 200 || (sample.banners?.[expectation.banner] ?? false)));
      expectThat(relapse.length === 0, `${route} failed again after recovering: ${relapse.slice(0, 3).map((sample) => describeSample(sample, originMs)).join('; ')}`);
      details.push(`${route} after ${delayMs} ms`);
    }
    return details.join(', ');
  });
}

/** Over the whole run: no 5xx but the documented 503s, JSON errors only, health always 200. */
export async function checkWholeRun(checks: Checks, samples: readonly Sample[], apiRoutes: string[], originMs: number): Promise<void> {
  await checks.run('API routes: no 5xx other than 503 source_unavailable / database_unavailable, every error JSON', () => {
    const bad = samples.filter(
      (sample) =>
        apiRoutes.includes(sample.route) &&
        (sample.status === 0 || (sample.status >= 500 && !(sample.status === 503 && (sample.code === 'source_unavailable' || sample.code === 'database_unavailable'))) || sample.code === 'not_json'),
    );
    expectThat(bad.length === 0, bad.slice(0, 5).map((sample) => describeSample(sample, originMs)).join('; '));
    return `${samples.filter((sample) => apiRoutes.includes(sample.route)).length} answers`;
  });
  await checks.run('pages: never a 5xx during any outage', () => {
    const bad = samples.filter((sample) => sample.route === 'page_streams' && (sample.status === 0 || sample.status >= 500));
    expectThat(bad.length === 0, bad.slice(0, 5).map((sample) => describeSample(sample, originMs)).join('; '));
    return `${samples.filter((sample) => sample.route === 'page_streams').length} page loads`;
  });
  await checks.run('health probe answers 200 throughout', () => {
    const health = samples.filter((sample) => sample.route === 'health');
    const bad = health.filter((sample) => sample.status !== 200);
    expectThat(bad.length === 0, bad.slice(0, 5).map((sample) => describeSample(sample, originMs)).join('; '));
    return `${health.length} probes`;
  });
}
