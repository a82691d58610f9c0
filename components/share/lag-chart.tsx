'use client';

import { useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '@/lib/share/chart-points';
import { buildExportSvg, downloadBlob, pngBlob, svgBlob } from './chart-export';
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
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function timeFormatter(spanMs: number) {
  const options: Intl.DateTimeFormatOptions = spanMs <= 86_400_000
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }
    : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  const format = new Intl.DateTimeFormat('en-GB', options);
  return (valueMs: number) => format.format(new Date(valueMs));
}

const fullTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/**
 * A read-only line chart of lag series over a time range, with units on its axes (one axis per
 * unit) and export as SVG or PNG. Times are UTC, so everyone who opens a shared link reads the
 * same clock.
 */
export function LagChart({ title, subtitle, series, points, fromMs, toMs, fileName, markers = [] }: LagChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const units = [...new Set(series.map((entry) => entry.unit))];
  const formatTime = timeFormatter(toMs - fromMs);
  // Evenly spaced ticks over the whole range: recharts' own pick clusters them around the data.
  const timeTicks = Array.from({ length: 7 }, (_, index) => Math.round(fromMs + ((toMs - fromMs) * index) / 6));
  const colorOf = (seriesId: string) => palette[series.findIndex((entry) => entry.id === seriesId) % palette.length] as string;

  function exportImage(format: 'svg' | 'png') {
    setExportError(null);
    // The plot is the wrapper's own <svg>; legend icons are small svgs of the same class.
    const chartSvg = containerRef.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!chartSvg) {
      setExportError('The chart is not drawn yet.');
      return;
    }
    const legend = series.map((entry) => ({ label: `${entry.label} (${entry.unit})`, color: colorOf(entry.id) }));
    const image = buildExportSvg(chartSvg, { title, subtitle, legend, background: '#ffffff', textColor: '#14171f' });
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
      <div ref={containerRef} data-testid="lag-chart">
        <ResponsiveContainer width="100%" height={360}>
          {/* recharts makes the plot a tab stop (arrow keys read the points); the label names it. */}
          <LineChart data={points} margin={{ top: 8, right: 28, bottom: 24, left: 16 }} aria-label={`${title} — ${subtitle}`}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="atMs" type="number" scale="time" domain={[fromMs, toMs]} ticks={timeTicks} tickFormatter={formatTime}
              stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }}
              label={{ value: 'Time (UTC)', position: 'insideBottom', offset: -14, fill: 'currentColor', fontSize: 12 }} />
            {units.map((unit, index) => (
              <YAxis key={unit} yAxisId={unit} orientation={index === 0 ? 'left' : 'right'} allowDecimals={unit === 's'}
                stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} tickFormatter={(value: number) => numberFormat.format(value)}
                label={{ value: unit, angle: -90, position: index === 0 ? 'insideLeft' : 'insideRight', fill: 'currentColor', fontSize: 12 }} />
            ))}
            <Tooltip labelFormatter={(value) => `${fullTime.format(new Date(Number(value)))} UTC`}
              formatter={(value, name) => {
                const entry = series.find((candidate) => candidate.label === name);
                return [`${typeof value === 'number' ? numberFormat.format(value) : '—'} ${entry?.unit ?? ''}`, name];
              }} />
            {/* Legend text in the text colour: the line colours are too light for text (3.2:1 on white). */}
            <Legend verticalAlign="top" height={28} formatter={(value) => <span className={styles.legendText}>{value}</span>} />
            {markers.map((marker) => (
              <ReferenceLine key={`${marker.atMs}-${marker.label}`} x={marker.atMs} yAxisId={units[0]} stroke={markerColor} strokeDasharray={marker.kind === 'alert' ? '1 3' : '4 3'}
                label={{ value: marker.label, position: 'insideTopLeft', fill: 'currentColor', fontSize: 11 }} />
            ))}
            {series.map((entry) => (
              <Line key={entry.id} yAxisId={entry.unit} dataKey={entry.id} name={entry.label} type="monotone"
                stroke={colorOf(entry.id)} strokeWidth={2} dot={points.length < 3} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className={styles.tools}>
        <button type="button" className="secondary" onClick={() => exportImage('png')}>Download PNG</button>
        <button type="button" className="secondary" onClick={() => exportImage('svg')}>Download SVG</button>
        {exportError ? <span role="alert" className="muted">{exportError}</span> : null}
      </figcaption>
    </figure>
  );
}
