import { toCalendarDate } from '../core/calendarDate.js';
import { MetricInputError } from '../core/errors.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { DateLike } from '../core/types.js';
import { trailingStart } from '../revenue/internal/trailingStart.js';
import type { TrailingRevenueRetention } from '../revenue/types.js';
import { copySqlOptions } from './internal/copyOptions.js';
import { periodStartSourceSql } from './internal/currencyConversionSql.js';
import { INPUT_CHECKED, resolvePeriodStartSqlCurrency } from './internal/currencySql.js';
import { sqlIsoDate, sqlPlainNumber } from './internal/sqlRowValues.js';
import { sqlSource } from './internal/sqlSource.js';
import { resolveColumns, resolveMrrScale } from './internal/subscriptionPeriodsSql.js';
import type { MrrMovementsSqlRow } from './periodMovementsFromSqlRows.js';
import { revenueRatesSql } from './revenueRatesSql.js';
import { SQL_DIALECTS, type SqlDialect } from './sqlDialect.js';
import type { MrrMovementsSqlColumns, MrrMovementsSqlCurrency } from './types.js';

/**
 * Options of {@link trailingRevenueRetentionSql}: where the subscription periods are, and the options of
 * `trailingNetRevenueRetention` / `trailingGrossRevenueRetention`.
 *
 * @category SQL
 */
export interface TrailingRevenueRetentionSqlOptions {
  /** The engine the SQL is written for. */
  readonly dialect: SqlDialect;
  /** A table name (optionally `schema.table`) or one parenthesised subquery, as in `mrrMovementsSql`. */
  readonly source: string;
  /**
   * Column names; defaults `customer_id`, `start_date`, `end_date`, `mrr`, and `currency` (read only with the
   * `currency` option).
   */
  readonly columns?: MrrMovementsSqlColumns;
  /** The day retention is measured on (a `Date` is read in UTC). Required. */
  readonly asOf: DateLike;
  /** How far back the cohort is taken, a whole number of months >= 1; default `12`. */
  readonly months?: number;
  /** Decimal places money is computed with (`DECIMAL(38, mrrScale)`), 0 … 18; default `6`. */
  readonly mrrScale?: number;
  /** Decimal places of the two rate columns, truncated toward zero, 0 … 18; default `12`. */
  readonly rateScale?: number;
  /**
   * Converts rows in several currencies into `reporting`, as `mrrMovementsSql`'s option does, each row at the
   * rate in effect on its start: `rateDate` must be `'periodStart'` (its default), as in
   * `trailingNetRevenueRetention`. Default: none (the `currency` column is not read).
   */
  readonly currency?: MrrMovementsSqlCurrency;
}

/**
 * Trailing net and gross revenue retention read from one row of {@link trailingRevenueRetentionSql}.
 *
 * @category SQL
 */
export interface TrailingRevenueRetentionPair {
  /** As `trailingNetRevenueRetention` returns it. */
  readonly net: TrailingRevenueRetention;
  /** As `trailingGrossRevenueRetention` returns it. */
  readonly gross: TrailingRevenueRetention;
}

const OPTION_KEYS = new Set([
  'dialect',
  'source',
  'columns',
  'asOf',
  'months',
  'mrrScale',
  'rateScale',
  'currency',
]);
const FIRST_DAY = '1000-01-01';

