import { copySqlOptions } from './internal/copyOptions.js';
import {
  currencyColumnSql,
  exchangeRatesCte,
  INPUT_CHECKED,
  inputChecksCte,
  sqlFailure,
} from './internal/currencySql.js';
import { movementEventsCtes } from './internal/movementEventsSql.js';
import { resolveMovementsSqlOptions } from './internal/movementsSqlOptions.js';
import { BY_CUSTOMER, segmentBookingsCtes } from './internal/segmentBookingsSql.js';
import { subscriptionPeriodsCte } from './internal/subscriptionPeriodsSql.js';
import { mrrMovementsSql } from './mrrMovementsSql.js';
import { quoteIdentifier } from './quoteIdentifier.js';
import type { MrrMovementsSqlColumns, MrrMovementsSqlOptions } from './types.js';

/**
 * Options of {@link segmentMrrMovementsSql}: those of `mrrMovementsSql`, with a `segment` column.
 *
 * @category SQL
 */
export interface SegmentMrrMovementsSqlOptions extends Omit<MrrMovementsSqlOptions, 'columns'> {
  /** Column names: those of `mrrMovementsSql`, and `segment` (default `'segment'`), a non-NULL text. */
  readonly columns?: MrrMovementsSqlColumns & { readonly segment?: string };
}

const MOVEMENTS = [
  'new',
  'expansion',
  'contraction',
  'churned',
  'reactivation',
  'transfer_in',
  'transfer_out',
];
const COUNTED = [
  'new',
  'expanded',
  'contracted',
  'churned',
  'reactivated',
  'transferred_in',
  'transferred_out',
];

/**
 * One SQL `SELECT` computing `segmentMrrMovements` inside DuckDB or PostgreSQL: the movements table of the whole
 * business (rows with `segment` NULL, the table of `mrrMovementsSql`) and of each segment (one row per segment ×
 * period), with the columns of `mrrMovementsSql` plus `segment`, `transfer_in_mrr`, `transfer_out_mrr`,
 * `transferred_in_customers` and `transferred_out_customers` (0 in the total's rows). Read the rows with
 * `segmentMrrMovementsFromSqlRows`.
 *
 * A customer's MRR in a segment at a snapshot is the sum of its active rows of that segment. Its movement is
 * judged on its total, as in `mrrMovements`, and booked in each segment where it is present now (new,
 * reactivation) or was (churn); for a customer counted before and after, MRR arriving in a segment where it was
 * not present is a transfer in, MRR leaving one entirely a transfer out, and a change within a segment expansion
 * or contraction. Present = counted overall and, under `paidToFree: 'churn'`, MRR > 0 in the segment; under
 * `'contraction'`, an active row of the segment. The query keeps, at each change point of a customer, the state
 * of every segment the customer ever uses, so segments without a change of their own are booked too.
 *
 * Formula, per segment: ending = starting + new + expansion + reactivation − contraction − churned + fx impact +
 * transfers in − transfers out; the customers likewise. Summed over segments, starting, ending, new, churned,
 * reactivation and fx impact equal the total's.
 * Units: as `mrrMovementsSql` (the `currency` option included). Source: the segment rules of
 * `segmentMrrMovements`; tests prove the two equal on DuckDB and PostgreSQL.
 * Edge cases: a row whose segment is NULL stops the query with an error starting `missing_segment:`; options are
 * checked as by `mrrMovementsSql` (unknown keys are `unknown_field`).
 *
 * @category SQL
 * @example
 * const sql = segmentMrrMovementsSql({ dialect: 'duckdb', source: 'subscriptions', columns: { segment: 'plan' } })
 * sql.includes('"plan"') && sql.includes('transfer_in_mrr')
 * //=> true
 */
