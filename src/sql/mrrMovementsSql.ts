import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { GRANULARITIES } from '../core/types.js';
import { integerSeries } from './internal/integerSeries.js';
import { periodIndexSql } from './internal/periodIndexSql.js';
import { reportRangeSql } from './internal/reportRangeSql.js';
import { sqlSource } from './internal/sqlSource.js';
import {
  resolveColumns,
  resolveMrrScale,
  subscriptionPeriodsCte,
} from './internal/subscriptionPeriodsSql.js';
import { SQL_DIALECTS } from './sqlDialect.js';

import type { MrrMovementsSqlOptions } from './types.js';

const OPTION_KEYS = new Set([
  'dialect',
  'source',
  'columns',
  'granularity',
  'weekStartsOn',
  'from',
  'to',
  'paidToFree',
  'mrrScale',
]);

/**
 * One SQL `SELECT` (with CTEs) that computes the MRR movements table of `mrrMovements` inside DuckDB or
 * PostgreSQL: one row per period of the range, empty periods included, ordered by `period_start`, with columns
 * `period_start`, `period_end` (DATE), `starting_mrr`, `new_mrr`, `expansion_mrr`, `contraction_mrr`,
 * `churned_mrr`, `reactivation_mrr`, `ending_mrr` (`DECIMAL(38, mrrScale)`), and `starting_customers`,
 * `new_customers`, `expanded_customers`, `contracted_customers`, `churned_customers`, `reactivated_customers`,
 * `ending_customers` (BIGINT). The semantics are those of `mrrMovements`, and tests prove the two equal.
 *
 * A customer's MRR in a period is the sum of its active rows on the period's last day (`start` inclusive,
 * `end` exclusive); each change is one movement (new, reactivation, expansion, contraction, churn) judged on the
 * period grid extended back to the earliest row. The query works on change points only: each row adds its MRR in
 * the period holding its start and removes it in the period holding its end, and window functions rebuild each
 * customer's state there, so its cost grows with the rows, not with customers × periods.
 *
 * Formula: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr, and the
 * same for customers; each row starts where the previous one ended.
 * Units: MRR in the source's currency as exact DECIMAL; customers as counts.
 * Source: the end-of-period snapshot movements of `mrrMovements` (docs/revenue-movements.md, docs/sql.md).
 * Edge cases: names are validated and quoted, never spliced (a quote, space, `;` or comment is a
 * MetricInputError `invalid_value`); `from`/`to` must be real dates (`invalid_date`) with `from` <= `to`
 * (`end_before_start`); unknown options are `unknown_field`; an empty source without `from`/`to` gives no rows.
 *
 * @category SQL
 * @example
 * const sql = mrrMovementsSql({ dialect: 'duckdb', source: 'analytics.subscriptions', from: '2024-01-01', to: '2024-12-31' })
 * sql.startsWith('WITH subscription_periods AS')
 * //=> true
 * sql.includes('FROM "analytics"."subscriptions"')
 * //=> true
 */