/**
 * One SQL `SELECT` that computes trailing net and gross revenue retention inside DuckDB or PostgreSQL, with the
 * semantics of `trailingNetRevenueRetention` and `trailingGrossRevenueRetention`. It returns ONE row: `start_day`,
 * `as_of` (DATE), `starting_mrr`, `ending_mrr_net`, `ending_mrr_gross` (`DECIMAL(38, mrrScale)`),
 * `starting_customers`, `retained_customers` (BIGINT), `net_revenue_retention`, `gross_revenue_retention`
 * (`DECIMAL(38, rateScale)`, truncated toward zero).
 *
 * A customer's MRR on a day is the sum of its rows active that day (`start` <= day < `end`, NULL end = still
 * active). The start day is `asOf` minus `months` calendar months, computed here by `addCalendarMonths` (month end
 * clamped) and written into the query as a DATE literal, so both engines use the library's own calendar. The
 * cohort is the customers with MRR > 0 on the start day; the rates come from `revenueRatesSql` over the cohort's
 * movement from the start day to `asOf` (expansion = Σ max(0, end − start), contraction and churn = Σ max(0,
 * start − end)), so they are the same exact divisions.
 *
 * Formula: net = Σ mrr(c, asOf) / Σ mrr(c, start); gross = Σ min(mrr(c, asOf), mrr(c, start)) / Σ mrr(c, start),
 * over the customers c with mrr(c, start) > 0.
 * Units: MRR as exact DECIMAL in the source's currency; customers as counts; rates as ratios (1.05 = 105 %).
 * Source: the definitions of `trailingNetRevenueRetention` / `trailingGrossRevenueRetention`
 * (docs/revenue-cohorts.md, docs/sql.md); the equality with them is a property test.
 * With `currency: { reporting, rates, rateColumns?, rateDate? }` each row of the source's `currency` column (NULL =
 * the reporting currency) is converted once at the rate in effect on its start, exactly as `mrrMovementsSql` does
 * under `'periodStart'` (a foreign row with no rate then stops the query with `missing_exchange_rate: …`, also
 * one outside the window, as the TypeScript twins convert every row; a bad rate with `invalid_exchange_rate: …`);
 * `rateDate: 'snapshot'` is refused, as by the TypeScript twins. Without the option, rows in several currencies
 * stop it with `mixed_currencies: …` (see `mrrMovementsSql`).
 *
 * Edge cases: nobody paying on the start day gives starting_mrr 0 and both rates NULL; names are validated and
 * quoted as by `mrrMovementsSql` (`invalid_value`); a missing `asOf` is `missing_field`, a bad one `invalid_date`;
 * `months` not a whole number >= 1 is a MetricInputError, and so is a start day before 1000-01-01
 * (`out_of_range`); unknown options are `unknown_field` (also `columns.currency` without the `currency` option);
 * `rateDate: 'snapshot'` is `invalid_option`.
 *
 * @category SQL
 * @example
 * const sql = trailingRevenueRetentionSql({ dialect: 'duckdb', source: 'subscriptions', asOf: '2024-03-31', months: 1 })
 * sql.includes("DATE '2024-02-29' AS start_day")
 * //=> true
 * trailingRevenueRetentionSql({ dialect: 'postgres', source: 'subscriptions', asOf: '2024-03-31', currency: { reporting: 'EUR', rates: 'fx_rates' } }).includes('FROM converted_periods')
 * //=> true
 */
export function trailingRevenueRetentionSql(input: TrailingRevenueRetentionSqlOptions): string {
  const options = copySqlOptions(input);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const dialect = oneOf(options.dialect, SQL_DIALECTS, ['options', 'dialect']);
  const source = sqlSource(options.source, ['options', 'source']);
  const currency = resolvePeriodStartSqlCurrency(options.currency);
  const columns = resolveColumns(options.columns, currency === undefined ? [] : ['currency']);
  if (options.asOf === undefined) {
    throw new MetricInputError({
      code: 'missing_field',
      path: ['options', 'asOf'],
      expected: 'the day to measure on, "YYYY-MM-DD" or a Date',
      received: 'undefined',
    });
  }
  const asOf = toCalendarDate(options.asOf, ['options', 'asOf']);
  const { start } = trailingStart(asOf, options.months);
  // A start outside the library's calendar would not be a 'YYYY-MM-DD' literal both engines read the same way.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || start < FIRST_DAY) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'months'],
      expected: `a number of months that starts the cohort on or after ${FIRST_DAY}`,
      received: describeValue(options.months),
    });
  }
  const mrrScale = resolveMrrScale(options.mrrScale);
  const money = `DECIMAL(38, ${mrrScale})`;
  // Only validated ISO dates reach the text, as DATE literals.
  const startDay = `DATE '${start}'`;
  const asOfDay = `DATE '${asOf}'`;
  const mrrOn = (day: string) =>
    `SUM(CASE WHEN start_date <= ${day} AND (end_date IS NULL OR end_date > ${day}) THEN mrr ELSE 0 END)`;
  const cohortMovement = `(SELECT ${startDay} AS period_start, ${asOfDay} AS period_end, starting_mrr,
    0 AS new_mrr, ending_mrr_net - ending_mrr_gross AS expansion_mrr,
    starting_mrr - ending_mrr_gross AS contraction_mrr, 0 AS churned_mrr, 0 AS reactivation_mrr,
    starting_customers, 0 AS new_customers, starting_customers - retained_customers AS churned_customers
  FROM cohort_totals)`;
  const rates = revenueRatesSql({
    dialect,
    source: cohortMovement,
    mrrScale,
    ...(options.rateScale === undefined ? {} : { rateScale: options.rateScale as number }),
  });
  const { ctes, periods } = periodStartSourceSql(dialect, source, columns, money, currency);
  return `WITH ${ctes}
customer_mrr AS (
  SELECT customer_id,
    ${mrrOn(startDay)} AS starting_mrr,
    ${mrrOn(asOfDay)} AS ending_mrr
  FROM ${periods}
  WHERE start_date <= ${asOfDay} AND (end_date IS NULL OR end_date > ${startDay})
  GROUP BY customer_id
),
cohort_totals AS (
  SELECT COALESCE(SUM(starting_mrr), 0) AS starting_mrr,
    COALESCE(SUM(ending_mrr), 0) AS ending_mrr_net,
    COALESCE(SUM(CASE WHEN ending_mrr < starting_mrr THEN ending_mrr ELSE starting_mrr END), 0) AS ending_mrr_gross,
    COUNT(*) AS starting_customers,
    COUNT(CASE WHEN ending_mrr > 0 THEN 1 END) AS retained_customers
  FROM customer_mrr
  WHERE starting_mrr > 0
),
cohort_rates AS (
${rates}
)
SELECT ${startDay} AS start_day,
  ${asOfDay} AS as_of,
  CAST(starting_mrr AS ${money}) AS starting_mrr,
  CAST(ending_mrr_net AS ${money}) AS ending_mrr_net,
  CAST(ending_mrr_gross AS ${money}) AS ending_mrr_gross,
  CAST(starting_customers AS BIGINT) AS starting_customers,
  CAST(retained_customers AS BIGINT) AS retained_customers,
  net_revenue_retention,
  gross_revenue_retention
FROM cohort_totals
CROSS JOIN cohort_rates
WHERE ${INPUT_CHECKED}`;
}

