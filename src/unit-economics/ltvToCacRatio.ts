import type { Decimal } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link ltvToCacRatio}.
 *
 * @category Unit economics
 */
export interface LtvToCacRatioInput {
  /** Lifetime value of one customer, >= 0 (see {@link lifetimeValue}). */
  readonly ltv: Numeric;
  /** Acquisition cost of one customer, >= 0 (see {@link customerAcquisitionCost}). */
  readonly cac: Numeric;
}

/**
 * LTV to CAC ratio: how many times a customer's lifetime value repays what it cost to win them.
 *
 * Formula: ltv / cac
 * Units: a ratio (3 = the customer is worth three times its acquisition cost).
 * Source: the common SaaS rule of thumb "LTV at least 3 × CAC", quoted by ChartMogul (docs/unit-economics.md).
 * Edge cases: cac = 0 gives null; a negative ltv or cac is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * ltvToCacRatio({ ltv: 2000, cac: 500 }).toString()
 * //=> '4'
 */
export function ltvToCacRatio(input: LtvToCacRatioInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const ltv = toDecimal(input.ltv, ['ltv'], 'nonNegative');
  const cac = toDecimal(input.cac, ['cac'], 'nonNegative');
  return ratioOrNull(ltv, cac);
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['ltv', 'cac']);
