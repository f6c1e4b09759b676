import {
  currencyColumnSql,
  exchangeRatesCte,
  INPUT_CHECKED,
  inputChecksCte,
} from './internal/currencySql.js';
import { movementEventsCtes } from './internal/movementEventsSql.js';
import { resolveMovementsSqlOptions } from './internal/movementsSqlOptions.js';
import { subscriptionPeriodsCte } from './internal/subscriptionPeriodsSql.js';

import type { MrrMovementsSqlOptions } from './types.js';

/**
 * One SQL `SELECT` (with CTEs) that computes the MRR movements table of `mrrMovements` inside DuckDB or
 * PostgreSQL: one row per period of the range, empty periods included, ordered by `period_start`, with columns
 * `period_start`, `period_end` (DATE), `starting_mrr`, `new_mrr`, `expansion_mrr`, `contraction_mrr`,
 * `churned_mrr`, `reactivation_mrr`, `fx_impact_mrr`, `ending_mrr` (`DECIMAL(38, mrrScale)`), and
 * `starting_customers`, `new_customers`, `expanded_customers`, `contracted_customers`, `churned_customers`,
 * `reactivated_customers`, `ending_customers` (BIGINT). The semantics are those of `mrrMovements`, the `currency`
 * option included, and tests prove the two equal.
 *
 * A customer's MRR in a period is the sum of its active rows on the period's last day (`start` inclusive,
 * `end` exclusive); each change is one movement (new, reactivation, expansion, contraction, churn) judged on the
 * period grid extended back to the earliest row. The query works on change points only: each row adds its MRR in
 * the period holding its start and removes it in the period holding its end, and window functions rebuild each
 * customer's state there, so its cost grows with the rows, not with customers × periods.
 *
 * With `currency: { reporting, rates, rateColumns?, rateDate? }` the source's `currency` column (NULL = the
 * reporting currency) is converted with the rates table or subquery, as `mrrMovements`' `currency` option does:
 * `'periodStart'` (default) converts each row once at the rate in effect on its start; `'snapshot'` values each
 * position at the rates of the snapshot day and reports the revaluation of the starting position as
 * `fx_impact_mrr` (0 otherwise). SQL cannot throw a MetricInputError, so a foreign row with no rate in effect on a
 * day it needs one stops the query with an error whose message starts `missing_exchange_rate:` and names the
 * currency and day (DuckDB's `error()`; in PostgreSQL a failed cast of that text), and a rate <= 0, duplicate,
 * NULL or for the reporting currency with `invalid_exchange_rate:`; without the `currency` option, rows whose
 * `currency` column (when the source has one) holds more than one code stop it with `mixed_currencies:`, as
 * `mrrMovements` refuses them. Codes compare case-insensitively (`usd` is USD). The checks sit in one CTE the
 * final SELECT filters on, so no row escapes them; `mrrMovementsDuckDb` turns each into a MetricInputError.
 *
 * Formula: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr +
 * fxImpactMrr, and the same for customers (without fx); each row starts where the previous one ended.
 * Units: MRR in the source's (or the reporting) currency as exact DECIMAL: rates are read as DECIMAL(38, 12) and
 * products kept exact until the final cast to `mrrScale` places (choose it at least MRR's places plus the rates');
 * customers as counts.
 * Source: the end-of-period snapshot movements of `mrrMovements` (docs/revenue-movements.md, docs/sql.md).
 * Edge cases: names are validated and quoted, never spliced (a quote, space, `;` or comment is a
 * MetricInputError `invalid_value`); a subquery source is tokenised (quotes, `E'…'`, dollar quotes, comments) and
 * refused (`invalid_value`) unless it is one balanced parenthesised expression with no `;` or comment outside
 * quotes; each option is read once; `from`/`to` must be real dates (`invalid_date`) with `from` <= `to`
 * (`end_before_start`); unknown options are `unknown_field` (also inside `currency`, and `columns.currency`
 * without the `currency` option); a reporting code that is not three capital letters is `invalid_value`; an
 * empty source without `from`/`to` gives no rows.
 *
 * @category SQL
 * @example
 * const sql = mrrMovementsSql({ dialect: 'duckdb', source: 'analytics.subscriptions', from: '2024-01-01', to: '2024-12-31' })
 * sql.startsWith('WITH subscription_periods AS')
 * //=> true
 * sql.includes('FROM "analytics"."subscriptions"')
 * //=> true
 * const withRates = mrrMovementsSql({ dialect: 'postgres', source: 'subscriptions', currency: { reporting: 'USD', rates: 'fx_rates', rateDate: 'snapshot' } })
 * withRates.includes('FROM "fx_rates" AS rate_rows') && withRates.includes('AS fx_impact_mrr')
 * //=> true
 */
