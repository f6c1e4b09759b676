import type { Decimal } from '../core/internal/decimal.js';
import { ZERO } from '../core/internal/decimal.js';
import { assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import { assertLossesWithinStartingMrr } from './internal/assertLossesWithinStartingMrr.js';

/**
 * The MRR amounts of one period that net revenue churn needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; other fields are ignored.
 *
 * @category Revenue
 */
export interface NetRevenueChurnRateInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
  /** MRR gained from customers who were paying and now pay more, >= 0. */
  readonly expansionMrr: Numeric;
  /** MRR of former customers who came back in the period, >= 0; absent counts as 0. */
  readonly reactivationMrr?: Numeric;
}

/**
 * Whether MRR from returning customers offsets churn: `'offset'` (the default, ChartMogul) subtracts it in the
 * numerator together with expansion; `'exclude'` leaves it out, so the rate concerns only the customers paying
 * at the start of the period and equals 1 − net revenue retention.
 *
 * @category Revenue
 */
export type NetRevenueChurnReactivation = 'offset' | 'exclude';

/**
 * Conventions of {@link netRevenueChurnRate} and {@link isNegativeChurn}.
 *
 * @category Revenue
 */
export interface NetRevenueChurnRateOptions {
  /** Whether reactivation MRR offsets churn; default `'offset'`. */
  readonly reactivation?: NetRevenueChurnReactivation;
}

const REACTIVATION: readonly NetRevenueChurnReactivation[] = ['offset', 'exclude'];

/**
 * Net revenue (MRR) churn rate of one period: MRR lost to churn and contraction, less MRR gained from expansion
 * (and, by default, reactivation), as a share of starting MRR. A negative rate is negative churn: the existing
 * base grows by itself.
 *
 * Formula: (churnedMrr + contractionMrr − expansionMrr − reactivationMrr) / startingMrr with the default
 * `reactivation: 'offset'`; without the reactivationMrr term under `'exclude'`.
 * Units: a ratio, at most 1, negative for negative churn (−0.02 = the base grew 2 %).
 * Source: ChartMogul's standard (B2B) Net MRR Churn Rate, which subtracts expansion and reactivation
 * (docs/revenue-rates.md).
 * Edge cases: startingMrr = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), so is
 * churnedMrr + contractionMrr > startingMrr (`out_of_range`) and an unknown option (`invalid_option`).
 *
 * @category Revenue
 * @example
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 }).toString()
 * //=> '0.1'
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 4, reactivationMrr: 3 }).toString()
 * //=> '-0.02'
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 4, reactivationMrr: 3 }, { reactivation: 'exclude' }).toString()
 * //=> '0.01'
 */
export function netRevenueChurnRate(
  input: NetRevenueChurnRateInput,
  options: NetRevenueChurnRateOptions = {},
): Decimal | null {
  assertObject(input, []);
  assertObject(options, ['options']);
  const reactivation = oneOf(options.reactivation ?? 'offset', REACTIVATION, ['options', 'reactivation']);
  const starting = toDecimal(input.startingMrr, ['startingMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const expansion = toDecimal(input.expansionMrr, ['expansionMrr'], 'nonNegative');
  const reactivated =
    input.reactivationMrr === undefined
      ? ZERO
      : toDecimal(input.reactivationMrr, ['reactivationMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction);
  const gains = reactivation === 'offset' ? expansion.plus(reactivated) : expansion;
  return ratioOrNull(churned.plus(contraction).minus(gains), starting);
}
