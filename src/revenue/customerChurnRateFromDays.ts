import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The counts a customer-days churn rate needs.
 *
 * @category Revenue
 */
export interface CustomerChurnRateFromDaysInput {
  /** Customers who churned during the period, a whole number >= 0 (new customers who churned count too). */
  readonly churnedCustomers: Numeric;
  /**
   * Customer-days of exposure, >= 0: the sum over every customer of the days it was an active paying customer
   * within the period (a customer paying all of a 30-day month adds 30, one who joined on day 21 adds 10).
   */
  readonly customerDays: Numeric;
  /** The length the rate is expressed per, in days, > 0: the period's length (28–31 for a month, 7 for a week). */
  readonly daysInPeriod: Numeric;
}

/**
 * Customer churn rate from customer-days (the Shopify formula, ChartMogul's B2C setting): churned customers per
 * customer-day of exposure, scaled to the period's length. Every customer counts for the days it could have
 * churned, so customers who join mid-period, and those who join and leave within it, are weighed fairly, and
 * periods of different lengths compare.
 *
 * Formula: churnedCustomers / customerDays × daysInPeriod
 * Units: churns per customer per period, a rate >= 0 (0.05 = 5 churns per 100 customer-periods). For a steady
 * base it approximates the start-of-period churn rate; it is a rate, not a share, and can exceed 1 when many
 * customers churn soon after they join.
 * Source: Steven H. Noble, "Defining Churn Rate (no really, this actually requires an entire blog post)", Shopify
 * Engineering blog, 2011; ChartMogul's Shopify (B2C) churn rate formula setting (docs/revenue-rates.md).
 * Edge cases: customerDays = 0 gives null; a negative value (`negative_amount`), a non-whole churned count
 * (`not_integer`) and daysInPeriod <= 0 (`not_positive`) are MetricInputErrors.
 *
 * @category Revenue
 * @example
 * customerChurnRateFromDays({ churnedCustomers: 3, customerDays: 1800, daysInPeriod: 30 }).toString()
 * //=> '0.05'
 */
export function customerChurnRateFromDays(input: CustomerChurnRateFromDaysInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const churned = toCount(input.churnedCustomers, ['churnedCustomers']);
  const customerDays = toDecimal(input.customerDays, ['customerDays'], 'nonNegative');
  const daysInPeriod = toDecimal(input.daysInPeriod, ['daysInPeriod'], 'positive');
  // Multiplying first keeps a single rounding: churned × days is exact for any realistic count.
  return ratioOrNull(toDecimal(churned).times(daysInPeriod), customerDays);
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['churnedCustomers', 'customerDays', 'daysInPeriod']);