export function segmentMrrMovementsSql(input: SegmentMrrMovementsSqlOptions): string {
  const options = copySqlOptions(input) as unknown as SegmentMrrMovementsSqlOptions;
  const { dialect, source, currency, columns, paidToFree, money, period, fromDay, toDay } =
    resolveMovementsSqlOptions(options, true);
  const { columns: _columns, ...totalOptions } = options;
  const { segment: _segment, currency: currencyColumn, ...baseColumns } = columns;
  const total = mrrMovementsSql({
    ...totalOptions,
    columns: currency === undefined ? baseColumns : { ...baseColumns, currency: currencyColumn },
  } as MrrMovementsSqlOptions);
  const snapshot = currency?.rateDate === 'snapshot';
  const missingSegment = sqlFailure(
    dialect,
    `'missing_segment: a row of customer ' || CAST(${quoteIdentifier(columns.customerId, ['options', 'columns', 'customerId'], false)} AS VARCHAR) || ' has no segment'`,
    'VARCHAR',
  );
  const segmentColumn = quoteIdentifier(columns.segment, ['options', 'columns', 'segment'], false);
  const extra = [
    `CASE WHEN ${segmentColumn} IS NULL THEN ${missingSegment} ELSE CAST(${segmentColumn} AS VARCHAR) END AS segment`,
    ...(currency === undefined ? [] : [currencyColumnSql(columns.currency, currency)]),
  ];
  const amount = snapshot ? 'delta_amount' : 'delta_mrr';
  const bySegment = 'PARTITION BY customer_id, segment ORDER BY period_index ROWS UNBOUNDED PRECEDING';
  const net =
    'new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr + transfer_in_mrr - transfer_out_mrr';
  const netCustomers =
    'new_customers + reactivated_customers - churned_customers + transferred_in_customers - transferred_out_customers';
  const segments = `WITH ${subscriptionPeriodsCte(source, columns, money, extra)},${currency === undefined ? '' : `\n${exchangeRatesCte(dialect, currency)},`}
${inputChecksCte(dialect, currency)},
${movementEventsCtes(dialect, period, { fromDay, toDay }, currency, ['segment'])}
segment_changes AS (
  SELECT customer_id, segment, period_index, SUM(delta_mrr) AS delta_mrr, SUM(delta_active) AS delta_active,
    MAX(paid_start) AS paid_start${snapshot ? ', SUM(delta_amount) AS delta_amount' : ''}
  FROM ${snapshot ? 'valued_events' : 'events'}
  WHERE period_index <= (SELECT range_last FROM bounds)
  GROUP BY customer_id, segment, period_index
  HAVING SUM(delta_mrr) <> 0 OR SUM(delta_active) <> 0${snapshot ? ' OR SUM(delta_amount) <> 0' : ''}
),
segment_grid AS (
  SELECT points.customer_id, customer_segments.segment, points.period_index,
    COALESCE(segment_changes.delta_mrr, 0) AS delta_mrr, COALESCE(segment_changes.delta_active, 0) AS delta_active,
    COALESCE(segment_changes.paid_start, 0) AS paid_start${snapshot ? ', COALESCE(segment_changes.delta_amount, 0) AS delta_amount' : ''}
  FROM (SELECT DISTINCT customer_id, period_index FROM segment_changes) AS points
  JOIN (SELECT DISTINCT customer_id, segment FROM segment_changes) AS customer_segments
    ON customer_segments.customer_id = points.customer_id
  LEFT JOIN segment_changes ON segment_changes.customer_id = points.customer_id
    AND segment_changes.segment = customer_segments.segment AND segment_changes.period_index = points.period_index
),
segment_states AS (
  SELECT customer_id, segment, period_index, delta_mrr, delta_active, paid_start,${snapshot ? ' delta_amount,' : ''}
    SUM(delta_mrr) OVER (${bySegment}) AS segment_mrr,
    SUM(delta_active) OVER (${bySegment}) AS segment_active
  FROM segment_grid
),
customer_points AS (
  SELECT customer_id, period_index, SUM(segment_mrr) AS mrr, SUM(delta_mrr) AS customer_delta,
    SUM(segment_active) AS active, MAX(paid_start) AS paid_start
  FROM segment_states
  GROUP BY customer_id, period_index
),
customer_states AS (
  SELECT customer_id, period_index, mrr, customer_delta, active,
    SUM(paid_start) OVER (${BY_CUSTOMER}) - paid_start AS paid_before
  FROM customer_points
),
${segmentBookingsCtes(paidToFree, amount)}),
period_sums AS (
  SELECT segment, period_index,
${MOVEMENTS.map((name, index) => `    SUM(CASE WHEN movement = ${index + 1} THEN ABS(amount) ELSE 0 END) AS ${name}_mrr,`).join('\n')}
${COUNTED.map((name, index) => `    COUNT(CASE WHEN movement = ${index + 1} THEN 1 END) AS ${name}_customers`).join(',\n')}
  FROM bookings
  WHERE movement IS NOT NULL
  GROUP BY segment, period_index
),
period_rows AS (
  SELECT all_segments.segment, grid.period_index,
${MOVEMENTS.map((name) => `    COALESCE(${name}_mrr, 0) AS ${name}_mrr,`).join('\n')}
${COUNTED.map((name) => `    COALESCE(${name}_customers, 0) AS ${name}_customers`).join(',\n')}
  FROM (SELECT DISTINCT segment FROM subscription_periods) AS all_segments
  CROSS JOIN grid
  LEFT JOIN period_sums ON period_sums.segment = all_segments.segment AND period_sums.period_index = grid.period_index
),
chained AS (
  SELECT period_rows.*,
    SUM(${net}) OVER (PARTITION BY segment ORDER BY period_index ROWS UNBOUNDED PRECEDING) AS ending_mrr,
    SUM(${netCustomers}) OVER (PARTITION BY segment ORDER BY period_index ROWS UNBOUNDED PRECEDING) AS ending_customers
  FROM period_rows
)
SELECT chained.segment, ${period.startOf('chained.period_index')} AS period_start,
  ${period.startOf('chained.period_index + 1')} AS period_end,
  ${snapshot ? `CAST(COALESCE(period_values.starting_mrr, 0) AS ${money})` : `CAST(chained.ending_mrr - (${net}) AS ${money})`} AS starting_mrr,
${MOVEMENTS.slice(0, 5)
  .map((name) => `  CAST(${name}_mrr AS ${money}) AS ${name}_mrr,`)
  .join('\n')}
  ${snapshot ? `CAST(COALESCE(period_values.fx_impact_mrr, 0) AS ${money})` : `CAST(0 AS ${money})`} AS fx_impact_mrr,
  CAST(transfer_in_mrr AS ${money}) AS transfer_in_mrr,
  CAST(transfer_out_mrr AS ${money}) AS transfer_out_mrr,
  ${snapshot ? `CAST(COALESCE(period_values.ending_mrr, 0) AS ${money})` : `CAST(chained.ending_mrr AS ${money})`} AS ending_mrr,
  CAST(ending_customers - (${netCustomers}) AS BIGINT) AS starting_customers,
${COUNTED.map((name) => `  CAST(${name}_customers AS BIGINT) AS ${name}_customers,`).join('\n')}
  CAST(ending_customers AS BIGINT) AS ending_customers
FROM chained${snapshot ? '\nLEFT JOIN period_values ON period_values.segment = chained.segment AND period_values.period_index = chained.period_index' : ''}
WHERE chained.period_index >= (SELECT range_first FROM bounds) AND ${INPUT_CHECKED}`;
  const zero = `CAST(0 AS ${money})`;
  return `SELECT CAST(NULL AS VARCHAR) AS segment, period_start, period_end, starting_mrr, new_mrr, expansion_mrr,
  contraction_mrr, churned_mrr, reactivation_mrr, fx_impact_mrr, ${zero} AS transfer_in_mrr, ${zero} AS transfer_out_mrr,
  ending_mrr, starting_customers, new_customers, expanded_customers, contracted_customers, churned_customers,
  reactivated_customers, CAST(0 AS BIGINT) AS transferred_in_customers, CAST(0 AS BIGINT) AS transferred_out_customers,
  ending_customers
FROM (${total}) AS total_rows
UNION ALL
SELECT * FROM (${segments}) AS segment_rows
ORDER BY segment NULLS FIRST, period_start`;
}