/**
 * Turns the row of {@link trailingRevenueRetentionSql} (as DuckDB or `pg` return it) into the results of
 * `trailingNetRevenueRetention` and `trailingGrossRevenueRetention`: exact Decimals for money, numbers for counts,
 * ISO dates. Each `value` is recomputed from the exact sums, so it equals the TypeScript value to the last digit
 * (the SQL rate columns are truncated to `rateScale` places).
 *
 * Formula: net.value = ending_mrr_net / starting_mrr; gross.value = ending_mrr_gross / starting_mrr.
 * Units: as in `trailingNetRevenueRetention`. Source: the column list of docs/sql.md.
 * Edge cases: starting_mrr 0 gives both values null; money read as a decimal string stays exact (read DECIMAL
 * columns as strings); a date that is not a `'YYYY-MM-DD'` string is `invalid_type` or `invalid_date`, a negative
 * or fractional count or amount is a MetricInputError naming the column.
 *
 * @category SQL
 * @example
 * const pair = trailingRevenueRetentionFromSqlRow({ start_day: '2023-06-30', as_of: '2024-06-30', starting_mrr: '200.000000', ending_mrr_net: '150.000000', ending_mrr_gross: '100.000000', starting_customers: 2n, retained_customers: 1n })
 * pair.net.value?.toString()
 * //=> '0.75'
 * pair.gross.value?.toString()
 * //=> '0.5'
 * pair.gross.retainedCustomers
 * //=> 1
 */
export function trailingRevenueRetentionFromSqlRow(row: MrrMovementsSqlRow): TrailingRevenueRetentionPair {
  assertObject(row, ['row']);
  const start = sqlIsoDate(row.start_day, ['start_day']);
  const asOf = sqlIsoDate(row.as_of, ['as_of']);
  const startingMrr = toDecimal(sqlPlainNumber(row.starting_mrr), ['starting_mrr'], 'nonNegative');
  const net = toDecimal(sqlPlainNumber(row.ending_mrr_net), ['ending_mrr_net'], 'nonNegative');
  const gross = toDecimal(sqlPlainNumber(row.ending_mrr_gross), ['ending_mrr_gross'], 'nonNegative');
  const startingCustomers = toCount(sqlPlainNumber(row.starting_customers), ['starting_customers']);
  const retainedCustomers = toCount(sqlPlainNumber(row.retained_customers), ['retained_customers']);
  const shared = { start, asOf, startingMrr, startingCustomers, retainedCustomers };
  return {
    net: { value: ratioOrNull(net, startingMrr), ...shared, endingMrr: net },
    gross: { value: ratioOrNull(gross, startingMrr), ...shared, endingMrr: gross },
  };
}
