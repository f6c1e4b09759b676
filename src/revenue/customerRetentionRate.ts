import type { Decimal } from '../core/internal/decimal.js';
import { ONE } from '../core/internal/decimal.js';
import {
  type CustomerChurnRateInput,
  type CustomerChurnRateOptions,
  customerChurnRate,
} from './customerChurnRate.js';

/**
 * Customer (logo) retention rate of one period: the share of customers kept, the complement of
 * {@link customerChurnRate} under the same denominator.
 *
 * Formula: 1 − customerChurnRate(input, options); with the default `'start'` denominator that is
 * (startingCustomers − churnedCustomers) / startingCustomers.
 * Units: a ratio in [0, 1] (0.95 = 95 % of customers kept).
 * Source: the complement of ChartMogul's standard customer churn rate (docs/revenue-rates.md).
 * Edge cases: null exactly where the churn rate is null (zero denominator); every input error of
 * {@link customerChurnRate} (`out_of_range`, `missing_field`, `negative_amount`, `not_integer`,
 * `invalid_option`) applies unchanged.
 *
 * @category Revenue
 * @example
 * customerRetentionRate({ startingCustomers: 200, churnedCustomers: 10 }).toString()
 * //=> '0.95'
 * customerRetentionRate({ startingCustomers: 200, churnedCustomers: 10, newCustomers: 50 }, { denominator: 'startPlusNew' }).toString()
 * //=> '0.96'
 */
export function customerRetentionRate(
  input: CustomerChurnRateInput,
  options: CustomerChurnRateOptions = {},
): Decimal | null {
  const churn = customerChurnRate(input, options);
  return churn === null ? null : ONE.minus(churn);
}
