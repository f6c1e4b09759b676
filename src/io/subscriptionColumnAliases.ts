import { deepFreeze } from '../core/internal/deepFreeze.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';

/** A field the reader fills, or reads to compute `mrr`. @private */
export type SubscriptionField = keyof SubscriptionPeriod | 'amount' | 'interval' | 'intervalCount';

/**
 * Header names accepted for each field, ours first: camelCase, snake_case, the dbt MRR playbook's and Stripe's
 * (the Subscription object's `customer`, `start_date`, `ended_at`; the Dashboard export's `Customer ID`,
 * `Start (UTC)`, `Ended At (UTC)`). Names are compared ignoring case, spaces, underscores and hyphens, so
 * `Customer ID` is `customer_id`. A billing export's `amount` + `interval` (+ `interval_count`) stand in for
 * `mrr`. Stripe's `created`, `canceled_at`, `cancel_at` and `current_period_start` / `_end` are deliberately not
 * aliases (docs/io.md says why); name such a column with the `columns` option of `parseReportInput`.
 *
 * @category Report
 * @example
 * SUBSCRIPTION_COLUMN_ALIASES.mrr
 * //=> ['mrr', 'monthly_amount', 'monthlyAmount']
 */
export const SUBSCRIPTION_COLUMN_ALIASES: Readonly<Record<SubscriptionField, readonly string[]>> =
  /* @__PURE__ */ deepFreeze({
    customerId: ['customerId', 'customer_id', 'customer', 'Customer ID'],
    subscriptionId: ['subscriptionId', 'subscription_id', 'subscription'],
    start: ['start', 'start_date', 'startDate', 'started_at', 'Start (UTC)'],
    end: ['end', 'end_date', 'endDate', 'ended_at', 'Ended At (UTC)'],
    mrr: ['mrr', 'monthly_amount', 'monthlyAmount'],
    amount: ['amount'],
    interval: ['interval', 'billing_interval', 'billingInterval'],
    intervalCount: ['intervalCount', 'interval_count'],
    currency: ['currency', 'currency_code', 'currencyCode'],
    segment: ['segment'],
  });
