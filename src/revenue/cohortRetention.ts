import { fromDayNumber, toDayNumber } from '../core/calendarDate.js';
import { Decimal, exactSum, ZERO } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { resolveDateRange, resolvePeriodOptions } from '../core/internal/periodGrid.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { assertWeekInCalendar } from '../core/internal/weekCalendar.js';
import { listPeriods } from '../core/periods.js';
import type { DateLike, Granularity, IsoDate, Period, PeriodOptions } from '../core/types.js';
import { customerMrrSnapshots } from './internal/customerMrrSnapshots.js';
import { periodStartRates } from './internal/exchangeRates.js';
import { normalizeSubscriptionPeriods } from './internal/normalizeSubscriptionPeriods.js';
import {
  assertWorkWithin,
  MAX_COHORT_CELLS,
  MAX_REPORTED_PERIODS,
  periodCount,
} from './internal/workLimits.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';
import type { CurrencyOptions } from './types.js';

/**
 * What the retention ratio of a cohort cell measures: `'customers'` (logo retention: paying customers still
 * paying) or `'revenue'` (MRR retention: their MRR now over their MRR at age 0, expansion included).
 * Default `'customers'`.
 *
 * @category Revenue
 */
export type CohortRetentionBasis = 'customers' | 'revenue';

/**
 * Options of {@link cohortRetention}: the period options (granularity default `'month'`, weekStartsOn default
 * `1`, timeZone: see {@link DateLike}), the basis and the range of cohort periods.
 *
 * @category Revenue
 */
export interface CohortRetentionOptions extends PeriodOptions {
  /** Which ratio `retention` reports; default `'customers'`. */
  readonly basis?: CohortRetentionBasis;
  /** A day in the first cohort period; default: the period of the earliest `start` in the data. */
  readonly from?: DateLike;
  /**
   * A day in the last period shown; default: the period of the latest `start` or `end` in the data (the
   * period whose snapshot first shows the last change, so final churn shows), or `from`'s period if later.
   */
  readonly to?: DateLike;
  /**
   * Converts rows in several currencies into `reporting`, each row once at the rate in effect on its start
   * (`rateDate: 'periodStart'`, the only convention accepted here); default: none (one currency).
   */
  readonly currency?: CurrencyOptions;
}

/**
 * One cell of the cohort matrix: the cohort `age` periods after it was acquired.
 *
 * @category Revenue
 */
export interface CohortRetentionCell {
  /** Periods since the cohort period; 0 is the cohort period itself. */
  readonly age: number;
  /** First day of the calendar period of this cell. */
  readonly periodStart: IsoDate;
  /** Cohort customers paying (snapshot MRR > 0) at this age; a customer who left and came back counts again. */
  readonly customers: number;
  /** Sum of the cohort customers' snapshot MRR at this age, expansion included. */
  readonly mrr: Decimal;
  /** customers / size (basis `'customers'`) or mrr / startingMrr (basis `'revenue'`); null for an empty cohort. */
  readonly retention: Decimal | null;
}

/**
 * One row of the cohort matrix: the customers whose first paid snapshot fell in one period.
 *
 * @category Revenue
 */
export interface CohortRetentionRow {
  /** First day of the cohort period. */
  readonly cohortStart: IsoDate;
  /** Customers in the cohort (all paying at age 0). */
  readonly size: number;
  /** Their snapshot MRR at age 0. */
  readonly startingMrr: Decimal;
  /** Ages 0 … through the last period of the range: the rows form a triangle. */
  readonly cells: readonly CohortRetentionCell[];
}

/**
 * The cohort matrix, plain data that serialises to JSON (Decimals become strings).
 *
 * @category Revenue
 */
export interface CohortRetentionResult {
  readonly basis: CohortRetentionBasis;
  readonly granularity: Granularity;
  /** One row per period of the range, empty cohorts included, oldest first. */
  readonly cohorts: readonly CohortRetentionRow[];
}

const BASES: readonly CohortRetentionBasis[] = ['customers', 'revenue'];

/**
 * Cohort retention matrix: customers grouped by the period of their first paid snapshot, and how many of them
 * (or how much of their MRR) are still paying 0, 1, 2 … periods later.
 *
 * A period's snapshot is a customer's MRR on the period's last day (the sum of its periods active that day),
 * as in `mrrMovements`. A customer's cohort is the first period whose snapshot is > 0, looked up over all the
 * data, so with a later `from` the customers who first paid before it are left out, not re-assigned. A cell
 * counts the cohort customers whose snapshot is > 0 (a free plan is not retained), and sums their snapshot MRR.
 *
 * Formula: retention(cohort, age) = customers(age) / size, or mrr(age) / startingMrr for basis `'revenue'`.
 * Units: counts, currency per month (exact sums), and ratios (1.1 = 110 %, divided once); revenue retention may
 * exceed 1.
 * Source: ChartMogul's Customer Retention and Net MRR Retention cohorts (a cohort is the customers who started
 * paying in the same day, week, month, quarter or year); details and the conventions chosen where tools differ
 * in docs/revenue-cohorts.md.
 * Edge cases: an empty input without from/to gives no cohorts; a cohort period with nobody acquired gives a row
 * of zeros with retention null; a customer who churns and returns counts again at the later age, so a row is
 * not necessarily decreasing (each cell <= size holds); `to` before `from`, an unknown option or a bad row is a
 * MetricInputError, and so is a row `start` or `from` whose week (weekly periods) would start before 1000-01-01
 * (`out_of_range`), or a matrix of more than 500,000 cells (999 periods) or more than 20,000,000 customer
 * × period values (`out_of_range` at `['options', 'granularity']`, refused before any work).
 *
 * @category Revenue
 * @example
 * const result = cohortRetention(
 *   [
 *     { customerId: 'a', start: '2024-01-10', end: '2024-03-15', mrr: 100 },
 *     { customerId: 'b', start: '2024-01-20', mrr: 50 },
 *     { customerId: 'b', start: '2024-02-01', mrr: 50 },
 *   ],
 *   { basis: 'revenue' },
 * )
 * result.cohorts[0].cells.map((cell) => cell.retention.toString())
 * //=> ['1', '1.333333333333333333333333333333333333333', '0.6666666666666666666666666666666666666667']
 * result.cohorts[0].cells.map((cell) => cell.customers)
 * //=> [2, 2, 1]
 */
