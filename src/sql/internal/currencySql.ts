import { assertKnownKeys, oneOf } from '../../core/internal/options.js';
import { currencyCode } from '../../revenue/internal/currencyCode.js';
import { snapshotRatesRefused } from '../../revenue/internal/exchangeRates.js';
import type { ExchangeRateDate } from '../../revenue/types.js';
import { quoteIdentifier } from '../quoteIdentifier.js';
import type { SqlDialect } from '../sqlDialect.js';
import type { ExchangeRateSqlColumns } from '../types.js';
import { copyOptions } from './copyOptions.js';
import { sqlSource } from './sqlSource.js';

const CURRENCY_KEYS = new Set(['reporting', 'rates', 'rateColumns', 'rateDate']);
const RATE_COLUMN_KEYS = new Set(['currency', 'date', 'rate']);

/**
 * Rates are read as `DECIMAL(38, 12)`: twelve places hold every published rate exactly (central banks publish
 * five or six significant digits) and leave 26 integer digits.
 *
 * @private
 */
export const RATE_TYPE = 'DECIMAL(38, 12)';

/**
 * The checked `currency` option of a SQL twin.
 *
 * @private
 */
export interface SqlCurrency {
  /** The reporting currency's code, validated as three capital letters, so it is safe as a SQL literal. */
  readonly reporting: string;
  /** The checked FROM item of the rates. */
  readonly rates: string;
  readonly rateColumns: Required<ExchangeRateSqlColumns>;
  readonly rateDate: ExchangeRateDate;
}

/**
 * Validates the `currency` option (strictly: unknown keys are `unknown_field` at `['options', 'currency', key]`).
 * `undefined` stays `undefined`.
 *
 * @private
 */
export function resolveSqlCurrency(input: unknown): SqlCurrency | undefined {
  if (input === undefined) return undefined;
  const path = ['options', 'currency'];
  const currency = copyOptions(input, path);
  assertKnownKeys(currency, CURRENCY_KEYS, path);
  const reporting = currencyCode(currency.reporting, [...path, 'reporting']);
  const rates = sqlSource(currency.rates, [...path, 'rates']);
  const rateColumns = { currency: 'currency', date: 'date', rate: 'rate' };
  if (currency.rateColumns !== undefined) {
    const given = copyOptions(currency.rateColumns, [...path, 'rateColumns']);
    assertKnownKeys(given, RATE_COLUMN_KEYS, [...path, 'rateColumns']);
    for (const key of ['currency', 'date', 'rate'] as const) {
      const name = given[key];
      if (name !== undefined) {
        quoteIdentifier(name, [...path, 'rateColumns', key], false);
        rateColumns[key] = name as string;
      }
    }
  }
  const rateDate = oneOf(currency.rateDate ?? 'periodStart', ['periodStart', 'snapshot'] as const, [
    ...path,
    'rateDate',
  ]);
  return { reporting, rates, rateColumns, rateDate };
}

/**
 * The `currency` option of a SQL twin that compares MRR on different days (cohorts, trailing retention): as
 * {@link resolveSqlCurrency}, but `rateDate: 'snapshot'` is refused with the TypeScript twins' own error
 * (`snapshotRatesRefused`: `invalid_option` at `['options', 'currency', 'rateDate']`).
 *
 * @private
 */
export function resolvePeriodStartSqlCurrency(currency: unknown): SqlCurrency | undefined {
  const resolved = resolveSqlCurrency(currency);
  if (resolved === undefined || resolved.rateDate === 'periodStart') return resolved;
  throw snapshotRatesRefused(resolved.rateDate);
}

/**
 * The select-list item of `subscription_periods` that reads the `currency` column (NULL = the reporting
 * currency) as text in capitals: codes compare case-insensitively (billing exports write `usd`), as the text
 * readers of the TypeScript engine read them.
 *
 * @private
 */
export function currencyColumnSql(column: string, currency: SqlCurrency): string {
  return `COALESCE(UPPER(TRIM(CAST(${quoteIdentifier(column, ['options', 'columns', 'currency'], false)} AS VARCHAR))), '${currency.reporting}') AS currency`;
}

/**
 * SQL that stops the query with an error whose message is `message` (a text expression), typed as `type` so it
 * fits a CASE branch: DuckDB's `error()`; PostgreSQL has no such function, so the message is cast to `type`,
 * which fails with "invalid input syntax for type numeric: \"…message…\"".
 *
 * @private
 */
export function sqlFailure(dialect: SqlDialect, message: string, type: string): string {
  return dialect === 'duckdb' ? `CAST(error(${message}) AS ${type})` : `CAST(${message} AS ${type})`;
}

/**
 * The CTE `exchange_rates` (currency, rate_date, rate, next_date: the currency's next rate date or NULL): the
 * caller's rates, each checked as it is read: a NULL
 * field, a rate <= 0, a rate for the reporting currency or two rates of one currency on one day stop the query
 * with an error starting `invalid_exchange_rate:`.
 *
 * @private
 */
