import type { Decimal } from '../core/internal/decimal.js';
import { assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import { assertLossesWithinStartingMrr } from './internal/assertLossesWithinStartingMrr.js';

/**
 * The MRR amounts of one period that gross revenue retention needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; other fields (new, expansion and reactivation MRR among
 * them) are ignored.
 *
 * @category Revenue
 */
export interface GrossRevenueRetentionInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
}

/**
 * Gross revenue retention (GRR, gross MRR retention) of one period: the share of starting MRR kept, counting
 * losses (contraction and churn) but no gains, so it never exceeds 1.
 *
 * Formula: (startingMrr − contractionMrr − churnedMrr) / startingMrr
 * Units: a ratio in [0, 1] (0.9 = 90 % of starting MRR kept).
 * Source: ChartMogul's Gross MRR Retention (losses only, at most 100 %); docs/revenue-rates.md.
 * Edge cases: startingMrr = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), and so
 * is churnedMrr + contractionMrr > startingMrr (`out_of_range`).
 *
 * @category Revenue
 * @example
 * grossRevenueRetention({ startingMrr: 100, contractionMrr: 5, churnedMrr: 5 }).toString()
 * //=> '0.9'
 */
export function grossRevenueRetention(input: GrossRevenueRetentionInput): Decimal | null {
  assertObject(input, []);
  const starting = toDecimal(input.startingMrr, ['startingMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction);
  return ratioOrNull(starting.minus(contraction).minus(churned), starting);
}
