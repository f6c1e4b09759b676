import type { Decimal } from '../core/internal/decimal.js';
import type { Report, ReportPeriodRow } from '../io/types.js';
import type { SegmentPeriodMovements } from '../revenue/types.js';

// The wording and number formats the text and HTML reports share, so the two never disagree. Formats are
// fixed (toFixed), never locale-dependent.

/** Column titles of the period table; with snapshot-date currency conversion an `fx` column follows churned. @private */
export function periodTableHeader(report: Report): string[] {
  return withFx(report, PERIOD_TABLE_HEADER, 'fx');
}

const PERIOD_TABLE_HEADER: readonly string[] = [
  'period',
  'start MRR',
  'new',
  'expansion',
  'reactiv.',
  'contraction',
  'churned',
  'end MRR',
  'cust.',
  'cust. churn',
  'NRR',
  'GRR',
  'quick',
];

/** One row of the period table, formatted (as {@link periodTableHeader}). @private */
export function periodTableRow(report: Report, row: ReportPeriodRow): string[] {
  return withFx(report, periodCells(row), money(row.fxImpactMrr));
}

// Under 'periodStart' (or without currencies) fxImpactMrr is zero in every period: the column is left out.
function withFx(report: Report, cells: readonly string[], fx: string): string[] {
  if (report.currency?.rateDate !== 'snapshot') return [...cells];
  return [...cells.slice(0, 7), fx, ...cells.slice(7)];
}

function periodCells(row: ReportPeriodRow): string[] {
  return [
    row.partial ? `${row.start} (partial)` : row.start,
    money(row.startingMrr),
    money(row.newMrr),
    money(row.expansionMrr),
    money(row.reactivationMrr),
    money(row.contractionMrr),
    money(row.churnedMrr),
    money(row.endingMrr),
    String(row.endingCustomers),
    percent(row.customerChurnRate),
    percent(row.netRevenueRetention),
    percent(row.grossRevenueRetention),
    ratio(row.quickRatio),
  ];
}

/**
 * Column titles of a segment's table: the movements, the transfers between segments, FX (with snapshot-date
 * conversion only), end. @private
 */
export function segmentTableHeader(report: Report): string[] {
  return withSegmentFx(report, SEGMENT_TABLE_HEADER, 'fx');
}

const SEGMENT_TABLE_HEADER: readonly string[] = [
  'period',
  'start MRR',
  'new',
  'expansion',
  'reactiv.',
  'contraction',
  'churned',
  'transfer in',
  'transfer out',
  'fx',
  'end MRR',
  'cust.',
];

/** One row of a segment's table, formatted (as {@link segmentTableHeader}). @private */
export function segmentTableRow(report: Report, row: SegmentPeriodMovements): string[] {
  return withSegmentFx(report, segmentCells(row), money(row.fxImpactMrr));
}

function withSegmentFx(report: Report, cells: readonly string[], fx: string): string[] {
  if (report.currency?.rateDate !== 'snapshot') return cells.filter((_, column) => column !== 9);
  return [...cells.slice(0, 9), fx, ...cells.slice(10)];
}

function segmentCells(row: SegmentPeriodMovements): string[] {
  return [
    row.start,
    money(row.startingMrr),
    money(row.newMrr),
    money(row.expansionMrr),
    money(row.reactivationMrr),
    money(row.contractionMrr),
    money(row.churnedMrr),
    money(row.transferInMrr),
    money(row.transferOutMrr),
    money(row.fxImpactMrr),
    money(row.endingMrr),
    String(row.endingCustomers),
  ];
}

/**
 * The last period's ending MRR per segment and their share of the total, as [label, value] pairs: the
 * one-line answer to "where is our MRR". @private
 */
