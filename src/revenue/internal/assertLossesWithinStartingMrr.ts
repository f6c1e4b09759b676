import { MetricInputError } from '../../core/errors.js';
import { type Decimal, exactSum } from '../../core/internal/decimal.js';
import { toDecimal } from '../../core/numeric.js';

/**
 * The base of every revenue rate: the starting MRR revalued at this period's exchange rates,
 * startingMrr + fxImpactMrr (fxImpactMrr absent counts as 0, and is 0 without currencies or under
 * `rateDate: 'periodStart'`). Under `'snapshot'` a period's losses are measured at its own rates, so they are
 * shares of the starting book at those rates (constant currency), never of the book at last period's rates.
 * Throws `negative_amount` for a negative startingMrr and `out_of_range` for a negative revalued base.
 *
 * @private
 */
export function revaluedStartingMrr(input: {
  readonly startingMrr: unknown;
  readonly fxImpactMrr?: unknown;
}): Decimal {
  const starting = toDecimal(input.startingMrr, ['startingMrr'], 'nonNegative');
  if (input.fxImpactMrr === undefined) return starting;
  const revalued = exactSum([starting, toDecimal(input.fxImpactMrr, ['fxImpactMrr'])]);
  if (revalued.isNegative() && !revalued.isZero()) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['fxImpactMrr'],
      expected: `startingMrr + fxImpactMrr >= 0 (startingMrr ${starting.toString()})`,
      received: exactSum([revalued], [starting]).toString(),
      message: `startingMrr + fxImpactMrr (${revalued.toString()}) must not be negative: the starting MRR revalued at this period's rates is a sum of MRR`,
    });
  }
  return revalued;
}

/**
 * Throws `out_of_range` when churned plus contraction MRR exceeds the (revalued) starting MRR they were lost
 * from: such a row mixes in MRR of customers who were not there at the start, and every retention ratio over it
 * would mislead. `revalued` says whether the base includes an fxImpactMrr, to name it in the message.
 *
 * @private
 */
export function assertLossesWithinStartingMrr(
  starting: Decimal,
  churned: Decimal,
  contraction: Decimal,
  revalued = false,
): void {
  const losses = exactSum([churned, contraction]);
  if (losses.greaterThan(starting)) {
    const base = revalued ? 'startingMrr + fxImpactMrr' : 'startingMrr';
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['churnedMrr'],
      expected: `churnedMrr + contractionMrr <= ${base} (${starting.toString()})`,
      received: losses.toString(),
      message: `churnedMrr + contractionMrr (${losses.toString()}) must not exceed ${base} (${starting.toString()})`,
    });
  }
}
