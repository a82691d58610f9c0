/**
 * What a shared chart can show: the chart kinds, ranges and series with their units. Constants
 * only (no zod), so client components can import them cheaply.
 */

/** Share links live a week unless asked otherwise, and never longer than 90 days. */
export const defaultExpiryDays = 7;
export const maximumExpiryDays = 90;

export const shareChartKinds = ['kafka_group', 'redis_stream_group'] as const;
export type ShareChartKind = (typeof shareChartKinds)[number];

export const chartRanges = { '1h': 3_600_000, '6h': 21_600_000, '24h': 86_400_000, '7d': 604_800_000, '30d': 2_592_000_000 } as const;
export type ChartRange = keyof typeof chartRanges;
export const chartRangeNames = Object.keys(chartRanges) as ChartRange[];

export const chartRangeLabels: Record<ChartRange, string> = {
  '1h': 'last hour',
  '6h': 'last 6 hours',
  '24h': 'last 24 hours',
  '7d': 'last 7 days',
  '30d': 'last 30 days',
};

export interface SeriesDefinition {
  label: string;
  /** Shown on the axis; series with the same unit share an axis. */
  unit: 'messages' | 'entries' | 's' | 'members' | 'consumers';
}

export const seriesCatalogue = {
  kafka_group: {
    total_lag: { label: 'Total lag', unit: 'messages' },
    max_lag: { label: 'Max partition lag', unit: 'messages' },
    lag_seconds: { label: 'Lag in time', unit: 's' },
    members: { label: 'Members', unit: 'members' },
  },
  redis_stream_group: {
    lag: { label: 'Lag', unit: 'entries' },
    pending: { label: 'Pending', unit: 'entries' },
    consumers: { label: 'Consumers', unit: 'consumers' },
  },
} as const satisfies Record<ShareChartKind, Record<string, SeriesDefinition>>;

export function seriesDefinition(kind: ShareChartKind, seriesId: string): SeriesDefinition | null {
  const catalogue: Record<string, SeriesDefinition> = seriesCatalogue[kind];
  return Object.hasOwn(catalogue, seriesId) ? (catalogue[seriesId] as SeriesDefinition) : null;
}
