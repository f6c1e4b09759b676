import { svgEscape } from './svgEscape.js';
import { svgNumber } from './svgNumber.js';

/** One bar of {@link svgHorizontalBarChart}. @private */
export interface HorizontalBar {
  readonly label: string;
  /** A count >= 0; widths are proportional to it. */
  readonly value: number;
  /** Printed after the bar, e.g. "135 (32.3 %)". */
  readonly text: string;
  /** A CSS colour. */
  readonly color: string;
}

/** Input of {@link svgHorizontalBarChart}. @private */
export interface HorizontalBarChartInput {
  /** The accessible name of the chart. */
  readonly title: string;
  readonly bars: readonly HorizontalBar[];
}

/** Width in pixels of the longest bar of {@link svgHorizontalBarChart}. @private */
export const HORIZONTAL_BAR_MAX_WIDTH = 320;

const LABEL_WIDTH = 120;
const ROW = 26;
const BAR = 18;
const TEXT_WIDTH = 160;

/**
 * A horizontal bar chart as a standalone SVG string, one bar per entry, widths proportional to the values so
 * the largest spans HORIZONTAL_BAR_MAX_WIDTH pixels. Each bar carries `data-value` and a `<title>` tooltip.
 *
 * Formula: width = value / max(values) × HORIZONTAL_BAR_MAX_WIDTH, rounded to 0.01 px.
 * Units: pixels. Source: our convention (docs/notebooks.md).
 * Edge cases: all values 0 (or no bars) draw no bar widths; every text is escaped.
 *
 * @private
 */
export function svgHorizontalBarChart(input: HorizontalBarChartInput): string {
  const max = Math.max(0, ...input.bars.map((bar) => bar.value));
  const width = LABEL_WIDTH + HORIZONTAL_BAR_MAX_WIDTH + TEXT_WIDTH;
  const height = Math.max(1, input.bars.length) * ROW + 4;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${svgEscape(input.title)}">`,
    `<title>${svgEscape(input.title)}</title>`,
  ];
  input.bars.forEach((bar, index) => {
    const y = 4 + index * ROW;
    const length = max === 0 ? 0 : (bar.value / max) * HORIZONTAL_BAR_MAX_WIDTH;
    parts.push(
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end" font-size="11">${svgEscape(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${svgNumber(length)}" height="${BAR}" fill="${svgEscape(bar.color)}" data-value="${bar.value}"><title>${svgEscape(`${bar.label}: ${bar.text}`)}</title></rect>`,
      `<text x="${svgNumber(LABEL_WIDTH + length + 6)}" y="${y + 13}" font-size="11">${svgEscape(bar.text)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
