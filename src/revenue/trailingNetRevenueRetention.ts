import type { DateLike, IsoDate } from '../core/calendarDate.js';
import type { Decimal } from '../core/internal/decimal.js';
import { trailingRevenueRetention } from './internal/trailingRevenueRetention.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';
/**
 * Options of {@link trailingNetRevenueRetention} and `trailingGrossRevenueRetention`.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetentionOptions {
  /** The day retention is measured on (the caller's "today"; the library never reads the clock). Required. */
  readonly asOf: DateLike;
  /** How far back the cohort is taken, a whole number of months >= 1; default `12`. */
  readonly months?: number;
  /** IANA time zone that decides the calendar day of a `Date` input; default `'UTC'`. */
  readonly timeZone?: string;
}

/**
 * A trailing revenue retention and the amounts it is made of.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetention {
  /** endingMrr / startingMrr; null when nobody paid on `start`. */
  readonly value: Decimal | null;
  /** The day the cohort is taken: `asOf` minus `months` months (month end clamped). */
  readonly start: IsoDate;
  /** The day retention is measured on. */
  readonly asOf: IsoDate;
  /** The cohort's MRR on `start`. */
  readonly startingMrr: Decimal;
  /** The cohort's MRR on `asOf` (for gross retention, each customer capped at its starting MRR). */
  readonly endingMrr: Decimal;
  /** Customers paying (MRR > 0) on `start`: the cohort. */
  readonly startingCustomers: number;
  /** Cohort customers still paying (MRR > 0) on `asOf`. */
  readonly retainedCustomers: number;
}

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
 * ).value.toString()
 * //=> '0.75'
 */
export function trailingNetRevenueRetention(
  periods: readonly SubscriptionPeriod[],
  options: TrailingRevenueRetentionOptions,
): TrailingRevenueRetention {
  return trailingRevenueRetention(periods, options, (_starting, ending) => ending);
}
