import { type DateLike, fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
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
  // Real data repeats a few dozen plan prices over millions of rows, so each distinct amount is converted once
  // (Decimals are immutable: sharing is safe); ISO date strings take an integer fast path.
  const amounts = new Map<number | string, Decimal>();
  const dayOf = (value: unknown, index: number, field: 'start' | 'end'): number => {
    const day = typeof value === 'string' ? isoDayNumber(value) : -1;
    return day !== -1 ? day : toDayNumber(toCalendarDate(value, [...rootPath, index, field], timeZone));
  };
  const rows: NormalizedSubscriptionPeriod[] = new Array(periods.length);
  for (let index = 0; index < periods.length; index += 1) {
    const row: unknown = periods[index];
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      assertObject(row, [...rootPath, index]);
    const { customerId, subscriptionId, start, end, mrr } = row as Record<string, unknown>;
    if (typeof customerId !== 'string' || customerId === '') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...rootPath, index, 'customerId'],
        expected: 'a non-empty string',
        received: describeValue(customerId),
      });
    }
    if (subscriptionId !== undefined && typeof subscriptionId !== 'string') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...rootPath, index, 'subscriptionId'],
        expected: 'a string or undefined',
        received: describeValue(subscriptionId),
      });
    }
    const startDay = dayOf(start, index, 'start');
    let endDay: number | null = null;
    if (end !== undefined && end !== null) {
      endDay = dayOf(end, index, 'end');
      if (endDay < startDay) {
        const startIso = fromDayNumber(startDay);
        const endIso = fromDayNumber(endDay);
        throw new MetricInputError({
          code: 'end_before_start',
          path: [...rootPath, index, 'end'],
          expected: `a date on or after start (${startIso})`,
          received: describeValue(endIso),
          message: `${rootPath.join('.')}[${index}].end (${endIso}) is before start (${startIso})`,
        });
      }
    }
    let amount = typeof mrr === 'number' || typeof mrr === 'string' ? amounts.get(mrr) : undefined;
    if (amount === undefined) {
      amount = toDecimal(mrr, [...rootPath, index, 'mrr'], 'nonNegative');
      if (typeof mrr === 'number' || typeof mrr === 'string') amounts.set(mrr, amount);
    }
    rows[index] = { index, customerId, subscriptionId, startDay, endDay, mrr: amount };
  }
  assertNoOverlappingSubscriptions(rows, rootPath);
  return rows;
}

// Rows of one subscription are chained through `next` (an index list) instead of one array per subscription:
// most subscriptions have a single row and never need sorting.
function assertNoOverlappingSubscriptions(
  rows: readonly NormalizedSubscriptionPeriod[],
  rootPath: readonly (string | number)[],
): void {
  const head = new Map<string, number>();
  const next = new Int32Array(rows.length).fill(-1);
  const tail = new Int32Array(rows.length);
  let previousId: string | undefined;
  let previousFirst = -1;
  for (let index = 0; index < rows.length; index += 1) {
    const subscriptionId = rows[index]!.subscriptionId;
    if (subscriptionId === undefined) continue;
    // Exports usually list a subscription's periods together: comparing with the previous row is cheaper
    // than hashing the id again.
    const first = subscriptionId === previousId ? previousFirst : head.get(subscriptionId);
    previousId = subscriptionId;
    previousFirst = first ?? index;
    if (first === undefined) {
      head.set(subscriptionId, index);
      tail[index] = index;
    } else {
      next[tail[first]!] = index;
      tail[first] = index;
    }
  }
  for (const first of head.values()) {
    if (next[first] === -1) continue;
    const list: NormalizedSubscriptionPeriod[] = [];
    for (let index = first; index !== -1; index = next[index]!) list.push(rows[index]!);
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

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day number of a valid `'YYYY-MM-DD'` string in the range toCalendarDate accepts, or -1 for anything else
 * (which then takes the slow path and its error). Days-from-civil arithmetic (Howard Hinnant's algorithm).
 */
function isoDayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 1000 || year > 9998 || month < 1 || month > 12 || day < 1) return -1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return -1;
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let position = from; position < from + count; position += 1) {
    const code = text.charCodeAt(position) - 48;
    if (code < 0 || code > 9) return -100_000;
    value = value * 10 + code;
  }
  return value;
}
