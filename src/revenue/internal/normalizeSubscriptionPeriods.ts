import type { Decimal } from '../../core/internal/decimal.js';
import type { SubscriptionPeriod } from '../subscriptionPeriod.js';
import { assertOneCurrency } from './assertOneCurrency.js';
import { convertAtPeriodStart } from './convertAtPeriodStart.js';
import type { ExchangeRates } from './exchangeRates.js';
import { OPEN_END, subscriptionColumns } from './subscriptionColumns.js';

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
  rates: ExchangeRates | undefined = undefined,
): NormalizedSubscriptionPeriod[] {
  const columns = subscriptionColumns(subscriptions, timeZone, rootPath);
  if (rates === undefined) assertOneCurrency(columns, rootPath);
  // With rates, each row's MRR in the reporting currency at its start's rate (rateDate 'periodStart').
  const { amounts, amount } = rates === undefined ? columns : convertAtPeriodStart(columns, rates);
  const rows: NormalizedSubscriptionPeriod[] = new Array(columns.length);
  for (let index = 0; index < columns.length; index += 1) {
    const endDay = columns.endDay[index]!;
    rows[index] = {
      index,
      customerId: columns.customerIds[columns.customer[index]!]!,
      // Validated: a string or undefined.
      subscriptionId: subscriptions[index]!.subscriptionId,
      startDay: columns.startDay[index]!,
      endDay: endDay === OPEN_END ? null : endDay,
      mrr: amounts[amount[index]!]!,
    };
  }
  return rows;
}
