import { type Decimal, ONE } from '../core/internal/decimal.js';
import { toUnitInterval } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link cacPaybackMonths}.
 *
 * @category Unit economics
 */
export interface CacPaybackMonthsInput {
  /** Acquisition cost to pay back (per customer, or of a whole period's new customers), >= 0. */
  readonly cac: Numeric;
  /** MRR per new account (ARPA of the new customers), >= 0; or their total new MRR when `cac` is their total cost. */
  readonly arpa: Numeric;
  /** Gross margin in [0, 1]; default `1` (payback on revenue rather than on gross profit). */
  readonly grossMargin?: Numeric;
}

/**
 * CAC payback period: how many months of a new customer's gross profit it takes to earn back its acquisition
 * cost, assuming its MRR stays flat and it does not churn.
 *
 * Formula: cac / (arpa × grossMargin)
 * Units: months (when the MRR is monthly); fractional, not rounded up.
 * Source: Bessemer's "CAC Payback Period" (Cowan, Bessemer Cloud Law #6, 2012: 770k / (100k × 0.70) = 11
 * months); the same formula per customer as ARPA-based payback (docs/unit-economics.md).
 * Edge cases: arpa × grossMargin = 0 gives null (never paid back); a negative cac or MRR, or a margin
 * outside [0, 1], is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * cacPaybackMonths({ cac: 770000, arpa: 100000, grossMargin: 0.7 }).toString()
 * //=> '11'
 */
export function cacPaybackMonths(input: CacPaybackMonthsInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const cac = toDecimal(input.cac, ['cac'], 'nonNegative');
  const mrr = toDecimal(input.arpa, ['arpa'], 'nonNegative');
  const margin = input.grossMargin === undefined ? ONE : toUnitInterval(input.grossMargin, ['grossMargin']);
  return ratioOrNull(cac, mrr.times(margin));
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['cac', 'arpa', 'grossMargin']);
