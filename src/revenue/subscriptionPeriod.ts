import type { DateLike, Numeric } from '../core/types.js';
/**
 * One stretch of time during which a customer paid a constant MRR on one subscription.
 *
 * `start` is inclusive and `end` exclusive (absent or null: still active). A customer's MRR on a day is the sum of
 * the MRR of its periods active that day; several subscriptions per customer are normal, and a period with
 * `mrr: 0` is a free plan (the customer exists but does not pay).
 *
 * @category Revenue
 */
export interface SubscriptionPeriod {
  readonly customerId: string;
  /** Identifies the subscription; two periods of one subscription may not overlap. */
  readonly subscriptionId?: string;
  readonly start: DateLike;
  readonly end?: DateLike | null;
  /** Monthly recurring revenue while the period lasts, >= 0 (see `normalizeToMrr` for other billing intervals). */
  readonly mrr: Numeric;
  /**
   * ISO 4217 code of the currency `mrr` is in (three capital letters); absent: the reporting currency. Rows in
   * several currencies need the `currency` option of `mrrMovements`.
   */
  readonly currency?: string;
  /** The segment (plan, product, region, channel …) the period belongs to, for `segmentMrrMovements`. */
  readonly segment?: string;
}
