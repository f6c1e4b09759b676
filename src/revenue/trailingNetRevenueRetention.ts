import { trailingRevenueRetention } from './internal/trailingRevenueRetention.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';

import type { TrailingRevenueRetention, TrailingRevenueRetentionOptions } from './types.js';
/**
 * Trailing (cohort) net revenue retention, the figure public SaaS companies report: the MRR today of the
 * customers who were paying `months` months ago, over their MRR then. Customers acquired since are left out;
 * expansion, contraction and churn of the cohort are in.
 *
 * A customer's MRR on a day is the sum of its periods active that day (start <= day < end). The start day is
 * `asOf` minus `months` calendar months as date-fns `subMonths` computes it (UTC calendar arithmetic, `addCalendarMonths`), clamped to the month's end
 * (2024-03-31 minus 1 month is 2024-02-29).
 *
 * Formula: Σ mrr(c, asOf) / Σ mrr(c, start), over the customers c with mrr(c, start) > 0.
 * Units: a ratio (1.2 = 120 %). Source: the dollar-based net retention of public SaaS filings, e.g. Confluent's
 * (recurring revenue now of the customers of 12 months earlier, over theirs then; new customers excluded),
 * here on MRR (docs/revenue-cohorts.md).
 * Edge cases: nobody paying on the start day gives value null; a missing asOf, `months` not a whole number >= 1
 * or a bad row is a MetricInputError.
 *
 * @category Revenue
 * @example
 * trailingNetRevenueRetention(
 *   [
 *     { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
 *     { customerId: 'a', start: '2024-02-01', mrr: 150 },
 *     { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
 *     { customerId: 'c', start: '2023-12-01', mrr: 500 },
 *   ],
 *   { asOf: '2024-06-30' },
 * ).value?.toString()
 * //=> '0.75'
 */
export function trailingNetRevenueRetention(
  subscriptions: readonly SubscriptionPeriod[],
  options: TrailingRevenueRetentionOptions,
): TrailingRevenueRetention {
  return trailingRevenueRetention(subscriptions, options, (_starting, ending) => ending);
}
