import { type Decimal, ZERO } from '../../core/internal/decimal.js';
import type { NormalizedSubscriptionPeriod } from './normalizeSubscriptionPeriods.js';

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
 * Units: currency per month, exact; the sum runs over the active amounts in increasing order, so it does not
 * depend on the order of the input rows (decimal.js rounds a sum past 40 significant digits).
 * Edge cases: `days` must be sorted strictly increasing (the callers build them from periods); a customer with
 * no active period on a day has ZERO there; an empty input gives an empty map. The map lists customers in the
 * order they first appear in `rows`.
 *
 * It is a sweep, not a day-by-day loop: per customer, its rows are sorted once by start and by end and merged
 * with `days`, and the sum is recomputed only where the set of active rows changed. Cost
 * O(rows · log rows + customers · days); unchanged days share one Decimal.
 *
 * @private
 */
export function customerMrrSnapshots(
  rows: readonly NormalizedSubscriptionPeriod[],
  days: readonly number[],
): CustomerMrrByDay {
  const byCustomer = new Map<string, NormalizedSubscriptionPeriod[]>();
  for (const row of rows) {
    const list = byCustomer.get(row.customerId);
    if (list === undefined) byCustomer.set(row.customerId, [row]);
    else list.push(row);
  }
  const result = new Map<string, Decimal[]>();
  for (const [customerId, list] of byCustomer) result.set(customerId, sweepCustomer(list, days));
  return result;
}

function sweepCustomer(rows: NormalizedSubscriptionPeriod[], days: readonly number[]): Decimal[] {
  const starts = [...rows].sort((a, b) => a.startDay - b.startDay);
  const ends = rows.filter((row) => row.endDay !== null).sort((a, b) => a.endDay! - b.endDay!);
  const values: Decimal[] = new Array(days.length);
  const active = new Map<number, Decimal>();
  let nextStart = 0;
  let nextEnd = 0;
  let current: Decimal = ZERO;
  for (let position = 0; position < days.length; position += 1) {
    const day = days[position]!;
    let changed = false;
    // Starts before ends: a row that starts and ends by `day` (even a zero-length one) is gone on `day`.
    for (; nextStart < starts.length && starts[nextStart]!.startDay <= day; nextStart += 1) {
      active.set(starts[nextStart]!.index, starts[nextStart]!.mrr);
      changed = true;
    }
    for (; nextEnd < ends.length && ends[nextEnd]!.endDay! <= day; nextEnd += 1) {
      active.delete(ends[nextEnd]!.index);
      changed = true;
    }
    if (changed) current = sumInIncreasingOrder(active);
    values[position] = current;
  }
  return values;
}

function sumInIncreasingOrder(active: ReadonlyMap<number, Decimal>): Decimal {
  if (active.size === 0) return ZERO;
  if (active.size === 1) return active.values().next().value!;
  const sorted = [...active.values()].sort((a, b) => a.comparedTo(b));
  let sum: Decimal = ZERO;
  for (const amount of sorted) sum = sum.plus(amount);
  return sum;
}
