import { MetricInputError } from '../core/errors.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import { toPeriod, toSbgParams } from './internal/sbgInternals.js';
import type { ShiftedBetaGeometricParams } from './shiftedBetaGeometric.js';

/**
 * Options of {@link sbgDiscountedExpectedLifetime}.
 *
 * @category Unit economics
 */
export interface SbgDiscountedExpectedLifetimeOptions {
  /** Discount rate per period, 0 or at least 0.000001 (see {@link MIN_SBG_DISCOUNT_RATE}). */
  readonly discountRate: Numeric;
}

/**
 * Options of {@link sbgDiscountedExpectedResidualLifetime}.
 *
 * @category Unit economics
 */
export interface SbgDiscountedExpectedResidualLifetimeOptions {
  /** Discount rate per period, 0 or at least 0.000001 (see {@link MIN_SBG_DISCOUNT_RATE}). */
  readonly discountRate: Numeric;
  /**
   * Renewals the customer has already made, a whole number >= 0 (Fader and Hardie's n − 1): 0 is a customer in
   * its first period, about to make its first renewal decision.
   */
  readonly renewals: number;
}

/**
 * The smallest positive discount rate the sBG lifetime series accept: the series needs about 48 / d terms, so
 * below this the work (not the accuracy) would grow without bound. A rate of exactly 0 is accepted and uses the
 * closed form instead.
 *
 * @category Unit economics
 */
export const MIN_SBG_DISCOUNT_RATE = 0.000001;

/**
 * Discounted expected lifetime (DEL) of a new customer under the sBG model: the present value of one unit paid
 * at the start of every period the customer stays, the first one (today) undiscounted. Multiply by the margin per
 * period for a heterogeneity-aware LTV.
 *
 * Formula: DEL(d) = Σ_{t≥1} S(t − 1) / (1 + d)^{t − 1} = ₂F₁(1, β; α + β; 1 / (1 + d)); at d = 0 it is the
 * expected lifetime (α + β − 1) / (α − 1).
 * Method: the hypergeometric series summed term by term until the bound term × z / (1 − z) on the rest of the
 * series (every term ratio is below z = 1 / (1 + d)) falls under 1e-15 of the sum.
 * Units: periods of payment in today's money (a double).
 * Source: Fader and Hardie (2010) "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
 * Heterogeneity", Marketing Science 29(1), the DEL expression (docs/unit-economics.md).
 * Edge cases: d = 0 with α <= 1 gives null (infinite expected lifetime); d < 0, 0 < d < 0.000001, or α, β not
 * > 0 is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * Number(sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: 1 }).toFixed(12))
 * //=> 1.386294361120
 * sbgDiscountedExpectedLifetime({ alpha: 2, beta: 3 }, { discountRate: 0 })
 * //=> 4
 */
export function sbgDiscountedExpectedLifetime(
  params: ShiftedBetaGeometricParams,
  options: SbgDiscountedExpectedLifetimeOptions,
): number | null {
  const { alpha, beta } = toSbgParams(params);
  assertObject(options, ['options']);
  assertKnownKeys(options, DISCOUNT_KEYS, ['options']);
  const d = toDiscountRate(options.discountRate);
  if (d === 0) return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : null;
  return hypergeometricOneB(alpha, beta, 1 / (1 + d));
}

/**
 * Discounted expected residual lifetime (DERL) under the sBG model: for a customer who has renewed n − 1 times
 * and is about to decide on its n-th renewal, the present value of one unit paid at each future renewal it makes,
 * the first (at this renewal) undiscounted. It grows with n: a customer who has stayed is likely a loyal one.
 *
 * Formula: DERL(d, n) = Σ_{t≥n} S(t) / S(n − 1) / (1 + d)^{t − n}
 * = (β + n − 1) / (α + β + n − 1) × ₂F₁(1, β + n; α + β + n; 1 / (1 + d)); at d = 0 it is (β + n − 1) / (α − 1).
 * Identity: DEL(d) = 1 + DERL(d, 1) / (1 + d).
 * Method: as {@link sbgDiscountedExpectedLifetime} (series to a 1e-15 relative tail bound).
 * Units: periods of payment in today's money (a double).
 * Source: Fader and Hardie (2010), the DERL expression for a customer with n − 1 renewals
 * (docs/unit-economics.md).
 * Edge cases: d = 0 with α <= 1 gives null; renewals not a whole number >= 0, d < 0, 0 < d < 0.000001, or α, β
 * not > 0 is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * sbgDiscountedExpectedResidualLifetime({ alpha: 2, beta: 3 }, { discountRate: 0, renewals: 4 })
 * //=> 7
 */
export function sbgDiscountedExpectedResidualLifetime(
  params: ShiftedBetaGeometricParams,
  options: SbgDiscountedExpectedResidualLifetimeOptions,
): number | null {
  const { alpha, beta } = toSbgParams(params);
  assertObject(options, ['options']);
  assertKnownKeys(options, RESIDUAL_KEYS, ['options']);
  const d = toDiscountRate(options.discountRate);
  const n = toPeriod(options.renewals, 0, ['options', 'renewals']) + 1;
  if (d === 0) return alpha > 1 ? (beta + n - 1) / (alpha - 1) : null;
  const nextRetention = (beta + n - 1) / (alpha + beta + n - 1);
  return nextRetention * hypergeometricOneB(alpha, beta + n, 1 / (1 + d));
}

function toDiscountRate(value: unknown): number {
  const d = toDecimal(value, ['options', 'discountRate'], 'nonNegative').toNumber();
  if (d > 0 && d < MIN_SBG_DISCOUNT_RATE) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'discountRate'],
      expected: `0 or a number >= ${MIN_SBG_DISCOUNT_RATE}`,
      received: describeValue(value),
    });
  }
  return d;
}

// ₂F₁(1, b; a + b; z) = Σ_k Π_{j<k} (b + j) / (a + b + j) × z^k for 0 < z < 1. Each term ratio is below z, so the
// rest of the series after a term is below term × z / (1 − z): a rigorous stopping rule.
function hypergeometricOneB(a: number, b: number, z: number): number {
  const tailFactor = z / (1 - z);
  let term = 1;
  let sum = 1;
  for (let k = 0; term * tailFactor > 1e-15 * sum; k += 1) {
    term *= ((b + k) / (a + b + k)) * z;
    sum += term;
  }
  return sum;
}

const DISCOUNT_KEYS: ReadonlySet<string> = new Set(['discountRate']);
const RESIDUAL_KEYS: ReadonlySet<string> = new Set(['discountRate', 'renewals']);
