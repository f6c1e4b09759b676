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
import { svgBarChart } from './svgBarChart.js';
import { svgEscape } from './svgEscape.js';
import { svgHeatmap } from './svgHeatmap.js';
import { svgHorizontalBarChart } from './svgHorizontalBarChart.js';

/** Options of {@link renderHtmlReport}. @private */
export interface HtmlReportOptions {
  /** The most recent periods shown in the movements chart and table; default 12 (as the text report). */
  readonly recent?: number;
  /** Where the data came from, shown under the title (e.g. the file name); default: not shown. */
  readonly source?: string;
  /** Lines about how the data was read (blank rows skipped, the engine's MRR scale), shown under the title. */
  readonly notes?: readonly string[];
  /** Which rule chose the as-of day, shown after it: `today; the data runs to 2027-03-01`. */
  readonly asOfNote?: string;
}

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;margin:0;background:#f9fafb}
main{max-width:1080px;margin:0 auto;padding:24px}
section{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:16px 20px;margin:16px 0;overflow-x:auto}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:0 0 12px}h3{font-size:15px;margin:16px 0 0}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin-top:12px}
th,td{padding:3px 8px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
.muted{color:#6b7280}svg{display:block;max-width:100%;height:auto}`;

// Gains in cool colours above the axis, losses in warm colours below it.
const SERIES = [
  { id: 'new', label: 'new', color: '#2563eb', direction: 'up', field: 'newMrr' },
  { id: 'expansion', label: 'expansion', color: '#16a34a', direction: 'up', field: 'expansionMrr' },
  { id: 'reactivation', label: 'reactivation', color: '#0d9488', direction: 'up', field: 'reactivationMrr' },
  { id: 'contraction', label: 'contraction', color: '#f59e0b', direction: 'down', field: 'contractionMrr' },
  { id: 'churn', label: 'churn', color: '#dc2626', direction: 'down', field: 'churnedMrr' },
] as const;

/**
 * Renders a report as one self-contained HTML page: inline CSS and SVG, no scripts, no external assets. It
 * holds the point-in-time figures, the MRR movements chart (gains stacked above the axis, losses below, the
 * ending MRR above each column) with its period table, the cohort retention heatmap, and the health band
 * distribution with the measures to fix first and the lowest-scoring accounts. Every data-derived string is
 * escaped; numbers are formatted with `toFixed`, so the same report gives the same bytes on every machine.
 *
 * Formula: the figures are the report's; see svgBarChart, svgHeatmap and svgHorizontalBarChart for the charts.
 * Units: as in the text report (currency per month, percentages, days). Source: our layout (docs/notebooks.md).
 * Edge cases: a report without periods, NPS, time to value, health or cohorts omits those parts.
 *
 * @private
 */
export function renderHtmlReport(report: Report, options: HtmlReportOptions = {}): string {
  const rows = report.periods.slice(-(options.recent ?? 12));
  const subtitle = [
    `${report.granularity} periods`,
    ...(report.asOf === null
      ? []
      : [`as of ${report.asOf}${options.asOfNote === undefined ? '' : ` (${options.asOfNote})`}`]),
    ...(options.source === undefined ? [] : [`data: ${options.source}`]),
  ].join(' · ');
  const sections = [
    section('Summary', table(['figure', 'value'], [...reportFacts(report), ...segmentFacts(report)])),
    rows.length === 0 ? '' : movementsSection(report, rows),
    rows.length === 0 || report.segments === null || report.segments.length === 0
      ? ''
      : segmentsSection(report, rows.length),
    report.cohorts === null || report.cohorts.cohorts.length === 0 ? '' : cohortSection(report.cohorts),
    report.health === null ? '' : healthSection(report.health),
  ].filter((part) => part !== '');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>customer-health report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>customer-health report</h1>
<p class="muted">${svgEscape(subtitle)}</p>
${(options.notes ?? []).map((note) => `<p class="muted">${svgEscape(note)}</p>\n`).join('')}${sections.join('\n')}
<p class="muted">Made with customer-health. Definitions: docs/revenue-movements.md, docs/revenue-rates.md, docs/revenue-cohorts.md, docs/health.md.</p>
</main>
</body>
</html>
`;
}

type Row = Report['periods'][number];

function movementsSection(report: Report, rows: readonly Row[]): string {
  const label = (row: Row) => (report.granularity === 'month' ? row.start.slice(0, 7) : row.start);
  const chart = svgBarChart({
    title: 'MRR movements per period: gains above the axis, losses below; ending MRR on top',
    categories: rows.map(label),
    series: SERIES.map(({ field, ...entry }) => ({ ...entry, values: rows.map((row) => row[field]) })),
    topLabels: rows.map((row) => row.endingMrr.toFixed(0)),
  });
  const body = rows.map((row) => periodTableRow(report, row));
  const header = periodTableHeader(report);
  const earlier = report.periods.length - rows.length;
  const partial = partialPeriodNote(report);
  return section(
    'MRR movements',
    `<p class="muted">Gains (new, expansion, reactivation) stacked above the axis, losses (contraction, churn) below; the number above each column is the ending MRR.</p>\n${chart}\n${table(header, body)}${earlier > 0 ? `\n<p class="muted">${earlier} earlier periods in --json output</p>` : ''}${partial === null ? '' : `\n<p class="muted">${svgEscape(partial)}</p>`}`,
  );
}

// Colour-blind-safe categorical colours (Okabe–Ito), cycled when there are more segments.
const SEGMENT_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
];

function segmentsSection(report: Report, recent: number): string {
  const segments = report.segments!;
  const periods = segments[0]!.periods.slice(-recent);
  const chart = svgBarChart({
    title: 'Ending MRR per period, stacked by segment; the total on top',
    categories: periods.map((row) => (report.granularity === 'month' ? row.start.slice(0, 7) : row.start)),
    series: segments.map(({ segment, periods: rows }, index) => ({
      id: `segment-${index}`,
      label: segment,
      color: SEGMENT_COLORS[index % SEGMENT_COLORS.length]!,
      direction: 'up' as const,
      values: rows.slice(-recent).map((row) => row.endingMrr),
    })),
    topLabels: report.periods.slice(-recent).map((row) => row.endingMrr.toFixed(0)),
  });
  const tables = segments.map(
    ({ segment, periods: rows }) =>
      `<h3>${svgEscape(segment)}</h3>\n${table(
        segmentTableHeader(report),
        rows.slice(-recent).map((row) => segmentTableRow(report, row)),
      )}`,
  );
  return section(
    'MRR movements by segment',
    `<p class="muted">Each segment's ending MRR stacked per period. Customers moving between segments show as transfers in and out; summed over segments, the movements reconcile with the total table (docs/segments-and-currencies.md).</p>\n${chart}\n${tables.join('\n')}`,
  );
}

function cohortSection(cohorts: NonNullable<Report['cohorts']>): string {
  const width = cohorts.cohorts[0]!.cells.length;
  const chart = svgHeatmap({
    title: 'Customer retention by cohort: share of each cohort still paying, by periods since first payment',
    columnLabels: Array.from({ length: width }, (_, age) => String(age)),
    rows: cohorts.cohorts.map((row) => ({
      label: `${row.cohortStart} (${row.size})`,
      cells: row.cells.map((cell) => cell.retention),
    })),
  });
  return section(
    'Cohort retention',
    `<p class="muted">Rows: customers by the ${svgEscape(cohorts.granularity)} of their first payment (cohort size in brackets). Columns: ${svgEscape(cohorts.granularity)}s since then. Cells: share still paying (${svgEscape(cohorts.basis)} basis).</p>\n${chart}`,
  );
}

function healthSection(health: NonNullable<Report['health']>): string {
  const last = Math.max(1, health.bands.length - 1);
  const chart = svgHorizontalBarChart({
    title: 'Accounts per health band',
    bars: health.bands.map((band, index) => ({
      label: band.label,
      value: band.accounts,
      text: `${band.accounts} (${percent(band.share)})`,
      // Bands run from the lowest score to the highest: red through yellow to green.
      color: `hsl(${Math.round((120 * index) / last)}, 65%, 42%)`,
    })),
  });
  const parts = [
    `<p class="muted">${health.accounts} accounts, average score ${health.averageScore ?? 'n/a'}.</p>`,
    chart,
  ];
  if (health.fixFirst.length > 0) {
    parts.push(
      table(
        ['fix first: measure losing most points', 'accounts'],
        health.fixFirst.map((entry) => [entry.measure, String(entry.accounts)]),
      ),
    );
  }
  if (health.lowestScores.length > 0) {
    parts.push(
      table(
        ['lowest-scoring account', 'score', 'band'],
        health.lowestScores.map((entry) => [entry.customerId, entry.score.toFixed(1), entry.band ?? 'n/a']),
      ),
    );
  }
  return section('Health', parts.join('\n'));
}

function section(title: string, body: string): string {
  return `<section>\n<h2>${svgEscape(title)}</h2>\n${body}\n</section>`;
}

function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const head = header.map((cell) => `<th>${svgEscape(cell)}</th>`).join('');
  const rows = body.map((cells) => `<tr>${cells.map((cell) => `<td>${svgEscape(cell)}</td>`).join('')}</tr>`);
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
