import type { Decimal } from '../core/internal/decimal.js';
import { svgEscape } from './svgEscape.js';
import { svgHeatColor } from './svgHeatColor.js';

/** One row of {@link svgHeatmap}: a label and its cells from the first column on (a row may be shorter). @private */
export interface HeatmapRow {
  readonly label: string;
  /** Ratios (1 = 100 %); null is a cell without a value, drawn grey with a dash. */
  readonly cells: readonly (Decimal | null)[];
}

/** Input of {@link svgHeatmap}. @private */
export interface HeatmapInput {
  /** The accessible name of the chart. */
  readonly title: string;
  /** One label per column. */
  readonly columnLabels: readonly string[];
  readonly rows: readonly HeatmapRow[];
}

const LABEL_WIDTH = 150;
const CELL_WIDTH = 44;
const CELL_HEIGHT = 22;
const HEADER = 22;

/**
 * A heatmap of ratios as a standalone SVG string, laid out like a cohort triangle: one row per label, one
 * cell per column, each filled with {@link svgHeatColor} of its ratio (darker = higher) and labelled with the
 * ratio as a whole percentage. Each cell carries `data-value` and a `<title>` tooltip with one decimal.
 *
 * Formula: fill = svgHeatColor(ratio); label = round(ratio × 100) %.
 * Units: ratios in, pixels and colours out. Source: our convention (docs/notebooks.md).
 * Edge cases: no rows gives a header-only chart; a null cell is grey with "–"; every text is escaped.
 *
 * @private
 */
export function svgHeatmap(input: HeatmapInput): string {
  const width = LABEL_WIDTH + input.columnLabels.length * CELL_WIDTH;
  const height = HEADER + input.rows.length * CELL_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${svgEscape(input.title)}">`,
    `<title>${svgEscape(input.title)}</title>`,
  ];
  input.columnLabels.forEach((label, column) => {
    parts.push(
      `<text x="${LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2}" y="15" text-anchor="middle" font-size="10">${svgEscape(label)}</text>`,
    );
  });
  input.rows.forEach((row, index) => {
    const y = HEADER + index * CELL_HEIGHT;
    parts.push(
      `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end" font-size="10">${svgEscape(row.label)}</text>`,
    );
    row.cells.forEach((value, column) => {
      const x = LABEL_WIDTH + column * CELL_WIDTH;
      const dark = value?.greaterThan(0.5) === true;
      const text = value === null ? '–' : `${value.times(100).toFixed(0)}%`;
      const exact = value === null ? 'no value' : `${value.times(100).toFixed(1)} %`;
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL_WIDTH - 1}" height="${CELL_HEIGHT - 1}" fill="${svgHeatColor(value)}" data-value="${value === null ? '' : value.toString()}"><title>${svgEscape(`${row.label}, ${input.columnLabels[column] ?? column}: ${exact}`)}</title></rect>`,
        `<text x="${x + CELL_WIDTH / 2}" y="${y + 15}" text-anchor="middle" font-size="10" fill="${dark ? '#ffffff' : '#111827'}">${text}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
