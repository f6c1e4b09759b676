import { type Decimal, ONE } from '../core/internal/decimal.js';
import { toUnitInterval } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * When in a period the margin is earned: `'start'` (paid up front, like a subscription invoice; the first
 * payment is today and undiscounted) or `'end'` (earned at the end of the period, and only by a customer who is
 * retained through it).
 *
 * @category Unit economics
 */
export type PaymentTiming = 'start' | 'end';

/**
 * The inputs of {@link discountedLifetimeValue}.
 *
 * @category Unit economics
 */
export interface DiscountedLifetimeValueInput {
  /** Average revenue per account per period, >= 0 (as in {@link lifetimeValue}). */
  readonly arpa: Numeric;
  /** Gross margin as a fraction in [0, 1]; default `1` (revenue LTV). */
  readonly grossMargin?: Numeric;
  /** Share of customers lost per period, in [0, 1] (retention is 1 − churnRate). */
  readonly churnRate: Numeric;
  /** Discount rate per period (e.g. 0.01 a month), >= 0. */
  readonly discountRate: Numeric;
  /** When the margin is earned; default `'start'`, which at discountRate 0 equals the simple LTV. */
  readonly timing?: PaymentTiming;
}

const TIMINGS: readonly PaymentTiming[] = ['start', 'end'];

/**
 * Discounted customer lifetime value with constant retention: the present value of a margin that keeps coming
 * each period while the customer stays.
 *
 * Formula: timing 'start': m × (1 + d) / (1 + d − r) = Σ_{t≥0} m × r^t / (1 + d)^t;
 * timing 'end': m × r / (1 + d − r) = Σ_{t≥1} m × r^t / (1 + d)^t (m = arpa × grossMargin, r = 1 − churnRate,
 * d = discountRate).
 * Units: currency per customer, in today's money.
 * Source: Gupta and Lehmann (2003) "Customers as assets" (the m·r/(1+i−r) form) and Berger and Nasr (1998);
 * the 'start' form adds the margin collected today (docs/unit-economics.md).
 * Edge cases: d = 0 and churnRate = 0 (a customer who never leaves, undiscounted) gives null; with d = 0 'start'
 * is {@link lifetimeValue}, m / churnRate; a negative arpa or discount rate, or a churn rate or gross margin
 * outside [0, 1], is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * discountedLifetimeValue({ arpa: 100, churnRate: 0.2, discountRate: 0.1, timing: 'end' }).toString()
 * //=> '266.6666666666666666666666666666666666667'
 * discountedLifetimeValue({ arpa: 200, grossMargin: 0.5, churnRate: 0.05, discountRate: 0 }).toString()
 * //=> '2000'
 */
export function discountedLifetimeValue(input: DiscountedLifetimeValueInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const arpa = toDecimal(input.arpa, ['arpa'], 'nonNegative');
  const grossMargin =
    input.grossMargin === undefined ? ONE : toUnitInterval(input.grossMargin, ['grossMargin']);
  const margin = arpa.times(grossMargin);
  const retention = ONE.minus(toUnitInterval(input.churnRate, ['churnRate']));
  const discount = toDecimal(input.discountRate, ['discountRate'], 'nonNegative');
  const timing = oneOf(input.timing ?? 'start', TIMINGS, ['timing']);
  const growth = ONE.plus(discount);
  const numerator = margin.times(timing === 'start' ? growth : retention);
  return ratioOrNull(numerator, growth.minus(retention));
}

const INPUT_KEYS: ReadonlySet<string> = new Set([
  'arpa',
  'grossMargin',
  'churnRate',
  'discountRate',
  'timing',
]);
