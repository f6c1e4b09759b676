import type { PaidToFree } from '../../revenue/types.js';

/**
 * The window of a customer's running sums over its change points.
 *
 * @private
 */
export const BY_CUSTOMER = 'PARTITION BY customer_id ORDER BY period_index ROWS UNBOUNDED PRECEDING';

/**
 * The CTEs of `segmentMrrMovementsSql` that judge each customer's movement on its total and book it in its
 * segments: `flagged` (whether the customer is counted now and was before, and whether it paid before: under
 * `'contraction'` through `runs` and `counted_states`, counted from a paying snapshot until the first snapshot with
 * no active row), then `bookings` (segment, period_index, amount, movement: 1 new, 2 expansion, 3 contraction,
 * 4 churn, 5 reactivation, 6 transfer in, 7 transfer out). Present in a segment = counted overall and, under
 * `'churn'`, MRR > 0 in it; under `'contraction'`, an active row of it. `amount` is the column of the change booked
 * (`delta_mrr`, or `delta_amount` at the snapshot's rates). Needs the CTEs `customer_states` and
 * `segment_states`; the text ends before the comma that follows `bookings`.
 *
 * @private
 */
export function segmentBookingsCtes(paidToFree: PaidToFree, amount: string): string {
  const present = (when: 'now' | 'before') => {
    const level =
      paidToFree === 'churn'
        ? when === 'now'
          ? 'segment_mrr > 0'
          : 'segment_mrr - delta_mrr > 0'
        : when === 'now'
          ? 'segment_active > 0'
          : 'segment_active - delta_active > 0';
    return `${when === 'now' ? 'counted' : 'previously_counted'} AND ${level}`;
  };
  const counted =
    paidToFree === 'churn'
      ? `flagged AS (
  SELECT customer_id, period_index, mrr > 0 AS counted, mrr - customer_delta > 0 AS previously_counted, paid_before
  FROM customer_states
),`
      : `runs AS (
  SELECT customer_id, period_index, mrr, active, paid_before,
    SUM(CASE WHEN active = 0 THEN 1 ELSE 0 END) OVER (${BY_CUSTOMER}) AS run
  FROM customer_states
),
counted_states AS (
  SELECT customer_id, period_index, paid_before,
    active > 0 AND MAX(CASE WHEN mrr > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY customer_id, run ORDER BY period_index ROWS UNBOUNDED PRECEDING) = 1 AS counted
  FROM runs
),
flagged AS (
  SELECT customer_id, period_index, counted, paid_before,
    COALESCE(LAG(counted) OVER (PARTITION BY customer_id ORDER BY period_index), FALSE) AS previously_counted
  FROM counted_states
),`;
  return `${counted}
bookings AS (
  SELECT segment_states.segment, segment_states.period_index, ${amount} AS amount,
    CASE
      WHEN NOT flagged.previously_counted THEN CASE WHEN ${present('now')} THEN CASE WHEN flagged.paid_before > 0 THEN 5 ELSE 1 END END
      WHEN NOT flagged.counted THEN CASE WHEN ${present('before')} THEN 4 END
      WHEN ${present('now')} AND ${present('before')} THEN CASE WHEN ${amount} > 0 THEN 2 WHEN ${amount} < 0 THEN 3 END
      WHEN ${present('now')} THEN 6
      WHEN ${present('before')} THEN 7
    END AS movement
  FROM segment_states
  JOIN flagged ON flagged.customer_id = segment_states.customer_id AND flagged.period_index = segment_states.period_index
`;
}
