/** The choices of the per-user refresh interval, one setting for every live view. */
export const refreshIntervalChoicesSeconds = [5, 10, 30, 60] as const;
export const defaultRefreshIntervalSeconds = 10;
