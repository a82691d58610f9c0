/**
 * One point of a shared chart: a time and a value per series id (null where unknown). Plain
 * numbers, so the server can hand it to the client chart as props.
 */
export interface ChartPoint {
  atMs: number;
  [seriesId: string]: number | null;
}

export interface SharedChartData {
  points: ChartPoint[];
  /**
   * Where the points come from: `history` the persisted snapshots, `recent` the in-memory
   * window of recent observations, `live` only the current observation.
   */
  coverage: 'history' | 'recent' | 'live';
  /** True when the source could not be read; the page then says so without details. */
  unavailable: boolean;
  /** The time axis: the bound range, ending when the data was read. */
  fromMs: number;
  toMs: number;
}

/** What a reader returns; the loader adds the time axis. */
export type ChartReading = Omit<SharedChartData, 'fromMs' | 'toMs'>;

/** At most `maximum` points, evenly picked, always keeping the newest: a chart needs no more. */
export function thinPoints<Point>(points: readonly Point[], maximum: number): Point[] {
  if (points.length <= maximum) return [...points];
  const step = points.length / maximum;
  const picked: Point[] = [];
  for (let index = 0; index < maximum - 1; index += 1) picked.push(points[Math.floor(index * step)] as Point);
  picked.push(points[points.length - 1] as Point);
  return picked;
}
