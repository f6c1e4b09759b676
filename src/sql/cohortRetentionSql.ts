import { MetricInputError } from '../core/errors.js';
import { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { IsoDate } from '../core/types.js';
import { GRANULARITIES, type Granularity } from '../core/types.js';
import type {
  CohortRetentionBasis,
  CohortRetentionCell,
  CohortRetentionOptions,
  CohortRetentionResult,
  CohortRetentionRow,
} from '../revenue/cohortRetention.js';
import { copySqlOptions } from './internal/copyOptions.js';
import { periodStartSourceSql } from './internal/currencyConversionSql.js';
import { INPUT_CHECKED, resolvePeriodStartSqlCurrency } from './internal/currencySql.js';
import { exactRatio } from './internal/exactRatio.js';
import { integerSeries } from './internal/integerSeries.js';
import { periodIndexSql } from './internal/periodIndexSql.js';
import { reportRangeSql } from './internal/reportRangeSql.js';
import { sqlIsoDate, sqlPlainNumber } from './internal/sqlRowValues.js';
import { sqlSource } from './internal/sqlSource.js';
import { resolveColumns, resolveMrrScale } from './internal/subscriptionPeriodsSql.js';
import type { MrrMovementsSqlRow } from './periodMovementsFromSqlRows.js';
import { SQL_DIALECTS, type SqlDialect } from './sqlDialect.js';
import type { MrrMovementsSqlColumns, MrrMovementsSqlCurrency } from './types.js';

/**
 * Options of {@link cohortRetentionSql}: where the subscription periods are, and the options of
 * `cohortRetention` except `timeZone` (the date columns are read as SQL DATEs; a `Date` option is read in UTC).
 *
 * @category SQL
 */
export interface CohortRetentionSqlOptions
  extends Pick<CohortRetentionOptions, 'granularity' | 'weekStartsOn' | 'basis' | 'from' | 'to'> {
  /** The engine the SQL is written for. */
  readonly dialect: SqlDialect;
  /** A table name (optionally `schema.table`) or one parenthesised subquery, as in `mrrMovementsSql`. */
  readonly source: string;
  /**
   * Column names; defaults `customer_id`, `start_date`, `end_date`, `mrr`, and `currency` (read only with the
   * `currency` option).
   */
  readonly columns?: MrrMovementsSqlColumns;
  /** Decimal places money is computed with (`DECIMAL(38, mrrScale)`), 0 … 18; default `6`. */
  readonly mrrScale?: number;
  /** Decimal places of the `retention` column, truncated toward zero, 0 … 18; default `12`. */
  readonly rateScale?: number;
  /**
   * Converts rows in several currencies into `reporting`, as `mrrMovementsSql`'s option does, each row at the
   * rate in effect on its start: `rateDate` must be `'periodStart'` (its default), as in `cohortRetention`.
   * Default: none (the `currency` column is not read).
   */
  readonly currency?: MrrMovementsSqlCurrency;
}

/**
 * Options of {@link cohortRetentionFromSqlRows}: the two options of the query that label the result.
 *
 * @category SQL
 */
export interface CohortRetentionFromSqlRowsOptions {
  /** The basis the query was written with; default `'customers'`. */
  readonly basis?: CohortRetentionBasis;
  /** The granularity the query was written with; default `'month'`. */
  readonly granularity?: Granularity;
}

const OPTION_KEYS = new Set([
  'dialect',
  'source',
  'columns',
  'granularity',
  'weekStartsOn',
  'basis',
  'from',
  'to',
  'mrrScale',
  'rateScale',
  'currency',
]);
const BASES: readonly CohortRetentionBasis[] = ['customers', 'revenue'];

/**
 * One SQL `SELECT` that computes the cohort retention matrix of `cohortRetention` inside DuckDB or PostgreSQL:
 * one row per cell, ordered by cohort then age, with columns `cohort_start`, `period_start` (DATE), `age`
 * (BIGINT), `cohort_size` (BIGINT), `starting_mrr` (`DECIMAL(38, mrrScale)`), `customers` (BIGINT), `mrr`
 * (`DECIMAL(38, mrrScale)`) and `retention` (`DECIMAL(38, rateScale)`, truncated toward zero, NULL for an empty
 * cohort). Every cohort of the range has its cells, empty cohorts included, so the rows form the triangle of
 * `cohortRetention`.
 *
 * A customer's snapshot in a period is the sum of its rows active on the period's last day (`start` inclusive,
 * `end` exclusive, NULL end = still active). Its cohort is the first period whose snapshot is > 0, looked up over
 * all the data (customers who first paid before the range are left out). A cell counts the cohort's customers
 * with snapshot > 0 and sums their snapshots. The query works on change points only, as `mrrMovementsSql` does:
 * each paying stretch of a customer adds itself to its cohort's row where it starts and removes itself where it
 * ends, and running sums along each cohort row give the cells, so its cost grows with the rows plus the cells,
 * never with customers × periods.
 *
 * Formula: retention(cohort, age) = customers(age) / cohort_size (basis `'customers'`), or mrr(age) /
 * starting_mrr (basis `'revenue'`); cohort_size = customers(0), starting_mrr = mrr(0).
 * Units: counts; MRR as exact DECIMAL in the source's currency; retention as a ratio (1.1 = 110 %).
 * Source: the definitions of `cohortRetention` (docs/revenue-cohorts.md, docs/sql.md); the equality with it is a
 * property test on DuckDB and PostgreSQL.
 * With `currency: { reporting, rates, rateColumns?, rateDate? }` each row of the source's `currency` column (NULL =
 * the reporting currency) is converted once at the rate in effect on its start, exactly as `mrrMovementsSql` does
 * under `'periodStart'` (a foreign row with no rate then stops the query with `missing_exchange_rate: …`, also
 * one after `to`, as `cohortRetention` converts every row; a bad rate with `invalid_exchange_rate: …`);
 * `rateDate: 'snapshot'` is refused, as by `cohortRetention`. Without the option, rows in several currencies stop
 * it with `mixed_currencies: …` (see `mrrMovementsSql`).
 *
 * Edge cases: an empty source without from/to gives no rows; an empty cohort gives cells of zeros with retention
 * NULL; names are validated and quoted as by `mrrMovementsSql` (`invalid_value`); `from`/`to` must be real dates
 * (`invalid_date`) with `from` <= `to` (`end_before_start`); unknown options are `unknown_field` (also
 * `columns.currency` without the `currency` option); `rateDate: 'snapshot'` is `invalid_option`.
 *
 * @category SQL
 * @example
 * const sql = cohortRetentionSql({ dialect: 'duckdb', source: 'subscriptions', basis: 'revenue', from: '2024-01-01' })
 * sql.startsWith('WITH subscription_periods AS')
 * //=> true
 * sql.includes('AS retention')
 * //=> true
 * cohortRetentionSql({ dialect: 'duckdb', source: 'subscriptions', currency: { reporting: 'USD', rates: 'fx_rates' } }).includes('converted_periods AS')
 * //=> true
 */
export function cohortRetentionSql(input: CohortRetentionSqlOptions): string {
  const options = copySqlOptions(input);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const dialect = oneOf(options.dialect, SQL_DIALECTS, ['options', 'dialect']);
  const source = sqlSource(options.source, ['options', 'source']);
  const currency = resolvePeriodStartSqlCurrency(options.currency);
  const columns = resolveColumns(options.columns, currency === undefined ? [] : ['currency']);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, ['options', 'granularity']);
  const weekStartsOn = oneOf(options.weekStartsOn ?? 1, [0, 1, 2, 3, 4, 5, 6] as const, [
    'options',
    'weekStartsOn',
  ]);
  const basis = oneOf(options.basis ?? 'customers', BASES, ['options', 'basis']);
  const mrrScale = resolveMrrScale(options.mrrScale);
  const rateScale = resolveRateScale(options.rateScale);
  const { fromDay, toDay } = reportRangeSql(options);
  const money = `DECIMAL(38, ${mrrScale})`;
  const period = periodIndexSql(dialect, granularity, weekStartsOn);
  const retention =
    basis === 'customers'
      ? exactRatio(dialect, 'customers', 'cohort_size', 0, rateScale)
      : exactRatio(dialect, 'mrr', 'starting_mrr', mrrScale, rateScale);
  const byCustomer = 'PARTITION BY customer_id ORDER BY period_index';
  const { ctes, periods } = periodStartSourceSql(dialect, source, columns, money, currency);
  return `WITH ${ctes}
data_range AS (
  SELECT MIN(start_date) AS first_day, MAX(COALESCE(end_date, start_date)) AS last_day
  FROM subscription_periods
),
report_end AS (
  SELECT first_day, ${toDay} AS to_day
  FROM data_range
),
bounds AS (
  SELECT ${period.indexOf(fromDay)} AS range_first,
    ${period.indexOf('to_day')} AS range_last
  FROM report_end
),
events AS (
  SELECT customer_id, ${period.indexOf('start_date')} AS period_index, mrr AS delta_mrr
  FROM ${periods}
  UNION ALL
  SELECT customer_id, ${period.indexOf('end_date')} AS period_index, -mrr AS delta_mrr
  FROM ${periods}
  WHERE end_date IS NOT NULL
),
changes AS (
  SELECT customer_id, period_index, SUM(delta_mrr) AS delta_mrr
  FROM events
  WHERE period_index <= (SELECT range_last FROM bounds)
  GROUP BY customer_id, period_index
  HAVING SUM(delta_mrr) <> 0
),
states AS (
  SELECT customer_id, period_index,
    SUM(delta_mrr) OVER (${byCustomer} ROWS UNBOUNDED PRECEDING) AS mrr,
    LEAD(period_index) OVER (${byCustomer}) AS next_index
  FROM changes
),
paying AS (
  SELECT customer_id, period_index, next_index, mrr,
    MIN(period_index) OVER (PARTITION BY customer_id) AS cohort_index
  FROM states
  WHERE mrr > 0
),
cell_changes AS (
  SELECT cohort_index, period_index, 1 AS delta_customers, mrr AS delta_mrr
  FROM paying
  WHERE cohort_index >= (SELECT range_first FROM bounds)
  UNION ALL
  SELECT cohort_index, next_index AS period_index, -1 AS delta_customers, -mrr AS delta_mrr
  FROM paying
  WHERE cohort_index >= (SELECT range_first FROM bounds) AND next_index IS NOT NULL
),
cell_sums AS (
  SELECT cohort_index, period_index, SUM(delta_customers) AS delta_customers, SUM(delta_mrr) AS delta_mrr
  FROM cell_changes
  GROUP BY cohort_index, period_index
),
cohort_grid AS (
  SELECT ${integerSeries(dialect, 'range_first', 'range_last')} AS cohort_index, range_last
  FROM bounds
),
cell_grid AS (
  SELECT cohort_index, ${integerSeries(dialect, 'cohort_index', 'range_last')} AS period_index
  FROM cohort_grid
),
cells AS (
  SELECT cell_grid.cohort_index, cell_grid.period_index,
    SUM(COALESCE(delta_customers, 0)) OVER (PARTITION BY cell_grid.cohort_index ORDER BY cell_grid.period_index ROWS UNBOUNDED PRECEDING) AS customers,
    SUM(COALESCE(delta_mrr, 0)) OVER (PARTITION BY cell_grid.cohort_index ORDER BY cell_grid.period_index ROWS UNBOUNDED PRECEDING) AS mrr
  FROM cell_grid
  LEFT JOIN cell_sums ON cell_sums.cohort_index = cell_grid.cohort_index
    AND cell_sums.period_index = cell_grid.period_index
),
cohort_cells AS (
  SELECT cohort_index, period_index, customers, mrr,
    FIRST_VALUE(customers) OVER (PARTITION BY cohort_index ORDER BY period_index) AS cohort_size,
    FIRST_VALUE(mrr) OVER (PARTITION BY cohort_index ORDER BY period_index) AS starting_mrr
  FROM cells
)
SELECT ${period.startOf('cohort_index')} AS cohort_start,
  ${period.startOf('period_index')} AS period_start,
  CAST(period_index - cohort_index AS BIGINT) AS age,
  CAST(cohort_size AS BIGINT) AS cohort_size,
  CAST(starting_mrr AS ${money}) AS starting_mrr,
  CAST(customers AS BIGINT) AS customers,
  CAST(mrr AS ${money}) AS mrr,
  ${retention} AS retention
FROM cohort_cells
WHERE ${INPUT_CHECKED}
ORDER BY cohort_index, period_index`;
}