export function exchangeRatesCte(dialect: SqlDialect, currency: SqlCurrency): string {
  const column = (key: keyof ExchangeRateSqlColumns) =>
    quoteIdentifier(currency.rateColumns[key], ['options', 'currency', 'rateColumns', key], false);
  const invalid = sqlFailure(
    dialect,
    `'invalid_exchange_rate: ' || COALESCE(currency, 'NULL') || ' on ' || COALESCE(CAST(rate_date AS VARCHAR), 'NULL') || ` +
      `' (a rate must be > 0, one per currency and day, and not for the reporting currency ${currency.reporting})'`,
    RATE_TYPE,
  );
  return `read_rates AS (
  SELECT UPPER(TRIM(CAST(${column('currency')} AS VARCHAR))) AS currency, CAST(${column('date')} AS DATE) AS rate_date,
    CAST(${column('rate')} AS ${RATE_TYPE}) AS rate
  FROM ${currency.rates} AS rate_rows
),
exchange_rates AS (
  SELECT currency, rate_date,
    CASE WHEN currency IS NULL OR rate_date IS NULL OR rate IS NULL OR rate <= 0 OR currency = '${currency.reporting}'
      OR COUNT(*) OVER (PARTITION BY currency, rate_date) > 1 THEN ${invalid} ELSE rate END AS rate,
    LEAD(rate_date) OVER (PARTITION BY currency ORDER BY rate_date) AS next_date
  FROM read_rates
)`;
}

/**
 * A FROM-clause fragment joining `left` (an alias with columns `currency` and the DATE column `day`) to the rate in
 * effect on that day, as `alias.rate` (NULL when the currency has no rate on or before it): DuckDB's ASOF join;
 * in PostgreSQL an equi-join on the currency filtered to the rate's validity (`rate_date` up to the day before the
 * currency's next rate), which the planner costs as an ordinary join (a LATERAL `ORDER BY … LIMIT 1` was costed
 * so high that PostgreSQL's JIT compiler spent seconds on a query of two rows).
 *
 * @private
 */
export function rateInEffectJoin(dialect: SqlDialect, left: string, day: string, alias: string): string {
  return dialect === 'duckdb'
    ? `ASOF LEFT JOIN exchange_rates AS ${alias} ON ${alias}.currency = ${left}.currency AND ${left}.${day} >= ${alias}.rate_date`
    : `LEFT JOIN exchange_rates AS ${alias} ON ${alias}.currency = ${left}.currency AND ${left}.${day} >= ${alias}.rate_date
    AND (${alias}.next_date IS NULL OR ${left}.${day} < ${alias}.next_date)`;
}

/**
 * The message of a missing rate: `missing_exchange_rate: no EUR rate in effect on 2024-01-31`, from SQL
 * expressions of the currency (text) and the day (DATE).
 *
 * @private
 */
export function missingRateMessage(currency: string, day: string): string {
  return `'missing_exchange_rate: no ' || ${currency} || ' rate in effect on ' || CAST(${day} AS VARCHAR)`;
}

/**
 * The CTE `input_checks` (one row, column `failures`, always 0) that every twin's final SELECT filters on
 * (`WHERE (SELECT failures FROM input_checks) = 0`, see {@link INPUT_CHECKED}), so what the TypeScript engine
 * refuses stops the query however the planner prunes or pushes filters down (a missing rate in a CASE of
 * `converted_periods` is never evaluated for a row the query filters out, e.g. one that ended before a trailing
 * window or starts after `to`). Without a `currency` option: rows in more than one currency (a NULL code counts
 * as one more, as a row without `currency` does in `mrrMovements`) stop the query with `mixed_currencies: …`.
 * With one: every rate is checked (`invalid_exchange_rate: …`) and, under `'periodStart'`, every foreign row
 * needs a rate in effect on its start (`missing_exchange_rate: …`), whether or not the query reads it later.
 *
 * @private
 */
export function inputChecksCte(dialect: SqlDialect, currency: SqlCurrency | undefined): string {
  if (currency === undefined) {
    const named = "COALESCE(row_currency, 'no currency')";
    const mixed = sqlFailure(
      dialect,
      `'${MIXED_CURRENCIES_MARKER} rows are in ' || MIN(${named}) || ' and ' || MAX(${named}) || ` +
        "' and no currency option (reporting, rates) converts them'",
      'INTEGER',
    );
    return `input_checks AS (
  SELECT CASE WHEN COUNT(DISTINCT ${named}) > 1 THEN ${mixed} ELSE 0 END AS failures
  FROM subscription_periods
)`;
  }
  const rates = 'SELECT COUNT(CASE WHEN rate IS NULL THEN 1 END) FROM exchange_rates';
  if (currency.rateDate === 'snapshot')
    return `input_checks AS (
  SELECT (${rates}) AS failures
)`;
  const missing = sqlFailure(
    dialect,
    missingRateMessage('subscription_periods.currency', 'subscription_periods.start_date'),
    'INTEGER',
  );
  return `input_checks AS (
  SELECT (${rates}) + (
    SELECT COUNT(CASE WHEN subscription_periods.currency <> '${currency.reporting}' AND checked_rate.rate IS NULL THEN ${missing} END)
    FROM subscription_periods
    ${rateInEffectJoin(dialect, 'subscription_periods', 'start_date', 'checked_rate')}
  ) AS failures
)`;
}

/**
 * The condition on `input_checks` every twin's final SELECT carries (see {@link inputChecksCte}).
 *
 * @private
 */
export const INPUT_CHECKED = '(SELECT failures FROM input_checks) = 0';

/**
 * The start of the message of the error that stops a query over rows in several currencies without a `currency`
 * option; the DuckDB runners turn it into a MetricInputError `mixed_currencies` (docs/sql.md tells people who run
 * the SQL themselves to look for it).
 *
 * @private
 */
export const MIXED_CURRENCIES_MARKER = 'mixed_currencies:';
