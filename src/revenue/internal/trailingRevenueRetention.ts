import { toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { type Decimal, exactSum } from '../../core/internal/decimal.js';
import { assertTimeZone } from '../../core/internal/isoDayNumber.js';
import { assertKnownKeys, assertObject } from '../../core/internal/options.js';
import { ratioOrNull } from '../../core/internal/ratio.js';
import type { SubscriptionPeriod } from '../subscriptionPeriod.js';
import type { TrailingRevenueRetention, TrailingRevenueRetentionOptions } from '../types.js';
import { customerMrrSnapshots } from './customerMrrSnapshots.js';
import { periodStartRates } from './exchangeRates.js';
import { normalizeSubscriptionPeriods } from './normalizeSubscriptionPeriods.js';
import { trailingStart } from './trailingStart.js';

/**
 * The shared work of trailing net and gross revenue retention: validates, takes each customer's MRR on the
 * start day and on `asOf`, and sums `counted(starting, ending)` over the customers paying on the start day, in
 * a fixed customer order so the result does not depend on the input order.
 *
 * @private
 */
export function trailingRevenueRetention(
  subscriptions: readonly SubscriptionPeriod[],
  options: TrailingRevenueRetentionOptions,
  counted: (starting: Decimal, ending: Decimal) => Decimal,
): TrailingRevenueRetention {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const timeZone = options.timeZone;
  if (timeZone !== undefined) assertTimeZone(timeZone, ['options', 'timeZone']);
  if (options.asOf === undefined) {
    throw new MetricInputError({
      code: 'missing_field',
      path: ['options', 'asOf'],
      expected: 'the day to measure on, "YYYY-MM-DD" or a Date',
      received: 'undefined',
    });
  }
  const asOf = toCalendarDate(options.asOf, ['options', 'asOf'], timeZone);
  const { start } = trailingStart(asOf, options.months);
  const rates = periodStartRates(options.currency, timeZone);
  const rows = normalizeSubscriptionPeriods(subscriptions, timeZone, undefined, rates);

  const snapshots = customerMrrSnapshots(rows, [toDayNumber(start), toDayNumber(asOf)]);
  // Collected and added once, exactly: a running `plus` would round each partial sum to 40 significant digits.
  const starts: Decimal[] = [];
  const ends: Decimal[] = [];
  let startingCustomers = 0;
  let retainedCustomers = 0;
  for (const customerId of [...snapshots.keys()].sort()) {
    const [starting, ending] = snapshots.get(customerId)! as [Decimal, Decimal];
    if (starting.isZero()) continue;
    startingCustomers += 1;
    if (!ending.isZero()) retainedCustomers += 1;
    starts.push(starting);
    ends.push(counted(starting, ending));
  }
  const startingMrr = exactSum(starts);
  const endingMrr = exactSum(ends);
  return {
    value: ratioOrNull(endingMrr, startingMrr),
    start,
    asOf,
    startingMrr,
    endingMrr,
    startingCustomers,
    retainedCustomers,
  };
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['asOf', 'months', 'timeZone', 'currency']);
