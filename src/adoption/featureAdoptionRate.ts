import { MetricInputError } from '../core/errors.js';
import { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { describeValue } from '../core/internal/rejectInput.js';
import type { Numeric } from '../core/types.js';

/**
 * Inputs of {@link featureAdoptionRate}.
 *
 * @category Adoption
 */
export interface FeatureAdoptionRateInput {
  /** Eligible users who used the feature in the period (whole number >= 0, at most eligibleUsers). */
  readonly adopters: Numeric;
  /** Users who could use the feature (have access to it), whole number >= 0. */
  readonly eligibleUsers: Numeric;
}

/**
 * Feature adoption rate: the share of users with access to a feature who used it. The denominator is the
 * eligible users, not all users, so a feature sold only on a higher plan is not penalised for plans that
 * cannot use it.
 *
 * Formula: adopters / eligibleUsers.
 * Units: a ratio in [0, 1] (Decimal). Source: common product-analytics practice; counting eligible users
 * only is our convention (docs/adoption.md).
 * Edge cases: eligibleUsers = 0 gives null; adopters > eligibleUsers, or a negative, fractional or
 * non-numeric count, is a MetricInputError.
 *
 * @category Adoption
 * @example
 * featureAdoptionRate({ adopters: 30, eligibleUsers: 120 }).toString()
 * //=> '0.25'
 * featureAdoptionRate({ adopters: 0, eligibleUsers: 0 })
 * //=> null
 */
export function featureAdoptionRate(input: FeatureAdoptionRateInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const adopters = toCount(input.adopters, ['adopters']);
  const eligibleUsers = toCount(input.eligibleUsers, ['eligibleUsers']);
  if (adopters > eligibleUsers) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['adopters'],
      expected: `at most eligibleUsers (${eligibleUsers})`,
      received: describeValue(input.adopters),
    });
  }
  return ratioOrNull(new Decimal(adopters), new Decimal(eligibleUsers));
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['adopters', 'eligibleUsers']);
