import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning, signalGroup, startProcess, type Started } from './processes';
import { admin, baseUrl, clusterId, dashboardPort, databaseUrl, distDirectory, kafkaBrokers, redisUrl, rootDirectory, snapshotIntervalMs, sourceCacheTtlMs, fixture } from './settings';

const nextBin = path.join(rootDirectory, 'node_modules', 'next', 'dist', 'bin', 'next');

export function appEnvironment(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDirectory,
    KAFKA_CLUSTERS: `${clusterId}=${kafkaBrokers.join(',')}`,
    KAFKA_REQUEST_TIMEOUT_MS: '2000',
    REDIS_URL: redisUrl,
    REDIS_COMMAND_TIMEOUT_MS: '1000',
    EVENT_STREAMS: fixture.stream,
    EVENT_TRANSPORT_CONSUMER_GROUP: fixture.streamGroup,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: 'faults-only-secret-not-for-production-0123456789',
    LAGBOARD_ADMIN_USER: admin.username,
    LAGBOARD_ADMIN_PASSWORD: admin.password,
    SOURCE_CACHE_TTL_MS: String(sourceCacheTtlMs),
    SNAPSHOT_INTERVAL_MS: String(snapshotIntervalMs),
  };
}

export async function healthStatus(): Promise<number | null> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) })).status;
  } catch {
    return null;
  }
}

/** `next start` on the `.next-test` build, with the embedded collector. */
export async function startDashboard(logFile: string): Promise<Started> {
  if ((await healthStatus()) !== null) throw new Error(`port ${dashboardPort} already answers HTTP`);
  const started = startProcess(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(dashboardPort)], { ...appEnvironment(), COLLECTOR_MODE: 'embedded', PORT: String(dashboardPort) }, logFile);
  const deadline = Date.now() + 90_000;
  while ((await healthStatus()) !== 200) {
    if (!isRunning(started.child)) throw new Error(`the dashboard exited during start-up; see ${logFile}`);
    if (Date.now() > deadline) {
      await signalGroup(started.child, 'SIGTERM');
      throw new Error(`the dashboard did not answer /api/health within 90 s; see ${logFile}`);
    }
    await sleep(300);
  }
  return started;
}

/** A browser session through next-auth's credentials flow: the cookie header to send. */
export async function signIn(username: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/`, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '').find((cookie) => cookie.includes('session-token='));
  if (!session) throw new Error(`sign-in as ${username} gave no session cookie (status ${response.status})`);
  return session;
}