export function cohortRetention(
  subscriptions: readonly SubscriptionPeriod[],
  options: CohortRetentionOptions = {},
): CohortRetentionResult {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const resolved = resolvePeriodOptions(options);
  const basis = oneOf(options.basis ?? 'customers', BASES, ['options', 'basis']);
  const { from, to } = resolveDateRange(options, resolved.timeZone);
  const rates = periodStartRates(options.currency, resolved.timeZone);
  const rows = normalizeSubscriptionPeriods(subscriptions, resolved.timeZone, undefined, rates);
  // Weekly periods need the week of the first day to start within the calendar (from 1000-01-01 on).
  if (from !== undefined) assertWeekInCalendar(toDayNumber(from), resolved, ['options', 'from'], from);
  for (const row of rows) {
    assertWeekInCalendar(
      row.startDay,
      resolved,
      ['subscriptions', row.index, 'start'],
      fromDayNumber(row.startDay),
    );
  }

  const bounds = dataBounds(rows);
  const first = from ?? minDate(bounds?.first, to);
  const last = to ?? maxDate(bounds?.last, from);
  const result = { basis, granularity: resolved.granularity };
  // first and last are ISO strings already, so the zone is not needed to list the periods.
  const periodOptions = { granularity: resolved.granularity, weekStartsOn: resolved.weekStartsOn };
  if (first === undefined || last === undefined) return { ...result, cohorts: [] };

  // Refused before anything is listed: the matrix has n (n + 1) / 2 cells for n periods, and the snapshots
  // run over the whole history.
  const { granularity, weekStartsOn } = resolved;
  const span = { first: toDayNumber(first), last: toDayNumber(last), granularity };
  const periods = periodCount(span.first, span.last, granularity, weekStartsOn);
  assertWorkWithin((periods * (periods + 1)) / 2, MAX_COHORT_CELLS, 'cohort cells', span);
  const historyFirst = bounds !== undefined && bounds.first < first ? toDayNumber(bounds.first) : span.first;
  assertWorkWithin(
    periodCount(historyFirst, span.last, granularity, weekStartsOn),
    MAX_REPORTED_PERIODS,
    'periods of history (from the first row on)',
    { ...span, first: historyFirst },
    'a coarser granularity or an earlier `to`',
  );
  const range = listPeriods(first, last, periodOptions);
  // Cohorts are decided by the first paid snapshot over all the data, so snapshots start at the earlier of the
  // data and the range.
  const history =
    bounds !== undefined && bounds.first < first ? listPeriods(bounds.first, last, periodOptions) : range;
  const offset = history.length - range.length;
  const snapshots = customerMrrSnapshots(rows, history.map(lastDayOf), granularity);

  const matrix = range.map((_, cohort) => ({
    size: 0,
    customers: new Array<number>(range.length - cohort).fill(0),
    mrr: Array.from({ length: range.length - cohort }, (): Decimal[] => []),
  }));
  // Each cell collects its customers' snapshots and adds them once, exactly (exactSum), where a running
  // `plus` would round every partial sum to 40 significant digits.
  const customerIds = [...snapshots.keys()].sort();
  for (const customerId of customerIds) {
    const values = snapshots.get(customerId)!;
    const firstPaid = values.findIndex((value) => !value.isZero());
    if (firstPaid < offset) continue;
    const cohort = firstPaid - offset;
    const row = matrix[cohort]!;
    row.size += 1;
    for (let age = 0; age < row.customers.length; age += 1) {
      const value = values[firstPaid + age]!;
      if (value.isZero()) continue;
      row.customers[age]! += 1;
      row.mrr[age]!.push(value);
    }
  }

  return {
    ...result,
    cohorts: matrix.map((row, cohort) => {
      const mrr = row.mrr.map((values) => (values.length === 0 ? ZERO : exactSum(values)));
      const startingMrr = mrr[0]!;
      return {
        cohortStart: range[cohort]!.start,
        size: row.size,
        startingMrr,
        cells: row.customers.map((customers, age) => ({
          age,
          periodStart: range[cohort + age]!.start,
          customers,
          mrr: mrr[age]!,
          retention:
            basis === 'customers'
              ? ratioOrNull(new Decimal(customers), new Decimal(row.size))
              : ratioOrNull(mrr[age]!, startingMrr),
        })),
      };
    }),
  };
}

function dataBounds(
  rows: readonly { readonly startDay: number; readonly endDay: number | null }[],
): { first: IsoDate; last: IsoDate } | undefined {
  if (rows.length === 0) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    first = Math.min(first, row.startDay);
    last = Math.max(last, row.startDay, row.endDay ?? row.startDay);
  }
  return { first: fromDayNumber(first), last: fromDayNumber(last) };
}

function lastDayOf(period: Period): number {
  return toDayNumber(period.end) - 1;
}

function minDate(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

function maxDate(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'granularity',
  'weekStartsOn',
  'timeZone',
  'basis',
  'from',
  'to',
  'currency',
]);
