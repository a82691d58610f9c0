/** The viewer's refresh interval, one setting for every live view (cookie `refresh_s`). */
export const refreshIntervalChoicesSeconds = [5, 10, 30, 60] as const;
export const defaultRefreshIntervalSeconds = 10;

export function parseRefreshIntervalSeconds(value: string | undefined): number {
  const seconds = Number(value);
  return (refreshIntervalChoicesSeconds as readonly number[]).includes(seconds) ? seconds : defaultRefreshIntervalSeconds;
}
