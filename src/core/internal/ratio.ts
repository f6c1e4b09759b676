import type { Decimal } from './decimal.js';

/**
 * Divides two exact amounts, returning `null` when the denominator is zero: the library's one convention for a
 * mathematically undefined ratio (a rate over zero customers, a retention of zero starting revenue).
 *
 * Formula: numerator / denominator, rounded to 40 significant digits (ROUND_HALF_EVEN).
 * Edge cases: denominator = 0 gives null, whatever the numerator.
 *
 * @category Core
 * @example
 * ratioOrNull(toDecimal(1), toDecimal(0))
 * //=> null
 * ratioOrNull(toDecimal(1), toDecimal(4)).toString()
 * //=> '0.25'
 */
export function ratioOrNull(numerator: Decimal, denominator: Decimal): Decimal | null {
  return denominator.isZero() ? null : numerator.dividedBy(denominator);
}