/**
 * Turns the rows of {@link cohortRetentionSql} (as DuckDB or `pg` return them) into the result of
 * `cohortRetention`: exact Decimals for money, numbers for counts, ISO dates, one row of cells per cohort. Each
 * `retention` is recomputed from the exact counts and sums, so it equals the TypeScript value to the last digit
 * (the SQL `retention` column is truncated to `rateScale` places).
 *
 * Formula: retention = customers / cohort_size (basis `'customers'`) or mrr / starting_mrr (basis `'revenue'`).
 * Units: as in `cohortRetention`. Source: the column list of docs/sql.md.
 * Edge cases: no rows give no cohorts; an empty cohort gives retention null; a date that is not a `'YYYY-MM-DD'`
 * string is `invalid_type` or `invalid_date`, a negative or fractional count or amount is a MetricInputError
 * naming `[row, column]`, and rows out of the query's order (a cohort's ages not 0, 1, 2 …) are `invalid_value`.
 *
 * @category SQL
 * @example
 * const result = cohortRetentionFromSqlRows([
 *   { cohort_start: '2024-01-01', period_start: '2024-01-01', age: 0n, cohort_size: 2n, starting_mrr: '150.000000', customers: 2n, mrr: '150.000000' },
 *   { cohort_start: '2024-01-01', period_start: '2024-02-01', age: 1n, cohort_size: 2n, starting_mrr: '150.000000', customers: 1n, mrr: '200.000000' },
 * ], { basis: 'revenue' })
 * result.cohorts[0].cells.map((cell) => cell.retention.toString())
 * //=> ['1', '1.333333333333333333333333333333333333333']
 */
