import { MetricInputError } from '../../core/errors.js';
import type { Decimal } from '../../core/internal/decimal.js';

/**
 * Throws `out_of_range` when churned plus contraction MRR exceeds the starting MRR they were lost from: such a
 * row mixes in MRR of customers who were not there at the start, and every retention ratio over it would mislead.
 *
 * @private
 */
export function assertLossesWithinStartingMrr(
  starting: Decimal,
  churned: Decimal,
  contraction: Decimal,
): void {
  const losses = churned.plus(contraction);
  if (losses.greaterThan(starting)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['churnedMrr'],
      expected: `churnedMrr + contractionMrr <= startingMrr (${starting.toString()})`,
      received: losses.toString(),
      message: `churnedMrr + contractionMrr (${losses.toString()}) must not exceed startingMrr (${starting.toString()})`,
    });
  }
}
