/**
 * Open live streams per user, so one account (or a leaked token) cannot hold an unbounded
 * number of connections, each polling a source. Per process: behind several instances the
 * cap applies per instance.
 */
const openStreamsByUser = new Map<string, number>();

/** A release function, or null when the user already holds `maxPerUser` streams. */
export function acquireLiveStreamSlot(userId: string, maxPerUser: number): (() => void) | null {
  const open = openStreamsByUser.get(userId) ?? 0;
  if (open >= maxPerUser) return null;
  openStreamsByUser.set(userId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const remaining = (openStreamsByUser.get(userId) ?? 1) - 1;
    if (remaining <= 0) openStreamsByUser.delete(userId);
    else openStreamsByUser.set(userId, remaining);
  };
}

export function openLiveStreamCount(userId: string): number {
  return openStreamsByUser.get(userId) ?? 0;
}
