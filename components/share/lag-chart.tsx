'use client';

import { useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '@/lib/share/chart-points';
import { buildExportSvg, downloadBlob, pngBlob, svgBlob } from './chart-export';
import { fittedStartMs, formatAxisValue, formatTooltipValue, measureName } from './chart-units';
import styles from './share.module.css';

export interface LagChartSeries {
  id: string;
  label: string;
  unit: string;
}

interface LagChartProps {
  title: string;
  subtitle: string;
  series: LagChartSeries[];
  points: ChartPoint[];
  fromMs: number;
  toMs: number;
  /** Without extension: `.svg` or `.png` is added. */
  fileName: string;
  /** Vertical markers, e.g. rebalances and state changes. */
  markers?: Array<{ atMs: number; label: string; kind?: 'group' | 'alert' }>;
}

// Distinguishable in light and dark themes and for the common colour-vision deficiencies; each has
// at least 3:1 contrast on both themes' chart background, as lines must.
const palette = ['#2563eb', '#d97706', '#0d9488', '#9333ea'];
// Marker lines: 4.7:1 on white and 3.6:1 on the dark surface (the darker #b3261e was 2.6:1 there).
const markerColor = '#d9342b';
function timeFormatter(spanMs: number) {
  const options: Intl.DateTimeFormatOptions = spanMs <= 86_400_000
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }
    : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  const format = new Intl.DateTimeFormat('en-GB', options);
  return (valueMs: number) => format.format(new Date(valueMs));
}

const fullTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/**
 * Read-only line charts of lag series over a time range: one small chart per measure (unit), so
 * no chart has two y-axes, each with human units on its axis and in its tooltip, every marker
 * drawn on every chart, and export of all of them as one SVG or PNG. Times are UTC, so everyone
 * who opens a shared link reads the same clock. When the history is shorter than the range, the
 * time axis starts at the first point.
 */
export function LagChart({ title, subtitle, series, points, fromMs, toMs, fileName, markers = [] }: LagChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const units = [...new Set(series.map((entry) => entry.unit))];
  const startMs = fittedStartMs(fromMs, toMs, points[0]?.atMs ?? null);
  const formatTime = timeFormatter(toMs - startMs);
  // Evenly spaced ticks over the whole axis: recharts' own pick clusters them around the data.
  const timeTicks = Array.from({ length: 7 }, (_, index) => Math.round(startMs + ((toMs - startMs) * index) / 6));
  const colorOf = (seriesId: string) => palette[series.findIndex((entry) => entry.id === seriesId) % palette.length] as string;
  const chartHeight = units.length > 1 ? 220 : 340;
  const fitted = startMs > fromMs;

  function exportImage(format: 'svg' | 'png') {
    setExportError(null);
    // Each small chart is a wrapper's own <svg>; legend icons are small svgs of the same class.
    const chartSvgs = [...(containerRef.current?.querySelectorAll<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? [])];
    if (chartSvgs.length === 0) {
      setExportError('The chart is not drawn yet.');
      return;
    }
    const legend = series.map((entry) => ({ label: `${entry.label} (${entry.unit})`, color: colorOf(entry.id) }));
    const image = buildExportSvg(chartSvgs, { title, subtitle, legend, background: '#ffffff', textColor: '#14171f' });
    if (format === 'svg') {
      downloadBlob(svgBlob(image.markup), `${fileName}.svg`);
      return;
    }
    pngBlob(image.markup, image.width, image.height)
      .then((blob) => downloadBlob(blob, `${fileName}.png`))
      .catch((error: unknown) => setExportError(error instanceof Error ? error.message : 'The PNG could not be made.'));
  }

  return (
    <figure className={styles.chart}>
      {fitted ? <p className="muted" data-testid="chart-fitted">History starts at {formatTime(points[0]?.atMs ?? startMs)} UTC; the time axis starts there.</p> : null}
      <div ref={containerRef} className={styles.multiples}>
        {units.map((unit) => {
          const unitSeries = series.filter((entry) => entry.unit === unit);
          return (
            <div key={unit} data-testid="lag-chart" data-unit={unit}>
              <h3 className={styles.measure}>{measureName(unit)}</h3>
              <ResponsiveContainer width="100%" height={chartHeight}>
                {/* recharts makes the plot a tab stop (arrow keys read the points); the label names it. */}
                <LineChart data={points} margin={{ top: 4, right: 16, bottom: 20, left: 4 }} aria-label={`${title} — ${measureName(unit)} — ${subtitle}`}>
                  <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
                  <XAxis dataKey="atMs" type="number" scale="time" domain={[startMs, toMs]} ticks={timeTicks} tickFormatter={formatTime}
                    stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} allowDataOverflow
                    label={{ value: 'Time (UTC)', position: 'insideBottom', offset: -12, fill: 'currentColor', fontSize: 12 }} />
                  <YAxis allowDecimals={unit === 's'} width={64} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }}
                    tickFormatter={(value: number) => formatAxisValue(value, unit)} />
                  <Tooltip labelFormatter={(value) => `${fullTime.format(new Date(Number(value)))} UTC`}
                    formatter={(value, name) => [formatTooltipValue(typeof value === 'number' ? value : null, unit), name]} />
                  {/* Legend text in the text colour: the line colours are too light for text (3.2:1 on white). */}
                  <Legend verticalAlign="top" height={24} formatter={(value) => <span className={styles.legendText}>{value}</span>} />
                  {markers.map((marker) => (
                    <ReferenceLine key={`${marker.atMs}-${marker.label}`} x={marker.atMs} stroke={markerColor} strokeDasharray={marker.kind === 'alert' ? '1 3' : '4 3'}
                      label={{ value: marker.label, position: 'insideTopLeft', fill: 'currentColor', fontSize: 11 }} />
                  ))}
                  {unitSeries.map((entry) => (
                    <Line key={entry.id} dataKey={entry.id} name={entry.label} type="monotone"
                      stroke={colorOf(entry.id)} strokeWidth={2} dot={points.length < 3} connectNulls={false} isAnimationActive={false} />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </div>
          );
        })}
      </div>
      <figcaption className={styles.tools}>
        <button type="button" className="secondary" onClick={() => exportImage('png')}>Download PNG</button>
        <button type="button" className="secondary" onClick={() => exportImage('svg')}>Download SVG</button>
        {exportError ? <span role="alert" className="muted">{exportError}</span> : null}
      </figcaption>
    </figure>
  );
}
