import type { SqlDialect } from '../sqlDialect.js';
import {
  currencyColumnSql,
  exchangeRatesCte,
  inputChecksCte,
  missingRateMessage,
  RATE_TYPE,
  rateInEffectJoin,
  type SqlCurrency,
  sqlFailure,
} from './currencySql.js';
import { integerSeries } from './integerSeries.js';
import type { PeriodIndexSql } from './periodIndexSql.js';
import { type SqlColumns, subscriptionPeriodsCte } from './subscriptionPeriodsSql.js';

/**
 * The opening CTEs of a query over each row's MRR on given days (cohorts, trailing retention): `ctes` is
 * `subscription_periods`, `input_checks` and, with a `'periodStart'` currency, `exchange_rates` and `converted_periods` too
 * (ending in a comma, ready for the query's next CTE); `periods` is the CTE to read the rows from.
 *
 * @private
 */
export function periodStartSourceSql(
  dialect: SqlDialect,
  source: string,
  columns: SqlColumns,
  money: string,
  currency: SqlCurrency | undefined,
): { readonly ctes: string; readonly periods: string } {
  if (currency === undefined) {
    return {
      ctes: `${subscriptionPeriodsCte(source, columns, money)},\n${inputChecksCte(dialect, undefined)},`,
      periods: 'subscription_periods',
    };
  }
  const periods = subscriptionPeriodsCte(source, columns, money, [
    currencyColumnSql(columns.currency, currency),
  ]);
  return {
    ctes: `${periods},\n${exchangeRatesCte(dialect, currency)},\n${inputChecksCte(dialect, currency)},\n${convertedPeriodsCte(dialect, currency)},`,
    periods: 'converted_periods',
  };
}

/**
 * `rateDate: 'periodStart'`: the CTE `converted_periods`, the rows of `subscription_periods` with `mrr` converted
 * once at the rate in effect on their `start_date` (exact product; rows in the reporting currency unchanged). A
 * foreign row with no rate on or before its start stops the query (`missing_exchange_rate: …`).
 *
 * @private
 */
export function convertedPeriodsCte(
  dialect: SqlDialect,
  currency: SqlCurrency,
  extraColumns: readonly string[] = [],
): string {
  const missing = sqlFailure(
    dialect,
    missingRateMessage('subscription_periods.currency', 'subscription_periods.start_date'),
    RATE_TYPE,
  );
  return `converted_periods AS (
  SELECT subscription_periods.customer_id, subscription_periods.start_date, subscription_periods.end_date,${extraColumns.map((column) => ` subscription_periods.${column},`).join('')}
    CASE WHEN subscription_periods.currency = '${currency.reporting}' THEN subscription_periods.mrr
      WHEN start_rate.rate IS NULL THEN subscription_periods.mrr * ${missing}
      ELSE subscription_periods.mrr * start_rate.rate END AS mrr
  FROM subscription_periods
  ${rateInEffectJoin(dialect, 'subscription_periods', 'start_date', 'start_rate')}
)`;
}

/**
 * `rateDate: 'snapshot'`: the CTEs `snapshots` (every period from the one before the report's first to its last,
 * with its last day), and `snapshot_rates` (currency, period_index, rate): for every currency the rows use, the rate
 * in effect on each snapshot day (NULL when there is none; 1 for the reporting currency). Needs the CTEs `bounds`
 * and `exchange_rates`, and `subscription_periods.currency`.
 *
 * @private
 */
export function snapshotRatesCtes(
  dialect: SqlDialect,
  currency: SqlCurrency,
  period: PeriodIndexSql,
): string {
  return `snapshots AS (
  SELECT period_index, CAST(${period.startOf('period_index + 1')} AS DATE) - 1 AS snapshot_day
  FROM (SELECT ${integerSeries(dialect, 'range_first - 1', 'range_last')} AS period_index FROM bounds) AS snapshot_periods
),
wanted_rates AS (
  SELECT foreign_currencies.currency, snapshots.period_index, snapshots.snapshot_day
  FROM (SELECT DISTINCT currency FROM subscription_periods WHERE currency <> '${currency.reporting}') AS foreign_currencies
  CROSS JOIN snapshots
),
snapshot_rates AS (
  SELECT wanted_rates.currency, wanted_rates.period_index, wanted_rates.snapshot_day, snapshot_rate.rate
  FROM wanted_rates
  ${rateInEffectJoin(dialect, 'wanted_rates', 'snapshot_day', 'snapshot_rate')}
  UNION ALL
  SELECT '${currency.reporting}', period_index, snapshot_day, CAST(1 AS ${RATE_TYPE})
  FROM snapshots
)`;
}

