import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link customerAcquisitionCost}.
 *
 * @category Unit economics
 */
export interface CustomerAcquisitionCostInput {
  /** Fully loaded sales and marketing spend attributed to the period's new customers, >= 0. */
  readonly salesAndMarketingSpend: Numeric;
  /** New paying customers won in the period, a whole number >= 0. */
  readonly newCustomers: Numeric;
}

/**
 * Customer acquisition cost (CAC): what winning one new customer cost in sales and marketing.
 *
 * Formula: salesAndMarketingSpend / newCustomers
 * Units: currency per new customer.
 * Source: the blended CAC of Bessemer's and a16z's SaaS metrics guides (docs/unit-economics.md); which spend to
 * include (and whether to lag it by a sales cycle) is the caller's choice.
 * Edge cases: newCustomers = 0 gives null; negative spend, or a negative or fractional customer count, is a
 * MetricInputError.
 *
 * @category Unit economics
 * @example
 * customerAcquisitionCost({ salesAndMarketingSpend: 770000, newCustomers: 1000 }).toString()
 * //=> '770'
 */
export function customerAcquisitionCost(input: CustomerAcquisitionCostInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const spend = toDecimal(input.salesAndMarketingSpend, ['salesAndMarketingSpend'], 'nonNegative');
  const newCustomers = toCount(input.newCustomers, ['newCustomers']);
  return ratioOrNull(spend, toDecimal(newCustomers));
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['salesAndMarketingSpend', 'newCustomers']);
