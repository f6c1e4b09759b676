import { Decimal, ZERO } from '../core/internal/decimal.js';
import { svgEscape } from './svgEscape.js';
import { svgNumber } from './svgNumber.js';

/** One stacked series of {@link svgBarChart}. @private */
export interface BarChartSeries {
  /** A stable name, written as `data-series` on each bar. */
  readonly id: string;
  /** The legend text. */
  readonly label: string;
  /** A CSS colour. */
  readonly color: string;
  /** `'up'` stacks above the axis (gains), `'down'` below it (losses). */
  readonly direction: 'up' | 'down';
  /** One amount per category, each >= 0 (the direction carries the sign). */
  readonly values: readonly Decimal[];
}

/** Input of {@link svgBarChart}. @private */
export interface BarChartInput {
  /** The accessible name of the chart. */
  readonly title: string;
  /** One label per column, e.g. the period start. */
  readonly categories: readonly string[];
  /** Stacked in the order given, outward from the axis. */
  readonly series: readonly BarChartSeries[];
  /** Optional text above each column, e.g. the ending MRR. */
  readonly topLabels?: readonly string[];
}

/** Height in pixels of the plot area of {@link svgBarChart}: the tallest gain stack plus the deepest loss stack. @private */
export const BAR_CHART_PLOT_HEIGHT = 240;

const LEFT = 72;
const TOP = 28;
const RIGHT = 12;
const COLUMN = 64;
const BAR = 40;
const CATEGORY_ROW = 22;
const LEGEND_ROW = 24;
// Wide enough for the legend even with one column.
const MIN_WIDTH = 520;

/**
 * A diverging stacked bar chart as a standalone SVG string: per category, the `'up'` series stacked above a
 * zero axis and the `'down'` series below it, on one linear scale chosen so the tallest gain stack and the
 * deepest loss stack together fill the plot height. Each bar carries `data-series`, `data-amount` and a
 * `<title>` tooltip; the root carries `data-scale` (pixels per unit), so the drawing can be checked.
 *
 * Formula: scale = BAR_CHART_PLOT_HEIGHT / (max up-stack total + max down-stack total); a bar's edges are the
 * axis ∓ its cumulative stack total × scale, each edge rounded to 0.01 px, so a bar's height differs from
 * amount × scale by at most 0.01 px and stacked bars touch exactly.
 * Units: pixels for geometry; amounts as given. Source: our convention (docs/notebooks.md).
 * Edge cases: no categories or only zero amounts give an empty plot with scale 0; zero amounts draw no bar;
 * every text is escaped.
 *
 * @private
 */
export function svgBarChart(input: BarChartInput): string {
  const { categories, series } = input;
  const totals = (direction: 'up' | 'down') =>
    categories.map((_, column) =>
      series
        .filter((entry) => entry.direction === direction)
        .reduce((sum, entry) => sum.plus(entry.values[column] ?? ZERO), ZERO),
    );
  const maxUp = Decimal.max(ZERO, ...totals('up'));
  const maxDown = Decimal.max(ZERO, ...totals('down'));
  const extent = maxUp.plus(maxDown);
  const scale = extent.isZero() ? ZERO : new Decimal(BAR_CHART_PLOT_HEIGHT).dividedBy(extent);
  const axis = extent.isZero() ? new Decimal(TOP + BAR_CHART_PLOT_HEIGHT) : maxUp.times(scale).plus(TOP);
  const width = Math.max(MIN_WIDTH, LEFT + categories.length * COLUMN + RIGHT);
  const height = TOP + BAR_CHART_PLOT_HEIGHT + CATEGORY_ROW + LEGEND_ROW;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${svgEscape(input.title)}" data-scale="${scale.toString()}">`,
    `<title>${svgEscape(input.title)}</title>`,
    axisLabel(TOP, maxUp.toFixed(0)),
    axisLabel(axis, '0'),
    axisLabel(new Decimal(TOP + BAR_CHART_PLOT_HEIGHT), maxDown.isZero() ? '0' : `-${maxDown.toFixed(0)}`),
  ];
  categories.forEach((category, column) => {
    const x = LEFT + column * COLUMN + (COLUMN - BAR) / 2;
    const center = LEFT + column * COLUMN + COLUMN / 2;
    for (const direction of ['up', 'down'] as const) {
      const sign = direction === 'up' ? -1 : 1;
      let stacked = ZERO;
      for (const entry of series.filter((candidate) => candidate.direction === direction)) {
        const amount = entry.values[column] ?? ZERO;
        if (amount.isZero()) continue;
        const inner = edge(axis, stacked.times(scale), sign);
        stacked = stacked.plus(amount);
        const outer = edge(axis, stacked.times(scale), sign);
        const y = Decimal.min(inner, outer);
        parts.push(
          `<rect x="${x}" y="${svgNumber(y)}" width="${BAR}" height="${svgNumber(Decimal.max(inner, outer).minus(y))}" fill="${svgEscape(entry.color)}" data-series="${svgEscape(entry.id)}" data-amount="${amount.toString()}"><title>${svgEscape(`${category} ${entry.label}: ${amount.toFixed(2)}`)}</title></rect>`,
        );
      }
    }
    const label = input.topLabels?.[column];
    if (label !== undefined) {
      parts.push(
        `<text x="${center}" y="${TOP - 8}" text-anchor="middle" font-size="10" class="top-label">${svgEscape(label)}</text>`,
      );
    }
    parts.push(
      `<text x="${center}" y="${TOP + BAR_CHART_PLOT_HEIGHT + 15}" text-anchor="middle" font-size="10">${svgEscape(category)}</text>`,
    );
  });
  parts.push(
    `<line x1="${LEFT}" x2="${width - RIGHT}" y1="${svgNumber(axis)}" y2="${svgNumber(axis)}" stroke="#374151" stroke-width="1"></line>`,
  );
  let legendX = LEFT;
  const legendY = TOP + BAR_CHART_PLOT_HEIGHT + CATEGORY_ROW + 6;
  for (const entry of series) {
    parts.push(
      `<rect x="${legendX}" y="${legendY}" width="10" height="10" fill="${svgEscape(entry.color)}"></rect>`,
      `<text x="${legendX + 14}" y="${legendY + 9}" font-size="10">${svgEscape(entry.label)}</text>`,
    );
    legendX += 24 + entry.label.length * 6;
  }
  parts.push('</svg>');
  return parts.join('\n');
}

// Rounding each edge (not each height) keeps adjacent bars touching and each height within 0.01 px.
function edge(axis: Decimal, offset: Decimal, sign: number): Decimal {
  return axis.plus(offset.times(sign)).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

function axisLabel(y: Decimal | number, text: string): string {
  return `<text x="${LEFT - 6}" y="${svgNumber(new Decimal(y).plus(3))}" text-anchor="end" font-size="10">${svgEscape(text)}</text>`;
}
