import {
  addCalendarMonths,
  assertTimeZone,
  type DateLike,
  type IsoDate,
  toCalendarDate,
  toDayNumber,
} from '../core/calendarDate.js';
import { type Decimal, ZERO } from '../core/decimal.js';
import { describeValue, MetricInputError, relocateError } from '../core/errors.js';
import { assertKnownKeys, assertObject } from '../core/options.js';
import { ratioOrNull } from '../core/ratio.js';
import { customerMrrSnapshots } from './customerMrrSnapshots.js';
import { normalizeSubscriptionPeriods, type SubscriptionPeriod } from './subscriptionPeriod.js';

/**
 * Options of {@link trailingNetRevenueRetention} and `trailingGrossRevenueRetention`.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetentionOptions {
  /** The day retention is measured on (the caller's "today"; the library never reads the clock). Required. */
  readonly asOf: DateLike;
  /** How far back the cohort is taken, a whole number of months >= 1; default `12`. */
  readonly months?: number;
  /** IANA time zone that decides the calendar day of a `Date` input; no default (see {@link DateLike}). */
  readonly timeZone?: string;
}

/**
 * A trailing revenue retention and the amounts it is made of.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetention {
  /** endingMrr / startingMrr; null when nobody paid on `start`. */
  readonly value: Decimal | null;
  /** The day the cohort is taken: `asOf` minus `months` months (month end clamped). */
  readonly start: IsoDate;
  /** The day retention is measured on. */
  readonly asOf: IsoDate;
  /** The cohort's MRR on `start`. */
  readonly startingMrr: Decimal;
  /** The cohort's MRR on `asOf` (for gross retention, each customer capped at its starting MRR). */
  readonly endingMrr: Decimal;
  /** Customers paying (MRR > 0) on `start`: the cohort. */
  readonly startingCustomers: number;
  /** Cohort customers still paying (MRR > 0) on `asOf`. */
  readonly retainedCustomers: number;
}

/**
 * Trailing (cohort) net revenue retention, the figure public SaaS companies report: the MRR today of the
 * customers who were paying `months` months ago, over their MRR then. Customers acquired since are left out;
 * expansion, contraction and churn of the cohort are in.
 *
 * A customer's MRR on a day is the sum of its periods active that day (start <= day < end). The start day is
 * `asOf` minus `months` calendar months as date-fns `subMonths` computes it (UTC calendar arithmetic, `addCalendarMonths`), clamped to the month's end
 * (2024-03-31 minus 1 month is 2024-02-29).
 *
 * Formula: Σ mrr(c, asOf) / Σ mrr(c, start), over the customers c with mrr(c, start) > 0.
 * Units: a ratio (1.2 = 120 %). Source: the dollar-based net retention of public SaaS filings, e.g. Confluent's
 * (recurring revenue now of the customers of 12 months earlier, over theirs then; new customers excluded),
 * here on MRR (docs/revenue-cohorts.md).
 * Edge cases: nobody paying on the start day gives value null; a missing asOf, `months` not a whole number >= 1
 * or a bad row is a MetricInputError.
 *
 * @category Revenue
 * @example
 * trailingNetRevenueRetention(
 *   [
 *     { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
 *     { customerId: 'a', start: '2024-02-01', mrr: 150 },
 *     { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
 *     { customerId: 'c', start: '2023-12-01', mrr: 500 },
 *   ],
 *   { asOf: '2024-06-30' },
 * ).value?.toString()
 * //=> '0.75'
 */
export function trailingNetRevenueRetention(
  subscriptions: readonly SubscriptionPeriod[],
  options: TrailingRevenueRetentionOptions,
): TrailingRevenueRetention {
  return trailingRevenueRetention(subscriptions, options, (_starting, ending) => ending);
}

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
  const rows = normalizeSubscriptionPeriods(subscriptions, timeZone);

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

const OPTION_KEYS: ReadonlySet<string> = new Set(['asOf', 'months', 'timeZone']);

// A shift past the calendar's first year is a bad `months` option, reported where the caller set it.
function monthsBefore(asOf: IsoDate, months: number): IsoDate {
  try {
    return addCalendarMonths(asOf, -months);
  } catch (error) {
    throw error instanceof MetricInputError ? relocateError(error, ['options', 'months']) : error;
  }
}
