import { MetricInputError } from '../core/errors.js';
import type { Decimal } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * Inputs of {@link referralRevenueShare}, for one period.
 *
 * @category Adoption
 */
export interface ReferralRevenueShareInput {
  /** New MRR from customers who came through an existing customer's referral (>= 0, at most newMrr). */
  readonly referredNewMrr: Numeric;
  /** All new MRR of the period (from new customers), >= 0. */
  readonly newMrr: Numeric;
}

/**
 * Referral revenue share: the part of new recurring revenue that existing customers brought in by bringing
 * new customers (referrals, a champion who changes jobs and brings the product along), the "second-order
 * revenue" of customer success.
 *
 * Formula: referredNewMrr / newMrr.
 * Units: a ratio in [0, 1] (Decimal); both inputs in the same currency per month. Source: the idea of
 * second-order revenue is from customer-success practice (docs/adoption.md); the formula is our convention.
 * Edge cases: newMrr = 0 gives null; referredNewMrr > newMrr, or a negative or non-numeric amount, is a
 * MetricInputError.
 *
 * @category Adoption
 * @example
 * referralRevenueShare({ referredNewMrr: '1250.50', newMrr: 5002 }).toString()
 * //=> '0.25'
 * referralRevenueShare({ referredNewMrr: 0, newMrr: 0 })
 * //=> null
 */
export function referralRevenueShare(input: ReferralRevenueShareInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const referred = toDecimal(input.referredNewMrr, ['referredNewMrr'], 'nonNegative');
  const total = toDecimal(input.newMrr, ['newMrr'], 'nonNegative');
  if (referred.greaterThan(total)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['referredNewMrr'],
      expected: `at most newMrr (${total.toString()})`,
      received: describeValue(input.referredNewMrr),
    });
  }
  return ratioOrNull(referred, total);
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['referredNewMrr', 'newMrr']);
