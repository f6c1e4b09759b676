import { Decimal, ZERO } from '../../core/internal/decimal.js';

const SCALE = new Decimal('1e20');

/**
 * Shares of a total that sum to exactly 1: each part's share part / total is taken to 20 decimal places, rounded
 * down, and the missing units of 10⁻²⁰ go to the largest remainders (earlier part on ties), the
 * largest-remainder (Hamilton) method. All arithmetic is exact. Every share is within 10⁻²⁰ of the exact ratio.
 * Returns nulls when the total is 0.
 *
 * @private
 */
export function apportionShares(parts: readonly Decimal[], total: Decimal): (Decimal | null)[] {
  if (total.isZero()) return parts.map(() => null);
  const units = parts.map((part) => part.times(SCALE).dividedToIntegerBy(total));
  const remainders = parts.map((part, index) => part.times(SCALE).minus(units[index]!.times(total)));
  let missing = SCALE.minus(units.reduce((sum, unit) => sum.plus(unit), ZERO)).toNumber();
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    units[index] = units[index]!.plus(1);
    missing -= 1;
  }
  return units.map((unit) => unit.dividedBy(SCALE));
}
