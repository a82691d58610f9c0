/**
 * Turns the chart's SVG into a standalone image: the title above, a legend below (recharts
 * draws its legend in HTML, which an SVG file would lose), explicit size, font and background.
 * Runs in the browser only.
 */

export interface ExportDecoration {
  title: string;
  subtitle: string;
  legend: Array<{ label: string; color: string }>;
  background: string;
  textColor: string;
}

const headerHeight = 48;
const footerHeight = 32;
const svgNamespace = 'http://www.w3.org/2000/svg';
const fontFamily = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

function textElement(content: string, x: number, y: number, size: number, color: string, weight = '400'): SVGTextElement {
  const text = document.createElementNS(svgNamespace, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('font-size', String(size));
  text.setAttribute('font-weight', weight);
  text.setAttribute('fill', color);
  text.textContent = content;
  return text;
}

/** The charts (small multiples) stacked under one title, one legend below them. */
export function buildExportSvg(chartSvgs: readonly SVGSVGElement[], decoration: ExportDecoration): { markup: string; width: number; height: number } {
  const boxes = chartSvgs.map((chartSvg) => chartSvg.getBoundingClientRect());
  const width = Math.round(Math.max(...boxes.map((box) => box.width)));
  const chartsHeight = boxes.reduce((sum, box) => sum + Math.round(box.height), 0);
  const height = chartsHeight + headerHeight + footerHeight;
  const root = document.createElementNS(svgNamespace, 'svg');
  root.setAttribute('xmlns', svgNamespace);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', fontFamily);
  // The chart draws its axes and ticks in currentColor, so one colour fits both page themes.
  root.setAttribute('color', decoration.textColor);

  const background = document.createElementNS(svgNamespace, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', decoration.background);
  root.append(background);
  root.append(textElement(decoration.title, 12, 20, 15, decoration.textColor, '600'));
  root.append(textElement(decoration.subtitle, 12, 38, 11, decoration.textColor));

  let top = headerHeight;
  chartSvgs.forEach((chartSvg, index) => {
    const box = boxes[index]!;
    const chart = chartSvg.cloneNode(true) as SVGSVGElement;
    chart.setAttribute('x', '0');
    chart.setAttribute('y', String(top));
    chart.setAttribute('width', String(Math.round(box.width)));
    chart.setAttribute('height', String(Math.round(box.height)));
    root.append(chart);
    top += Math.round(box.height);
  });

  let legendX = 12;
  const legendY = height - footerHeight / 2 + 4;
  for (const entry of decoration.legend) {
    const swatch = document.createElementNS(svgNamespace, 'rect');
    swatch.setAttribute('x', String(legendX));
    swatch.setAttribute('y', String(legendY - 8));
    swatch.setAttribute('width', '14');
    swatch.setAttribute('height', '4');
    swatch.setAttribute('fill', entry.color);
    root.append(swatch, textElement(entry.label, legendX + 20, legendY, 12, decoration.textColor));
    legendX += 28 + entry.label.length * 7;
  }
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function svgBlob(markup: string): Blob {
  return new Blob([markup], { type: 'image/svg+xml;charset=utf-8' });
}

/** Rasterises the SVG through an <img> and a canvas, at the screen's pixel density (at least 2×). */
export async function pngBlob(markup: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(markup));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const scale = Math.max(2, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
