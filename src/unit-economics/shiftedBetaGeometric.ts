import type { Numeric } from '../core/types.js';
import { toPeriod, toSbgParams } from './internal/sbgInternals.js';

/**
 * The two parameters of the shifted-beta-geometric (sBG) model of Fader and Hardie (2007): each customer churns at
 * the end of every period with its own fixed probability θ, and θ varies across customers as Beta(α, β).
 * Mean churn in the first period is α / (α + β); small α and β mean very different customers.
 *
 * @category Unit economics
 */
export interface ShiftedBetaGeometricParams {
  /** α > 0, a double (a fitted model parameter, see {@link fitShiftedBetaGeometric}). */
  readonly alpha: Numeric;
  /** β > 0, a double. */
  readonly beta: Numeric;
}

/**
 * Survival function of the sBG model: the probability that a customer acquired at time 0 is still a customer
 * after t periods (has renewed t times), i.e. P(T > t) for the churn period T.
 *
 * Formula: S(0) = 1, S(t) = S(t − 1) × (β + t − 1) / (α + β + t − 1) = B(α, β + t) / B(α, β).
 * Units: a probability (a double, not a Decimal: the model is a statistical approximation).
 * Source: Fader and Hardie (2007) "How to Project Customer Retention", J. Interactive Marketing 21(1), eq. (6)
 * and its recursion (docs/unit-economics.md).
 * Edge cases: t = 0 gives 1; a t that is not a whole number >= 0, or α or β not > 0, is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * sbgSurvival({ alpha: 1, beta: 1 }, 3)
 * //=> 0.25
 */
export function sbgSurvival(params: ShiftedBetaGeometricParams, t: number): number {
  const { alpha, beta } = toSbgParams(params);
  const periods = toPeriod(t, 0, ['t']);
  let survival = 1;
  for (let k = 1; k <= periods; k += 1) survival *= (beta + k - 1) / (alpha + beta + k - 1);
  return survival;
}

/**
 * Churn probability of the sBG model: the probability that a newly acquired customer leaves in period t exactly
 * (is lost at the end of its t-th period), P(T = t).
 *
 * Formula: P(T = 1) = α / (α + β); P(T = t) = P(T = t − 1) × (β + t − 2) / (α + β + t − 1) = S(t − 1) − S(t).
 * Units: a probability (a double).
 * Source: Fader and Hardie (2007), eq. (5) and its recursion (docs/unit-economics.md).
 * Edge cases: a t that is not a whole number >= 1, or α or β not > 0, is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * sbgChurnProbability({ alpha: 1, beta: 1 }, 1)
 * //=> 0.5
 * sbgChurnProbability({ alpha: 1, beta: 1 }, 2)
 * //=> 0.16666666666666666
 */
export function sbgChurnProbability(params: ShiftedBetaGeometricParams, t: number): number {
  const { alpha, beta } = toSbgParams(params);
  const period = toPeriod(t, 1, ['t']);
  let probability = alpha / (alpha + beta);
  for (let k = 2; k <= period; k += 1) probability *= (beta + k - 2) / (alpha + beta + k - 1);
  return probability;
}

/**
 * Retention rate of the sBG model in period t: the share of the customers alive at the start of period t who
 * renew at its end. It rises with t because the customers most likely to churn leave first.
 *
 * Formula: r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1).
 * Units: a probability (a double).
 * Source: Fader and Hardie (2007), eq. (8) (docs/unit-economics.md).
 * Edge cases: a t that is not a whole number >= 1, or α or β not > 0, is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * sbgRetentionRate({ alpha: 1, beta: 3 }, 1)
 * //=> 0.75
 * sbgRetentionRate({ alpha: 1, beta: 3 }, 2)
 * //=> 0.8
 */
export function sbgRetentionRate(params: ShiftedBetaGeometricParams, t: number): number {
  const { alpha, beta } = toSbgParams(params);
  const period = toPeriod(t, 1, ['t']);
  return (beta + period - 1) / (alpha + beta + period - 1);
}

/**
 * Expected lifetime of a new customer under the sBG model: the expected number of periods it pays for,
 * counting the period it was acquired in.
 *
 * Formula: E[T] = Σ_{t≥0} S(t) = (α + β − 1) / (α − 1) when α > 1 (Gauss's sum of ₂F₁(1, β; α + β; 1)).
 * Units: periods (a double).
 * Source: Fader and Hardie (2010) "Customer-Base Valuation in a Contractual Setting", Marketing Science 29(1):
 * the DEL of {@link sbgDiscountedExpectedLifetime} at d = 0 (docs/unit-economics.md).
 * Edge cases: α <= 1 gives null: enough customers almost never churn that the mean lifetime is infinite;
 * α or β not > 0 is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * sbgExpectedLifetime({ alpha: 2, beta: 3 })
 * //=> 4
 * sbgExpectedLifetime({ alpha: 0.7, beta: 1.2 })
 * //=> null
 */
export function sbgExpectedLifetime(params: ShiftedBetaGeometricParams): number | null {
  const { alpha, beta } = toSbgParams(params);
  return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : null;
}