export function cohortRetentionFromSqlRows(
  rows: readonly MrrMovementsSqlRow[],
  options: CohortRetentionFromSqlRowsOptions = {},
): CohortRetentionResult {
  assertArray(rows, ['rows']);
  assertObject(options, ['options']);
  assertKnownKeys(options, new Set(['basis', 'granularity']), ['options']);
  const basis = oneOf(options.basis ?? 'customers', BASES, ['options', 'basis']);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, ['options', 'granularity']);
  const cohorts: CohortRetentionRow[] = [];
  let current:
    | { cohortStart: IsoDate; size: number; startingMrr: Decimal; cells: CohortRetentionCell[] }
    | undefined;
  for (const [index, row] of rows.entries()) {
    assertObject(row, ['rows', index]);
    const cohortStart = sqlIsoDate(row.cohort_start, ['rows', index, 'cohort_start']);
    const age = toCount(sqlPlainNumber(row.age), ['rows', index, 'age']);
    if (current === undefined || current.cohortStart !== cohortStart) {
      current = {
        cohortStart,
        size: toCount(sqlPlainNumber(row.cohort_size), ['rows', index, 'cohort_size']),
        startingMrr: toDecimal(
          sqlPlainNumber(row.starting_mrr),
          ['rows', index, 'starting_mrr'],
          'nonNegative',
        ),
        cells: [],
      };
      cohorts.push(current);
    }
    if (age !== current.cells.length) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: ['rows', index, 'age'],
        expected: `age ${current.cells.length} of cohort ${cohortStart}, rows in the query's order`,
        received: String(age),
      });
    }
    const customers = toCount(sqlPlainNumber(row.customers), ['rows', index, 'customers']);
    const mrr = toDecimal(sqlPlainNumber(row.mrr), ['rows', index, 'mrr'], 'nonNegative');
    current.cells.push({
      age,
      periodStart: sqlIsoDate(row.period_start, ['rows', index, 'period_start']),
      customers,
      mrr,
      retention:
        basis === 'customers'
          ? ratioOrNull(new Decimal(customers), new Decimal(current.size))
          : ratioOrNull(mrr, current.startingMrr),
    });
  }
  return { basis, granularity, cohorts };
}

function resolveRateScale(rateScale: unknown): number {
  const scale = toCount(rateScale ?? 12, ['options', 'rateScale']);
  if (scale > 18) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'rateScale'],
      expected: 'a whole number from 0 to 18',
      received: String(scale),
    });
  }
  return scale;
}
