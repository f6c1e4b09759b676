import { Decimal } from './internal/decimal.js';
import { assertObject, oneOf } from './internal/options.js';
import { rejectInput } from './internal/rejectInput.js';
import { toDecimal } from './numeric.js';
import type { Numeric } from './types.js';

/**
 * How often a price is charged.
 *
 * @category Core
 */
export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A recurring price: `amount` charged every `intervalCount` `interval`s. A row of a price list or billing export
 * can be passed as it is: its other columns (`name`, `plan` …) are not read (docs/core.md, "Strict inputs").
 *
 * @category Core
 */
export interface NormalizeToMrrInput {
  /** The price charged once per billing cycle, >= 0. */
  readonly amount: Numeric;
  /** The unit of the billing cycle. */
  readonly interval: BillingInterval;
  /** How many `interval`s one billing cycle lasts, a whole number >= 1; default `1`. */
  readonly intervalCount?: number;
}

const INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];

// Months per interval as an exact fraction [numerator, denominator]: a 365-day year and a 52-week year
// (docs/core.md says who uses which).
const MONTHS_PER_INTERVAL: Readonly<Record<BillingInterval, readonly [number, number]>> = {
  day: [12, 365],
  week: [12, 52],
  month: [1, 1],
  quarter: [3, 1],
  year: [12, 1],
};

/**
 * Monthly recurring revenue of a recurring price.
 *
 * Formula: amount / (intervalCount × months per interval), with months per interval: day 12/365, week 12/52,
 * month 1, quarter 3, year 12 — so a yearly price counts 1/12 a month, a weekly one 52/12 times, a daily one
 * 365/12 times. Source: ChartMogul and Stripe divide multi-month prices by their months; the 365-day year for
 * daily prices is Glassfy's; the 52-week year is our convention (docs/core.md).
 * Units: currency per month, exact to 40 significant digits (a yearly 2000 is 166.666…67, not rounded to cents).
 * Edge cases: amount 0 gives 0; a negative or non-finite amount, an unknown interval, or an intervalCount that
 * is not a whole number >= 1 is a {@link MetricInputError}.
 *
 * @category Core
 * @example
 * normalizeToMrr({ amount: 2000, interval: 'year' }).toString()
 * //=> '166.6666666666666666666666666666666666667'
 * normalizeToMrr({ amount: 90, interval: 'month', intervalCount: 3 }).toString()
 * //=> '30'
 */
export function normalizeToMrr(input: NormalizeToMrrInput): Decimal {
  assertObject(input, []);
  const amount = toDecimal(input.amount, ['amount'], 'nonNegative');
  const interval = oneOf(input.interval, INTERVALS, ['interval']);
  const intervalCount = input.intervalCount ?? 1;
  if (typeof intervalCount !== 'number' || !Number.isSafeInteger(intervalCount) || intervalCount < 1) {
    rejectInput('not_integer', ['intervalCount'], 'a whole number >= 1', intervalCount);
  }
  const [perMonthNumerator, perMonthDenominator] = MONTHS_PER_INTERVAL[interval];
  // One division at the end keeps the result within one rounding of the exact value.
  return amount.times(perMonthDenominator).dividedBy(new Decimal(perMonthNumerator).times(intervalCount));
}
