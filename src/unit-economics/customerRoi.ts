import type { Decimal } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link customerRoi}.
 *
 * @category Unit economics
 */
export interface CustomerRoiInput {
  /** The value the customer says (or measures) it got from the product over the period, >= 0. */
  readonly valueRealized: Numeric;
  /** What the customer paid for it over the same period, >= 0. */
  readonly cost: Numeric;
}

/**
 * The customer's realised return on investment: the customer-success health measure of how much more value the
 * customer got than it paid, seen from the customer's side.
 *
 * Formula: (valueRealized - cost) / cost
 * Units: a ratio (0.5 = the customer got 50 % more than it paid; 0 = break-even; -1 = no value at all).
 * Source: the standard ROI formula applied to the customer, as the customer-success sources name it a health
 * measure (Mehta, Steinman and Murphy 2016; docs/unit-economics.md).
 * Edge cases: cost = 0 gives null; a negative value or cost is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * customerRoi({ valueRealized: 30000, cost: 12000 }).toString()
 * //=> '1.5'
 */
export function customerRoi(input: CustomerRoiInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const value = toDecimal(input.valueRealized, ['valueRealized'], 'nonNegative');
  const cost = toDecimal(input.cost, ['cost'], 'nonNegative');
  return ratioOrNull(value.minus(cost), cost);
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['valueRealized', 'cost']);
