const countFormat = new Intl.NumberFormat('en-US');

/** Whole numbers with thousands separators; null (unknown) as an em dash. */
export function formatCount(value: number | null): string {
  return value === null ? '—' : countFormat.format(value);
}

export function formatDurationMs(valueMs: number | null): string {
  if (valueMs === null) return '—';
  if (valueMs < 1_000) return `${Math.round(valueMs)} ms`;
  if (valueMs < 60_000) return `${(valueMs / 1_000).toFixed(1)} s`;
  if (valueMs < 3_600_000) return `${(valueMs / 60_000).toFixed(1)} min`;
  return `${(valueMs / 3_600_000).toFixed(1)} h`;
}
