import { type Decimal, ZERO } from '../../core/internal/decimal.js';
import type { Granularity } from '../../core/types.js';
import { BIGINT_OPS, movementSweep, NUMBER_OPS } from './movementSweep.js';
import type { NormalizedSubscriptionPeriod } from './normalizeSubscriptionPeriods.js';
import { decimalCache, scaledAmounts } from './scaledAmounts.js';
import { assertWorkWithin, MAX_CUSTOMER_SNAPSHOTS } from './workLimits.js';

/**
 * Each customer's MRR on each of the given days, in the order of `days`.
 *
 * @private
 */
export type CustomerMrrByDay = ReadonlyMap<string, readonly Decimal[]>;

/**
 * Each customer's MRR on each of the given days: the sum of the MRR of its periods active that day
 * (`startDay <= day < endDay`, `endDay` null = still active).
 *
 * Formula: mrr(customer, day) = Σ row.mrr over the customer's rows with startDay <= day < endDay.
 * Units: currency per month, exact: the sums are the integer minor-unit sums of mrrMovements' sweep, with all
 * their digits (never rounded), so they do not depend on the order of the input rows.
 * Edge cases: more than MAX_CUSTOMER_SNAPSHOTS customers × days is a MetricInputError `out_of_range` at
 * `['options', 'granularity']` (`granularity` names the callers' periods in its message); `days` must be sorted strictly increasing (the callers build them from periods); a customer with
 * no active period on a day has 0 there; an empty input gives an empty map. The map lists customers in the
 * order they first appear in `rows`.
 *
 * It runs {@link movementSweep} (the engine of mrrMovements) with snapshot `s` = `days[s − 1]` and reads each
 * customer's MRR off its movements: with paidToFree `'churn'` every change of a customer's MRR is a movement.
 * Cost O(rows · log days + customers · days); unchanged days share one Decimal.
 *
 * @private
 */
export function customerMrrSnapshots(
  rows: readonly NormalizedSubscriptionPeriod[],
  days: readonly number[],
  granularity: Granularity = 'day',
): CustomerMrrByDay {
  const byCustomer = new Map<string, number[]>();
  for (let row = 0; row < rows.length; row += 1) {
    const { customerId } = rows[row]!;
    const list = byCustomer.get(customerId);
    if (list === undefined) byCustomer.set(customerId, [row]);
    else list.push(row);
  }
  // The sweep reads rows in customer order: position p holds input row amountOf[p] (amount i is row i's).
  const customerIds = [...byCustomer.keys()];
  // One Decimal slot per customer and day is kept: refused before the sweep when there would be too many.
  if (days.length > 0) {
    assertWorkWithin(
      customerIds.length * days.length,
      MAX_CUSTOMER_SNAPSHOTS,
      'customer MRR values (customers × periods)',
      { first: days[0]!, last: days.at(-1)!, granularity },
    );
  }
  const rowOffsets = new Int32Array(customerIds.length + 1);
  const first = new Int32Array(rows.length);
  const last = new Int32Array(rows.length);
  const amountOf = new Int32Array(rows.length);
  let position = 0;
  for (let customer = 0; customer < customerIds.length; customer += 1) {
    for (const row of byCustomer.get(customerIds[customer]!)!) {
      const { startDay, endDay } = rows[row]!;
      // Snapshot 0 lies before every day and holds nothing; the row counts from the first day >= startDay
      // through the last day < endDay.
      first[position] = 1 + daysBefore(days, startDay);
      last[position] = endDay === null ? days.length : daysBefore(days, endDay);
      amountOf[position] = row;
      position += 1;
    }
    rowOffsets[customer + 1] = position;
  }
  const scaled = scaledAmounts(
    rows.map((row) => row.mrr),
    amountOf,
  );
  const input = {
    customerCount: customerIds.length,
    rowOffsets,
    first,
    last,
    amountOf,
    snapshotCount: days.length + 1,
    startSnapshot: 0,
    freeStaysCustomer: false,
    recordMovements: true,
  };
  const sweep =
    scaled.kind === 'number'
      ? movementSweep<number>({ ...input, amounts: scaled.amounts }, NUMBER_OPS)
      : movementSweep<bigint>({ ...input, amounts: scaled.amounts }, BIGINT_OPS);

  // Movements come customer by customer, each customer's in snapshot order: a movement's MRR holds until the
  // customer's next movement.
  const decimal = decimalCache(scaled.scale);
  const values = customerIds.map(() => new Array<Decimal>(days.length).fill(ZERO));
  const { movementCount, movementCustomer, movementSnapshot, movementCurrent } = sweep;
  for (let index = 0; index < movementCount; index += 1) {
    const customer = movementCustomer[index]!;
    const until =
      index + 1 < movementCount && movementCustomer[index + 1] === customer
        ? movementSnapshot[index + 1]! - 1
        : days.length;
    const amount = movementCurrent[index]!;
    // The exact sum, all its digits kept, as mrrMovements returns it (docs/core.md, "Limits and exactness").
    const mrr = amount > 0 ? decimal(amount) : ZERO;
    values[customer]!.fill(mrr, movementSnapshot[index]! - 1, until);
  }
  return new Map(customerIds.map((customerId, customer) => [customerId, values[customer]!]));
}

// How many of the sorted `days` are before `day`.
function daysBefore(days: readonly number[], day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}
