import type { Report } from '../io/types.js';
import {
  partialPeriodNote,
  percent,
  periodTableHeader,
  periodTableRow,
  reportFacts,
  segmentFacts,
  segmentTableHeader,
  segmentTableRow,
} from './reportCells.js';
import { escapeValue } from './terminalText.js';

/**
 * Renders a report as a plain-text terminal page: the last `recent` rows of the movements table, then the
 * point-in-time figures. Fixed-width columns, no colours, nothing locale-dependent. Text from the data (segment
 * names, notes naming a file) has its control characters escaped (`\x1b`), so it cannot move the cursor or clear
 * the terminal. `asOfNote` says which rule chose the as-of day: `as of 2026-12-07 (today; the data runs to …)`.
 *
 * @private
 */
export function formatReport(
  report: Report,
  {
    recent = 12,
    notes = [],
    asOfNote,
  }: { recent?: number; notes?: readonly string[]; asOfNote?: string } = {},
): string {
  const lines: string[] = [];
  const rows = report.periods.slice(-recent);
  const asOf = report.asOf ? `, as of ${report.asOf}${asOfNote === undefined ? '' : ` (${asOfNote})`}` : '';
  lines.push(`customer-health report — ${report.granularity} periods${asOf}`);
  lines.push(...notes.map(escapeValue));
  lines.push('');
  lines.push(
    ...textTable(
      periodTableHeader(report),
      rows.map((row) => periodTableRow(report, row)),
    ),
  );
  if (report.periods.length > rows.length)
    lines.push(`(${report.periods.length - rows.length} earlier periods in --json output)`);
  const partial = partialPeriodNote(report);
  if (partial !== null) lines.push(partial);
  lines.push('');
  for (const { segment, periods } of report.segments ?? []) {
    lines.push(`Segment ${escapeValue(segment)}: movements and transfers between segments`);
    lines.push(
      ...textTable(
        segmentTableHeader(report),
        periods.slice(-recent).map((row) => segmentTableRow(report, row)),
      ),
    );
    lines.push('');
  }

  const facts: [string, string][] = [...reportFacts(report), ...segmentFacts(report)];
  if (report.health !== null) {
    const h = report.health;
    facts.push([
      `Health (${h.accounts} accounts, average ${h.averageScore ?? 'n/a'})`,
      h.bands.map((band) => `${band.label} ${band.accounts} (${percent(band.share)})`).join(', '),
    ]);
    if (h.fixFirst.length > 0) {
      facts.push([
        'Fix first (measure losing most points)',
        h.fixFirst.map((entry) => `${entry.measure} ${entry.accounts}`).join(', '),
      ]);
    }
  }
  const shown = facts.map(([label, value]) => [escapeValue(label), escapeValue(value)] as const);
  const labelWidth = Math.max(...shown.map(([label]) => label.length));
  for (const [label, value] of shown) lines.push(`${label.padEnd(labelWidth)}  ${value}`);
  return `${lines.join('\n')}\n`;
}

// A fixed-width table: the first column left-aligned, the others right-aligned, a rule under the header.
function textTable(header: readonly string[], cells: readonly (readonly string[])[]): string[] {
  const table = cells.map((row) => row.map(escapeValue));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...table.map((cells) => cells[column]!.length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...table.map(render)];
}
