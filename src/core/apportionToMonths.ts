import { Decimal } from './internal/decimal.js';
import { assertObject, oneOf } from './internal/options.js';
import { rejectInput } from './internal/rejectInput.js';
import { toDecimal } from './numeric.js';
import type { Numeric } from './types.js';

/**
 * A price billed for whole months, to split into the amounts of its months.
 *
 * @category Core
 */
export interface ApportionToMonthsInput {
  /** The price charged once per billing cycle, >= 0, with at most `decimals` decimal places. */
  readonly amount: Numeric;
  /** The unit of the billing cycle: one that is a whole number of months. */
  readonly interval: 'month' | 'quarter' | 'year';
  /** How many `interval`s one billing cycle lasts, a whole number from 1 to 1200; default `1`. */
  readonly intervalCount?: number;
  /** Decimal places of the currency's smallest unit (2 for cents, 0 for yen, 3 for fils); default `2`. */
  readonly decimals?: number;
}

const MONTHS: Readonly<Record<ApportionToMonthsInput['interval'], number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

/**
 * Splits a price into the amounts of the months it pays for, in the currency's smallest unit, so that they sum
 * back to the price exactly: the counterpart of {@link normalizeToMrr} for books that must balance.
 *
 * Formula: n = months in the billing cycle; every month gets ⌊amount / n⌋ in smallest units and the
 * r = amount − n × ⌊amount / n⌋ units left over go one each to the first r months (largest remainder, Hamilton's
 * method: all remainders are equal, so earlier months win ties). Source: the largest-remainder rule ledgers and
 * revenue-recognition schedules use to spread a price without losing a cent.
 * Units: currency, one entry per month in order; each is within one smallest unit of normalizeToMrr.
 * Edge cases: amount 0 gives n zeros; an amount with more decimal places than `decimals`, a negative amount, a
 * `'day'` or `'week'` interval (not whole months), or a bad count is a {@link MetricInputError}.
 *
 * @category Core
 * @example
 * apportionToMonths({ amount: 1990, interval: 'year' }).map(String)
 * //=> ['165.84', '165.84', '165.84', '165.84', '165.83', '165.83', '165.83', '165.83', '165.83', '165.83', '165.83', '165.83']
 * apportionToMonths({ amount: 100, interval: 'quarter' }).map(String)
 * //=> ['33.34', '33.33', '33.33']
 */
export function apportionToMonths(input: ApportionToMonthsInput): Decimal[] {
  assertObject(input, []);
  const amount = toDecimal(input.amount, ['amount'], 'nonNegative');
  const interval = oneOf(input.interval, ['month', 'quarter', 'year'] as const, ['interval']);
  const intervalCount = input.intervalCount ?? 1;
  if (!Number.isSafeInteger(intervalCount) || intervalCount < 1 || intervalCount > 1200) {
    rejectInput('out_of_range', ['intervalCount'], 'a whole number from 1 to 1200', intervalCount);
  }
  const decimals = input.decimals ?? 2;
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 12) {
    rejectInput('out_of_range', ['decimals'], 'a whole number of decimal places from 0 to 12', decimals);
  }
  if (amount.decimalPlaces() > decimals) {
    rejectInput(
      'invalid_value',
      ['amount'],
      `an amount with at most ${decimals} decimal places`,
      input.amount,
    );
  }
  const months = MONTHS[interval] * intervalCount;
  const units = amount.times(new Decimal(10).pow(decimals));
  const base = units.dividedToIntegerBy(months);
  const leftover = units.minus(base.times(months)).toNumber();
  const unit = new Decimal(10).pow(-decimals);
  const low = base.times(unit);
  const high = base.plus(1).times(unit);
  return Array.from({ length: months }, (_, month) => (month < leftover ? high : low));
}
