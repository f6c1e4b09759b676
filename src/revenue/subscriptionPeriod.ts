import type { DateLike } from '../core/calendarDate.js';
import type { Decimal } from '../core/decimal.js';
import type { Numeric } from '../core/numeric.js';
import { OPEN_END, subscriptionColumns } from './subscriptionColumns.js';

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
}

/**
 * A validated {@link SubscriptionPeriod}: dates as day numbers (days since 1970-01-01), MRR as an exact Decimal.
 *
 * @private
 */
export interface NormalizedSubscriptionPeriod {
  /** Position of the row in the caller's input, for error messages and stable ordering. */
  readonly index: number;
  readonly customerId: string;
  readonly subscriptionId: string | undefined;
  /** First day the period is active (inclusive). */
  readonly startDay: number;
  /** First day the period is no longer active (exclusive); null while still active. */
  readonly endDay: number | null;
  readonly mrr: Decimal;
}

/**
 * Validates subscription periods and converts them to day numbers and Decimals, rejecting data that cannot be
 * meant: a missing customerId, negative or non-finite MRR, an end before its start, and two periods of the same
 * subscriptionId over overlapping dates. Every error names the row index and the field. The validation is
 * `subscriptionColumns`'s; this builds one object per row from its columns.
 *
 * @private
 */
export function normalizeSubscriptionPeriods(
  subscriptions: readonly SubscriptionPeriod[],
  timeZone: string | undefined = undefined,
  rootPath: readonly (string | number)[] = ['subscriptions'],
): NormalizedSubscriptionPeriod[] {
  const columns = subscriptionColumns(subscriptions, timeZone, rootPath);
  const rows: NormalizedSubscriptionPeriod[] = new Array(columns.length);
  for (let index = 0; index < columns.length; index += 1) {
    const subscription = columns.subscription[index]!;
    const endDay = columns.endDay[index]!;
    rows[index] = {
      index,
      customerId: columns.customerIds[columns.customer[index]!]!,
      subscriptionId: subscription < 0 ? undefined : columns.subscriptionIds[subscription],
      startDay: columns.startDay[index]!,
      endDay: endDay === OPEN_END ? null : endDay,
      mrr: columns.amounts[columns.amount[index]!]!,
    };
  }
  return rows;
}
