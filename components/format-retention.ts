import { formatDurationMs } from './format';

/** Kafka's -1 means unlimited; null means the config could not be read. */
export function formatRetentionMs(value: number | null): string {
  if (value === null) return 'unknown';
  if (value < 0) return 'unlimited';
  return formatDurationMs(value);
}

export function formatRetentionBytes(value: number | null): string {
  if (value === null) return 'unknown';
  if (value < 0) return 'unlimited';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let scaled = value;
  let unit = 0;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  return `${scaled.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
