import type { Decimal } from '../core/internal/decimal.js';
import { trailingRevenueRetention } from './internal/trailingRevenueRetention.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';
import type { TrailingRevenueRetention, TrailingRevenueRetentionOptions } from './types.js';

/**
 * Trailing (cohort) gross revenue retention: like {@link trailingNetRevenueRetention}, but each customer's MRR
 * today is capped at its MRR `months` months ago, so expansion cannot hide churn and contraction.
 *
 * Formula: Σ min(mrr(c, asOf), mrr(c, start)) / Σ mrr(c, start), over the customers c with mrr(c, start) > 0;
 * start = `asOf` minus `months` months (date-fns `subMonths` in UTC, month end clamped).
 * Units: a ratio in [0, 1], never above the net figure. Source: gross revenue retention is the starting revenue
 * left after contraction and churn, expansion excluded (GP Bullhound's CFO Handbook); capping each customer at
 * its own starting MRR is our convention (docs/revenue-cohorts.md).
 * Edge cases: nobody paying on the start day gives value null; a missing asOf, `months` not a whole number >= 1
 * or a bad row is a MetricInputError.
 *
 * @category Revenue
 * @example
 * trailingGrossRevenueRetention(
 *   [
 *     { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
 *     { customerId: 'a', start: '2024-02-01', mrr: 150 },
 *     { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
 *   ],
 *   { asOf: '2024-06-30' },
 * ).value?.toString()
 * //=> '0.5'
 */
export function trailingGrossRevenueRetention(
  subscriptions: readonly SubscriptionPeriod[],
  options: TrailingRevenueRetentionOptions,
): TrailingRevenueRetention {
  return trailingRevenueRetention(subscriptions, options, capAtStarting);
}

function capAtStarting(starting: Decimal, ending: Decimal): Decimal {
  return ending.lessThan(starting) ? ending : starting;
}
