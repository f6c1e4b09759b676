import type { SqlDialect } from '../sqlDialect.js';
import { convertedPeriodsCte, snapshotRatesCtes, snapshotValuationCtes } from './currencyConversionSql.js';
import type { SqlCurrency } from './currencySql.js';
import { integerSeries } from './integerSeries.js';
import type { PeriodIndexSql } from './periodIndexSql.js';

/**
 * The CTEs `mrrMovementsSql` and `segmentMrrMovementsSql` share, after `subscription_periods` (and
 * `exchange_rates`): the report range and period grid (`data_range`, `report_end`, `report_range`, `bounds`,
 * `grid`), the rows converted at their start under `'periodStart'` rates (`converted_periods`), each row's start
 * and end as period indexes (`indexed`) and as +/- MRR events (`events`), and under `'snapshot'` rates the events
 * valued at each snapshot (`snapshot_rates` …, `valued_events`). `keys` are the columns carried next to
 * `customer_id` (`['segment']` for the segment twin). The text ends with a comma, ready for the next CTE.
 *
 * @private
 */
export function movementEventsCtes(
  dialect: SqlDialect,
  period: PeriodIndexSql,
  range: { readonly fromDay: string; readonly toDay: string },
  currency: SqlCurrency | undefined,
  keys: readonly string[] = [],
): string {
  const snapshot = currency !== undefined && currency.rateDate === 'snapshot';
  const periods = currency?.rateDate === 'periodStart' ? 'converted_periods' : 'subscription_periods';
  const carried = `${keys.map((key) => `${key}, `).join('')}${snapshot ? 'currency, ' : ''}`;
  return `data_range AS (
  SELECT MIN(start_date) AS first_day, MAX(COALESCE(end_date, start_date)) AS last_day
  FROM subscription_periods
),
report_end AS (
  SELECT first_day, ${range.toDay} AS to_day
  FROM data_range
),
report_range AS (
  SELECT first_day, to_day, ${range.fromDay} AS from_day
  FROM report_end
),
bounds AS (
  SELECT ${period.indexOf('CASE WHEN first_day < from_day THEN first_day ELSE from_day END')} AS grid_first,
    ${period.indexOf('from_day')} AS range_first,
    ${period.indexOf('to_day')} AS range_last
  FROM report_range
),
grid AS (
  SELECT ${integerSeries(dialect, 'grid_first', 'range_last')} AS period_index
  FROM bounds
),${currency?.rateDate === 'periodStart' ? `\n${convertedPeriodsCte(dialect, currency, keys)},` : ''}
indexed AS (
  SELECT customer_id, ${carried}${period.indexOf('start_date')} AS start_index, ${period.indexOf('end_date')} AS end_index,
    mrr
  FROM ${periods}
),
events AS (
  SELECT customer_id, ${carried}start_index AS period_index, mrr AS delta_mrr, 1 AS delta_active,
    CASE WHEN mrr > 0 AND (end_index IS NULL OR end_index > start_index) THEN 1 ELSE 0 END AS paid_start
  FROM indexed
  UNION ALL
  SELECT customer_id, ${carried}end_index AS period_index, -mrr AS delta_mrr, -1 AS delta_active, 0 AS paid_start
  FROM indexed
  WHERE end_index IS NOT NULL
),${
    snapshot
      ? `
${snapshotRatesCtes(dialect, currency, period)},
${snapshotValuationCtes(dialect, keys)},
valued_events AS (
  SELECT events.customer_id,${keys.map((key) => ` events.${key},`).join('')} events.period_index, events.delta_mrr, events.delta_active, events.paid_start,
    COALESCE(events.delta_mrr * snapshot_rates.rate, 0) AS delta_amount
  FROM events
  LEFT JOIN snapshot_rates
    ON snapshot_rates.currency = events.currency AND snapshot_rates.period_index = events.period_index
),`
      : ''
  }`;
}