export function mrrMovementsSql(options: MrrMovementsSqlOptions): string {
  const { dialect, source, currency, columns, paidToFree, money, period, fromDay, toDay } =
    resolveMovementsSqlOptions(options, false);
  const net = 'new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr';
  const netCustomers = 'new_customers + reactivated_customers - churned_customers';
  const running = 'PARTITION BY customer_id ORDER BY period_index ROWS UNBOUNDED PRECEDING';
  const paid = 'CASE WHEN mrr > 0 THEN 1 ELSE 0 END';
  const snapshot = currency?.rateDate === 'snapshot';
  // The change of the customer's MRR at a change point, in the reporting currency: the change of its level, except
  // under snapshot rates, where the level (native amounts, summed only to tell paying from not) and the
  // movement (each native change at the snapshot's rates) differ.
  const amount = snapshot ? 'delta_amount' : 'delta_mrr';
  const counted =
    paidToFree === 'churn'
      ? `flagged AS (
  SELECT period_index, ${amount} AS amount, mrr > 0 AS counted, mrr - delta_mrr > 0 AS previously_counted,
    paid_before
  FROM states
),`
      : // Counted from a paying snapshot until the first snapshot with no active row: within each run of
        // snapshots with an active row, counted once the run has seen MRR > 0.
        `runs AS (
  SELECT customer_id, period_index, mrr, ${amount} AS amount, active, paid_before,
    SUM(CASE WHEN active = 0 THEN 1 ELSE 0 END) OVER (${running}) AS run
  FROM states
),
counted AS (
  SELECT customer_id, period_index, amount, paid_before,
    active > 0 AND MAX(${paid}) OVER (PARTITION BY customer_id, run ORDER BY period_index ROWS UNBOUNDED PRECEDING) = 1 AS counted
  FROM runs
),
flagged AS (
  SELECT period_index, amount, counted,
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
  const currencyColumn = currency === undefined ? [] : [currencyColumnSql(columns.currency, currency)];
  const money0 = `CAST(0 AS ${money})`;
  return `WITH ${subscriptionPeriodsCte(source, columns, money, currencyColumn)},${currency === undefined ? '' : `\n${exchangeRatesCte(dialect, currency)},`}
${inputChecksCte(dialect, currency)},
${movementEventsCtes(dialect, period, { fromDay, toDay }, currency)}
changes AS (
  SELECT customer_id, period_index, SUM(delta_mrr) AS delta_mrr, SUM(delta_active) AS delta_active,
    MAX(paid_start) AS paid_start${snapshot ? ', SUM(delta_amount) AS delta_amount' : ''}
  FROM ${snapshot ? 'valued_events' : 'events'}
  WHERE period_index <= (SELECT range_last FROM bounds)
  GROUP BY customer_id, period_index
  HAVING SUM(delta_mrr) <> 0 OR SUM(delta_active) <> 0${snapshot ? ' OR SUM(delta_amount) <> 0' : ''}
),
states AS (
  SELECT customer_id, period_index, delta_mrr,${snapshot ? ' delta_amount,' : ''}
    SUM(delta_mrr) OVER (${running}) AS mrr,
    SUM(delta_active) OVER (${running}) AS active,
    SUM(paid_start) OVER (${running}) - paid_start AS paid_before
  FROM changes
),
${counted}
movements AS (
  SELECT period_index, ABS(amount) AS amount,
    CASE
      WHEN NOT previously_counted THEN CASE WHEN counted THEN CASE WHEN paid_before > 0 THEN 5 ELSE 1 END END
      WHEN NOT counted THEN 4
      WHEN amount > 0 THEN 2
      WHEN amount < 0 THEN 3
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
SELECT ${period.startOf('chained.period_index')} AS period_start,
  ${period.startOf('chained.period_index + 1')} AS period_end,
  ${snapshot ? `CAST(period_values.starting_mrr AS ${money})` : `CAST(chained.ending_mrr - (${net}) AS ${money})`} AS starting_mrr,
${sums.map(([name]) => `  CAST(${name}_mrr AS ${money}) AS ${name}_mrr,`).join('\n')}
  ${snapshot ? `CAST(period_values.fx_impact_mrr AS ${money})` : money0} AS fx_impact_mrr,
  CAST(${snapshot ? 'period_values' : 'chained'}.ending_mrr AS ${money}) AS ending_mrr,
  CAST(ending_customers - (${netCustomers}) AS BIGINT) AS starting_customers,
${customerNames.map((name) => `  CAST(${name}_customers AS BIGINT) AS ${name}_customers,`).join('\n')}
  CAST(ending_customers AS BIGINT) AS ending_customers
FROM chained${snapshot ? '\nJOIN period_values ON period_values.period_index = chained.period_index' : ''}
WHERE chained.period_index >= (SELECT range_first FROM bounds) AND ${INPUT_CHECKED}
ORDER BY chained.period_index`;
}