export function segmentFacts(report: Report): [string, string][] {
  const total = report.periods.at(-1)?.endingMrr;
  return (report.segments ?? []).map(({ segment, periods }) => {
    const ending = periods.at(-1)?.endingMrr ?? null;
    const share = ending === null || total === undefined || total.isZero() ? null : ending.div(total);
    return [`MRR in ${segment}`, `${money(ending)} (${percent(share)})`];
  });
}

/** The point-in-time figures as [label, value] pairs: revenue, unit economics, NPS, time to value. @private */
export function reportFacts(report: Report): [string, string][] {
  const s = report.summary;
  const unit = report.currency === null ? '' : ` (${report.currency.reporting})`;
  const facts: [string, string][] = [
    [`MRR${unit}`, money(s.mrr)],
    ['Paying customers', s.customers === null ? 'n/a' : String(s.customers)],
    ['ARPA', money(s.arpa)],
    [churnLabel(report), percent(s.monthlyCustomerChurnRate)],
    [`LTV (ARPA per month × margin ${s.grossMargin} / monthly churn)`, money(s.lifetimeValue)],
    ['Trailing 12-month NRR', percent(s.trailingNetRevenueRetention)],
    ['Trailing 12-month GRR', percent(s.trailingGrossRevenueRetention)],
  ];
  if (s.customerAcquisitionCost !== null || s.cacPaybackMonths !== null) {
    facts.push(['CAC (last 3 months)', money(s.customerAcquisitionCost)]);
    facts.push(['CAC payback (months)', s.cacPaybackMonths === null ? 'n/a' : s.cacPaybackMonths.toFixed(1)]);
  }
  if (report.nps !== null) {
    const { lower, upper, score, responses } = report.nps;
    const interval =
      lower === null || upper === null
        ? ''
        : ` (95 % CI ${lower.toFixed(1)} to ${upper.toFixed(1)}, adjusted Wald)`;
    facts.push([
      `NPS, last 12 months (${responses} answers)`,
      `${score === null ? 'n/a' : score.toFixed(1)}${interval}`,
    ]);
  }
  if (report.timeToValue !== null) {
    const t = report.timeToValue;
    facts.push([
      `Time to value (${t.reached}/${t.customers} reached)`,
      `median ${days(t.median)}, p75 ${days(t.p75)}, p90 ${days(t.p90)} (ignoring those still waiting: ${days(t.naiveMedian)})`,
    ]);
  }
  return facts;
}

/**
 * The note under the period table when the last period is cut short by the report's as-of day, or null.
 *
 * @private
 */
export function partialPeriodNote(report: Report): string | null {
  const last = report.periods.at(-1);
  if (last === undefined || !last.partial || report.asOf === null) return null;
  return `(partial): the last ${report.granularity} is measured from ${last.start} to ${report.asOf}, the last day of the data, not to its end`;
}

// Months per period as the docs write them (the Decimal's 40 digits say less).
const MONTHS_PER_PERIOD_TEXT: Readonly<Record<Report['granularity'], string>> = {
  day: '1/30.436875',
  week: '7/30.436875',
  month: '1',
  quarter: '3',
  year: '12',
};

function churnLabel(report: Report): string {
  const window = report.summary.churnWindow;
  if (window === null) return 'Customer churn per month';
  const unit = window.granularity;
  const span = `${window.periods} ${unit}${window.periods === 1 ? '' : 's'} ${window.from} to ${window.to}`;
  if (unit === 'month') return `Customer churn per month (average of ${span})`;
  return `Customer churn per month (${span}, each q → 1 − (1 − q)^(1/L), L = ${MONTHS_PER_PERIOD_TEXT[unit]} months)`;
}

/** Money with two decimals, or n/a. @private */
export function money(value: Decimal | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

/** A ratio as a percentage with one decimal, or n/a. @private */
export function percent(value: Decimal | null): string {
  return value === null ? 'n/a' : `${value.times(100).toFixed(1)} %`;
}

function ratio(value: Decimal | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

function days(value: number | null): string {
  return value === null ? 'n/a' : `${Number(value.toFixed(1))} days`;
}
