import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The product requirement is WCAG 2.1 level A and AA; best-practice rules are not part of it. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type AxeViolation = AxeResults['violations'][number];

export interface ContrastCheck {
  selector: string;
  foreground: string;
  background: string;
  ratio: number;
  required: number;
}

/**
 * axe's violations, plus a contrast measurement of every element axe could not decide ("incomplete"):
 * text over the chart's SVG (the legend, axis labels), where axe cannot tell what is behind it.
 */
export async function auditPage(page: Page): Promise<{ violations: AxeViolation[]; undecidedContrast: ContrastCheck[] }> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const selectors = results.incomplete
    .filter((rule) => rule.id === 'color-contrast')
    .flatMap((rule) => rule.nodes)
    .filter((node) => node.target.length === 1)
    .map((node) => String(node.target[0]));
  const undecidedContrast: ContrastCheck[] = [];
  for (const selector of selectors) {
    const colours = await page.locator(selector).first().evaluate(readColours);
    // Glyphs without letters (a sort arrow, a dash) have no text to read.
    if (!/[\p{L}\p{N}]/u.test(colours.text)) continue;
    undecidedContrast.push({ selector, foreground: colours.foreground, background: colours.background, ratio: contrastRatio(colours.foreground, colours.background), required: colours.large ? 3 : 4.5 });
  }
  return { violations: results.violations, undecidedContrast };
}

/** Runs in the page: the element's text colour (fill for SVG text) and the nearest painted background behind it. */
function readColours(element: Element): { text: string; foreground: string; background: string; large: boolean } {
  const style = getComputedStyle(element);
  const foreground = element instanceof SVGElement ? style.fill : style.color;
  let behind: Element | null = element;
  while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement;
  const sizePx = parseFloat(style.fontSize);
  const bold = Number(style.fontWeight) >= 700;
  return {
    text: element.textContent ?? '',
    foreground,
    background: getComputedStyle(behind ?? document.body).backgroundColor,
    large: sizePx >= 24 || (bold && sizePx >= 18.66),
  };
}

/** One block per rule: what is wrong, where (selector) and axe's own explanation per element. */
export function describeViolations(pageName: string, violations: AxeViolation[]): string {
  const blocks = violations.map((violation) => {
    const nodes = violation.nodes.map((node) => {
      const summary = (node.failureSummary ?? '').split('\n').map((line) => `        ${line.trim()}`).join('\n');
      return `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n${summary}`;
    });
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}, ${violation.nodes.length} elements): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
  });
  return `${violations.length} accessibility rules fail on ${pageName}:\n${blocks.join('\n\n')}`;
}

/** Waits until no Suspense skeleton or other busy region is left on the page. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]'), `${page.url()} is still loading`).toHaveCount(0, { timeout: 30_000 });
}

const rgbPattern = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/;

function relativeLuminance(color: string): number {
  const match = rgbPattern.exec(color);
  if (!match) throw new Error(`Not an rgb() colour: ${color}`);
  const [red, green, blue] = [match[1], match[2], match[3]].map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio of two computed colours, e.g. `rgb(31, 95, 209)`. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((left, right) => right - left) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
