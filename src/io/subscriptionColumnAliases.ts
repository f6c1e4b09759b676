import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';

/** A field the reader fills, or reads to compute `mrr`. @private */
export type SubscriptionField = keyof SubscriptionPeriod | 'amount' | 'interval' | 'intervalCount';

/**
 * Header names accepted for each field, ours first: camelCase, snake_case and the dbt MRR playbook's. A billing
 * export's `amount` + `interval` (+ `interval_count`) stand in for `mrr`.
 *
 * @category Report
 * @example
 * SUBSCRIPTION_COLUMN_ALIASES.mrr
 * //=> ['mrr', 'monthly_amount', 'monthlyAmount']
 */
export const SUBSCRIPTION_COLUMN_ALIASES: Readonly<Record<SubscriptionField, readonly string[]>> = {
  customerId: ['customerId', 'customer_id'],
  subscriptionId: ['subscriptionId', 'subscription_id'],
  start: ['start', 'start_date', 'startDate'],
  end: ['end', 'end_date', 'endDate'],
  mrr: ['mrr', 'monthly_amount', 'monthlyAmount'],
  amount: ['amount'],
  interval: ['interval', 'billing_interval', 'billingInterval'],
  intervalCount: ['intervalCount', 'interval_count'],
  currency: ['currency', 'currency_code', 'currencyCode'],
  segment: ['segment'],
};