export function mrrMovementsSql(options: MrrMovementsSqlOptions): string {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const dialect = oneOf(options.dialect, SQL_DIALECTS, ['options', 'dialect']);
  const source = sqlSource(options.source, ['options', 'source']);
  const columns = resolveColumns(options.columns);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, ['options', 'granularity']);
  const weekStartsOn = oneOf(options.weekStartsOn ?? 1, [0, 1, 2, 3, 4, 5, 6] as const, [
    'options',
    'weekStartsOn',
  ]);
  const paidToFree = oneOf(options.paidToFree ?? 'churn', ['churn', 'contraction'] as const, [
    'options',
    'paidToFree',
  ]);
  const mrrScale = resolveMrrScale(options.mrrScale);
  const { fromDay, toDay } = reportRangeSql(options);
  const money = `DECIMAL(38, ${mrrScale})`;
  const period = periodIndexSql(dialect, granularity, weekStartsOn);
  const net = 'new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr';
  const netCustomers = 'new_customers + reactivated_customers - churned_customers';
  const running = 'PARTITION BY customer_id ORDER BY period_index ROWS UNBOUNDED PRECEDING';
  const paid = 'CASE WHEN mrr > 0 THEN 1 ELSE 0 END';
  const counted =
    paidToFree === 'churn'
      ? `flagged AS (
  SELECT period_index, mrr, mrr - delta_mrr AS previous_mrr, mrr > 0 AS counted,
    mrr - delta_mrr > 0 AS previously_counted, paid_before
  FROM states
),`
      : // Counted from a paying snapshot until the first snapshot with no active row: within each run of
        // snapshots with an active row, counted once the run has seen MRR > 0.
        `runs AS (
  SELECT customer_id, period_index, mrr, delta_mrr, active, paid_before,
    SUM(CASE WHEN active = 0 THEN 1 ELSE 0 END) OVER (${running}) AS run
  FROM states
),
counted AS (
  SELECT customer_id, period_index, mrr, delta_mrr, paid_before,
    active > 0 AND MAX(${paid}) OVER (PARTITION BY customer_id, run ORDER BY period_index ROWS UNBOUNDED PRECEDING) = 1 AS counted
  FROM runs
),
flagged AS (
  SELECT period_index, mrr, mrr - delta_mrr AS previous_mrr, counted,
    COALESCE(LAG(counted) OVER (PARTITION BY customer_id ORDER BY period_index), FALSE) AS previously_counted,
    paid_before
  FROM counted
),`;
  const sums = [
    ['new', 1],
    ['expansion', 2],
    ['contraction', 3],
    ['churned', 4],
    ['reactivation', 5],
  ] as const;
  const customerNames = ['new', 'expanded', 'contracted', 'churned', 'reactivated'] as const;
  return `WITH ${subscriptionPeriodsCte(source, columns, money)},
data_range AS (
  SELECT MIN(start_date) AS first_day, MAX(COALESCE(end_date, start_date)) AS last_day
  FROM subscription_periods
),
report_end AS (
  SELECT first_day, ${toDay} AS to_day
  FROM data_range
),
report_range AS (
  SELECT first_day, to_day, ${fromDay} AS from_day
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
),
indexed AS (
  SELECT customer_id, ${period.indexOf('start_date')} AS start_index, ${period.indexOf('end_date')} AS end_index,
    mrr
  FROM subscription_periods
),
events AS (
  SELECT customer_id, start_index AS period_index, mrr AS delta_mrr, 1 AS delta_active,
    CASE WHEN mrr > 0 AND (end_index IS NULL OR end_index > start_index) THEN 1 ELSE 0 END AS paid_start
  FROM indexed
  UNION ALL
  SELECT customer_id, end_index AS period_index, -mrr AS delta_mrr, -1 AS delta_active, 0 AS paid_start
  FROM indexed
  WHERE end_index IS NOT NULL
),
changes AS (
  SELECT customer_id, period_index, SUM(delta_mrr) AS delta_mrr, SUM(delta_active) AS delta_active,
    MAX(paid_start) AS paid_start
  FROM events
  WHERE period_index <= (SELECT range_last FROM bounds)
  GROUP BY customer_id, period_index
  HAVING SUM(delta_mrr) <> 0 OR SUM(delta_active) <> 0
),
states AS (
  SELECT customer_id, period_index, delta_mrr,
    SUM(delta_mrr) OVER (${running}) AS mrr,
    SUM(delta_active) OVER (${running}) AS active,
    SUM(paid_start) OVER (${running}) - paid_start AS paid_before
  FROM changes
),
${counted}
movements AS (
  SELECT period_index, ABS(mrr - previous_mrr) AS amount,
    CASE
      WHEN NOT previously_counted THEN CASE WHEN counted THEN CASE WHEN paid_before > 0 THEN 5 ELSE 1 END END
      WHEN NOT counted THEN 4
      WHEN mrr > previous_mrr THEN 2
      WHEN mrr < previous_mrr THEN 3
    END AS movement
  FROM flagged
),
period_sums AS (
  SELECT period_index,
${sums.map(([name, code]) => `    SUM(CASE WHEN movement = ${code} THEN amount ELSE 0 END) AS ${name}_mrr,`).join('\n')}
${customerNames.map((name, index) => `    COUNT(CASE WHEN movement = ${index + 1} THEN 1 END) AS ${name}_customers`).join(',\n')}
  FROM movements
  WHERE movement IS NOT NULL
  GROUP BY period_index
),
period_rows AS (
  SELECT grid.period_index,
${sums.map(([name]) => `    COALESCE(${name}_mrr, 0) AS ${name}_mrr,`).join('\n')}
${customerNames.map((name) => `    COALESCE(${name}_customers, 0) AS ${name}_customers`).join(',\n')}
  FROM grid
  LEFT JOIN period_sums ON period_sums.period_index = grid.period_index
),
chained AS (
  SELECT period_rows.*,
    SUM(${net}) OVER (ORDER BY period_index ROWS UNBOUNDED PRECEDING) AS ending_mrr,
    SUM(${netCustomers}) OVER (ORDER BY period_index ROWS UNBOUNDED PRECEDING) AS ending_customers
  FROM period_rows
)
SELECT ${period.startOf('period_index')} AS period_start,
  ${period.startOf('period_index + 1')} AS period_end,
  CAST(ending_mrr - (${net}) AS ${money}) AS starting_mrr,
${sums.map(([name]) => `  CAST(${name}_mrr AS ${money}) AS ${name}_mrr,`).join('\n')}
  CAST(ending_mrr AS ${money}) AS ending_mrr,
  CAST(ending_customers - (${netCustomers}) AS BIGINT) AS starting_customers,
${customerNames.map((name) => `  CAST(${name}_customers AS BIGINT) AS ${name}_customers,`).join('\n')}
  CAST(ending_customers AS BIGINT) AS ending_customers
FROM chained
WHERE period_index >= (SELECT range_first FROM bounds)
ORDER BY period_index`;
}
