import { type DateLike, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import type { Decimal } from '../core/decimal.js';
import { describeValue, MetricInputError } from '../core/errors.js';
import { type Numeric, toDecimal } from '../core/numeric.js';
import { assertArray, assertObject } from '../core/options.js';

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
 * subscriptionId over overlapping dates. Every error names the row index and the field.
 *
 * @private
 */
export function normalizeSubscriptionPeriods(
  periods: readonly SubscriptionPeriod[],
  timeZone = 'UTC',
  rootPath: readonly (string | number)[] = ['periods'],
): NormalizedSubscriptionPeriod[] {
  assertArray(periods, rootPath);
  const rows: NormalizedSubscriptionPeriod[] = new Array(periods.length);
  for (let index = 0; index < periods.length; index += 1) {
    const row: unknown = periods[index];
    const path = [...rootPath, index];
    assertObject(row, path);
    const { customerId, subscriptionId, start, end, mrr } = row;
    if (typeof customerId !== 'string' || customerId === '') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...path, 'customerId'],
        expected: 'a non-empty string',
        received: describeValue(customerId),
      });
    }
    if (subscriptionId !== undefined && typeof subscriptionId !== 'string') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...path, 'subscriptionId'],
        expected: 'a string or undefined',
        received: describeValue(subscriptionId),
      });
    }
    const startIso = toCalendarDate(start, [...path, 'start'], timeZone);
    let endDay: number | null = null;
    if (end !== undefined && end !== null) {
      const endIso = toCalendarDate(end, [...path, 'end'], timeZone);
      if (endIso < startIso) {
        throw new MetricInputError({
          code: 'end_before_start',
          path: [...path, 'end'],
          expected: `a date on or after start (${startIso})`,
          received: describeValue(endIso),
          message: `${rootPath.join('.')}[${index}].end (${endIso}) is before start (${startIso})`,
        });
      }
      endDay = toDayNumber(endIso);
    }
    rows[index] = {
      index,
      customerId,
      subscriptionId,
      startDay: toDayNumber(startIso),
      endDay,
      mrr: toDecimal(mrr, [...path, 'mrr'], 'nonNegative'),
    };
  }
  assertNoOverlappingSubscriptions(rows, rootPath);
  return rows;
}

function assertNoOverlappingSubscriptions(
  rows: readonly NormalizedSubscriptionPeriod[],
  rootPath: readonly (string | number)[],
): void {
  const bySubscription = new Map<string, NormalizedSubscriptionPeriod[]>();
  for (const row of rows) {
    if (row.subscriptionId === undefined) continue;
    const list = bySubscription.get(row.subscriptionId);
    if (list === undefined) bySubscription.set(row.subscriptionId, [row]);
    else list.push(row);
  }
  for (const list of bySubscription.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.startDay - b.startDay || a.index - b.index);
    for (let position = 1; position < list.length; position += 1) {
      const previous = list[position - 1]!;
      const current = list[position]!;
      if (previous.endDay === null || previous.endDay > current.startDay) {
        const later = previous.index > current.index ? previous : current;
        const earlier = later === previous ? current : previous;
        throw new MetricInputError({
          code: 'overlapping_periods',
          path: [...rootPath, later.index, 'start'],
          expected: `no overlap with ${rootPath.join('.')}[${earlier.index}] of the same subscriptionId`,
          received: describeValue(later.subscriptionId),
          message: `${rootPath.join('.')}[${later.index}] overlaps ${rootPath.join('.')}[${earlier.index}]: both are subscription ${JSON.stringify(later.subscriptionId)} over the same dates`,
        });
      }
    }
  }
}