/**
 * `rateDate: 'snapshot'`: the CTEs that value positions at the snapshot rates, per `keys` (e.g. `['segment']`;
 * none for the whole business) and period: `currency_levels` (native MRR and active rows per currency, running
 * over the `events` CTE), `currency_values`, and `period_values` with `ending_mrr` = Σ native × rate now,
 * `starting_mrr` = Σ previous native × previous rate, and `fx_impact_mrr` = Σ previous native × (rate now −
 * previous rate), for every period of `snapshots`. A currency with an active row at a snapshot (or, in a reported
 * period, at the snapshot before) needs a rate on that day; without one the query stops with
 * `missing_exchange_rate: …`.
 *
 * @private
 */
export function snapshotValuationCtes(dialect: SqlDialect, keys: readonly string[] = []): string {
  const keyList = keys.map((key) => `${key}, `).join('');
  const levelKeys = keys.map((key) => `levels.${key}, `).join('');
  const window = `PARTITION BY ${keyList}currency ORDER BY period_index`;
  const levelsWindow = `PARTITION BY ${levelKeys}levels.currency ORDER BY levels.period_index`;
  const missing = sqlFailure(dialect, missingRateMessage('levels.currency', 'rates.snapshot_day'), RATE_TYPE);
  const keyGrid =
    keys.length === 0
      ? 'snapshot_rates'
      : `(SELECT DISTINCT ${keys.join(', ')} FROM events) AS key_values CROSS JOIN snapshot_rates`;
  return `currency_levels AS (
  SELECT ${keyList}currency, period_index,
    SUM(delta_mrr) OVER (${window} ROWS UNBOUNDED PRECEDING) AS native_mrr,
    SUM(delta_active) OVER (${window} ROWS UNBOUNDED PRECEDING) AS active
  FROM (
    SELECT ${keyList}currency, period_index, SUM(delta_mrr) AS delta_mrr, SUM(delta_active) AS delta_active
    FROM (
      SELECT ${keyList}currency, period_index, delta_mrr, delta_active
      FROM events
      WHERE period_index <= (SELECT range_last FROM bounds)
      UNION ALL
      SELECT ${keyList}currency, period_index, 0, 0
      FROM ${keyGrid}
    ) AS points
    GROUP BY ${keyList}currency, period_index
  ) AS currency_changes
),
currency_values AS (
  SELECT ${levelKeys}levels.period_index, levels.native_mrr,
    LAG(levels.native_mrr) OVER (${levelsWindow}) AS previous_native_mrr,
    LAG(rates.rate) OVER (${levelsWindow}) AS previous_rate,
    CASE WHEN rates.rate IS NOT NULL THEN rates.rate
      WHEN levels.active > 0 OR (levels.period_index >= (SELECT range_first FROM bounds)
        AND LAG(levels.active) OVER (${levelsWindow}) > 0) THEN ${missing}
    END AS rate
  FROM currency_levels AS levels
  JOIN snapshot_rates AS rates ON rates.currency = levels.currency AND rates.period_index = levels.period_index
),
period_values AS (
  SELECT ${keyList}period_index,
    SUM(COALESCE(native_mrr * rate, 0)) AS ending_mrr,
    SUM(COALESCE(previous_native_mrr * previous_rate, 0)) AS starting_mrr,
    SUM(COALESCE(previous_native_mrr * (rate - previous_rate), 0)) AS fx_impact_mrr
  FROM currency_values
  GROUP BY ${keyList}period_index
)`;
}
