import {
  type NetRevenueChurnRateInput,
  type NetRevenueChurnRateOptions,
  netRevenueChurnRate,
} from './netRevenueChurnRate.js';

/**
 * Whether a period had negative churn: the MRR gained from existing customers (expansion, and under
 * `reactivation: 'include'` reactivation) exceeded the MRR lost to churn and contraction, so the base grew without any new customer.
 *
 * Formula: netRevenueChurnRate(input, options) < 0, that is expansionMrr > churnedMrr + contractionMrr under the
 * default `reactivation: 'exclude'` (NRR > 1), expansionMrr + reactivationMrr > churnedMrr + contractionMrr under
 * `'include'`.
 * Units: a boolean; exactly balanced gains and losses are not negative churn (false).
 * Source: ChartMogul's Net MRR Churn Rate below zero (docs/revenue-rates.md).
 * Edge cases: startingMrr = 0 gives null, as {@link netRevenueChurnRate} does (there is no base to grow); every
 * input error of {@link netRevenueChurnRate} applies unchanged.
 *
 * @category Revenue
 * @example
 * isNegativeChurn({ startingMrr: 1000, churnedMrr: 20, contractionMrr: 10, expansionMrr: 45 })
 * //=> true
 * isNegativeChurn({ startingMrr: 1000, churnedMrr: 20, contractionMrr: 10, expansionMrr: 25, reactivationMrr: 10 })
 * //=> false
 * isNegativeChurn({ startingMrr: 1000, churnedMrr: 20, contractionMrr: 10, expansionMrr: 25, reactivationMrr: 10 }, { reactivation: 'include' })
 * //=> true
 */
export function isNegativeChurn(
  input: NetRevenueChurnRateInput,
  options: NetRevenueChurnRateOptions = {},
): boolean | null {
  const rate = netRevenueChurnRate(input, options);
  return rate === null ? null : rate.lessThan(0);
}
