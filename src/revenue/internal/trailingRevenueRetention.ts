import { addCalendarMonths, toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { type Decimal, ZERO } from '../../core/internal/decimal.js';
import { assertTimeZone } from '../../core/internal/isoDayNumber.js';
import { assertKnownKeys, assertObject } from '../../core/internal/options.js';
import { ratioOrNull } from '../../core/internal/ratio.js';
import { describeValue, relocateError } from '../../core/internal/rejectInput.js';
import type { IsoDate } from '../../core/types.js';
import type { SubscriptionPeriod } from '../subscriptionPeriod.js';
import type { TrailingRevenueRetention, TrailingRevenueRetentionOptions } from '../types.js';
import { customerMrrSnapshots } from './customerMrrSnapshots.js';
import { periodStartRates } from './exchangeRates.js';
import { normalizeSubscriptionPeriods } from './normalizeSubscriptionPeriods.js';

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
  const months = wholeMonths(options.months ?? 12);
  const start = monthsBefore(asOf, months);
  const rates = periodStartRates(options.currency, timeZone);
  const rows = normalizeSubscriptionPeriods(subscriptions, timeZone, undefined, rates);

  const snapshots = customerMrrSnapshots(rows, [toDayNumber(start), toDayNumber(asOf)]);
  let startingMrr: Decimal = ZERO;
  let endingMrr: Decimal = ZERO;
  let startingCustomers = 0;
  let retainedCustomers = 0;
  for (const customerId of [...snapshots.keys()].sort()) {
    const [starting, ending] = snapshots.get(customerId)! as [Decimal, Decimal];
    if (starting.isZero()) continue;
    startingCustomers += 1;
    if (!ending.isZero()) retainedCustomers += 1;
    startingMrr = startingMrr.plus(starting);
    endingMrr = endingMrr.plus(counted(starting, ending));
  }
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

function wholeMonths(months: unknown): number {
  if (typeof months !== 'number' || !Number.isSafeInteger(months)) {
    throw new MetricInputError({
      code: typeof months === 'number' ? 'not_integer' : 'invalid_type',
      path: ['options', 'months'],
      expected: 'a whole number of months >= 1',
      received: describeValue(months),
    });
  }
  if (months < 1) {
    throw new MetricInputError({
      code: 'not_positive',
      path: ['options', 'months'],
      expected: 'a whole number of months >= 1',
      received: describeValue(months),
    });
  }
  return months;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['asOf', 'months', 'timeZone', 'currency']);

// A shift past the calendar's first year is a bad `months` option, reported where the caller set it.
function monthsBefore(asOf: IsoDate, months: number): IsoDate {
  try {
    return addCalendarMonths(asOf, -months);
  } catch (error) {
    throw error instanceof MetricInputError ? relocateError(error, ['options', 'months']) : error;
  }
}
