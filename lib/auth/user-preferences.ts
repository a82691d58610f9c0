import { z } from 'zod';
import { getDb } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/database-outage/is-database-unavailable';
import { readWithOutageFallback } from '@/lib/database-outage/outage-fallback';
import { defaultRefreshIntervalSeconds, refreshIntervalChoicesSeconds } from '@/lib/swr/refresh-interval';
import type { DatabaseOption } from './users';

/** A user's own settings, kept in the database so they follow the user to every browser. */
export interface UserPreferencesJson {
  refresh_interval_seconds: number;
}

export const userPreferencesInput = z.object({
  refresh_interval_seconds: z.number().int().refine(
    (seconds) => (refreshIntervalChoicesSeconds as readonly number[]).includes(seconds),
    { message: `must be one of ${refreshIntervalChoicesSeconds.join(', ')}` },
  ),
}).strict();

export async function readUserPreferences(userId: string, options: DatabaseOption = {}): Promise<UserPreferencesJson> {
  const prisma = options.db ?? (await getDb());
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { refreshIntervalSeconds: true } });
  return { refresh_interval_seconds: user?.refreshIntervalSeconds ?? defaultRefreshIntervalSeconds };
}

export async function saveUserPreferences(userId: string, input: z.infer<typeof userPreferencesInput>, options: DatabaseOption = {}): Promise<UserPreferencesJson> {
  const prisma = options.db ?? (await getDb());
  const user = await prisma.user.update({ where: { id: userId }, data: { refreshIntervalSeconds: input.refresh_interval_seconds }, select: { refreshIntervalSeconds: true } });
  return { refresh_interval_seconds: user.refreshIntervalSeconds ?? defaultRefreshIntervalSeconds };
}

/** The refresh interval of the signed-in user, for pages that render live views. */
export async function refreshIntervalSecondsOf(userId: string): Promise<number> {
  try {
    return (await readWithOutageFallback(`preferences:${userId}`, () => readUserPreferences(userId))).refresh_interval_seconds;
  } catch (error) {
    // A live page must still render (and refresh) during a database outage.
    if (isDatabaseUnavailable(error)) return defaultRefreshIntervalSeconds;
    throw error;
  }
}
