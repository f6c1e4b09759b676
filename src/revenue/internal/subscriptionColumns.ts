import { fromDayNumber, toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import type { Decimal } from '../../core/internal/decimal.js';
import { isoDayNumber } from '../../core/internal/isoDayNumber.js';
import { assertArray, assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../../core/internal/rowIssues.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import type { SubscriptionPeriod } from '../subscriptionPeriod.js';
import { currencyCode } from './currencyCode.js';
import { IdIndex, idHash } from './idIndex.js';
import { assertNoMisspeltField } from './misspeltField.js';
import { checkOverlapsByHash } from './overlapsByHash.js';

/**
 * Validated subscription periods as columns: one typed array per field, row `i` at index `i`, and each distinct
 * customerId and MRR amount stored once. SubscriptionIds serve only the overlap check, so they are not kept.
 * The one validator behind both `normalizeSubscriptionPeriods` (which builds one object per row from these
 * columns) and `mrrMovements`.
 *
 * @private
 */
export interface SubscriptionColumns {
  readonly length: number;
  /** Distinct customerIds in order of first appearance. */
  readonly customerIds: string[];
  /** Each row's index into `customerIds`. */
  readonly customer: Int32Array;
  /** First active day (days since 1970-01-01). */
  readonly startDay: Int32Array;
  /** First day no longer active, or {@link OPEN_END} while still active. */
  readonly endDay: Int32Array;
  /** Distinct MRR amounts (one Decimal per distinct number or string given, and per Decimal object). */
  readonly amounts: Decimal[];
  /** Each row's index into `amounts`. */
  readonly amount: Int32Array;
  /** Distinct currency codes in order of first appearance. */
  readonly currencies: string[];
  /** Each row's index into `currencies`, or -1 when the row has none (the reporting currency). */
  readonly currency: Int32Array;
  /** Distinct segments in order of first appearance. */
  readonly segments: string[];
  /** Each row's index into `segments`, or -1 when the row has none. */
  readonly segment: Int32Array;
}

/**
 * The `endDay` of an open-ended row: later than any valid day number (9998-12-31 is day 2,932,896).
 *
 * @private
 */
export const OPEN_END = 0x7fff_ffff;

/**
 * Validates subscription periods into {@link SubscriptionColumns}, rejecting data that cannot be meant: a
 * missing customerId, negative or non-finite MRR, an end before its start, and two periods of the same
 * subscriptionId over overlapping dates, and a key misspelling an optional field the row lacks (`ned` for `end`,
 * `unknown_field`). Rows are checked in order, fields in the order customerId, subscriptionId, start, end, mrr,
 * currency, segment, then the keys; the overlap check runs after every row passed. Every error names the row
 * index and the field, and its `issues` list the first problem of every bad row (up to MAX_INPUT_ISSUES).
 *
 * @private
 */
export function subscriptionColumns(
  subscriptions: readonly SubscriptionPeriod[],
  timeZone: string | undefined = undefined,
  rootPath: readonly (string | number)[] = ['subscriptions'],
): SubscriptionColumns {
  assertArray(subscriptions, rootPath);
  const length = subscriptions.length;
  const customers = new IdIndex();
  // Each row's subscription: while the ids ascend (each new id sorts after the last), its number in
  // `ascendingIds`; from the first id out of order, the hash the overlap check groups rows by. -1: no id.
  const subscription = new Int32Array(length);
  const ascendingIds: string[] = [];
  const columns: Omit<SubscriptionColumns, 'currency' | 'segment'> = {
    length,
    customerIds: customers.ids,
    customer: new Int32Array(length),
    startDay: new Int32Array(length),
    endDay: new Int32Array(length),
    amounts: [],
    amount: new Int32Array(length),
    currencies: [],
    segments: [],
  };
  // Most inputs carry no currency and no segment: those columns are allocated at the first row with one, and
  // otherwise share one column of -1, allocated when first read. On 1M rows that is 8 MB less, which with the
  // rest kept a call under the allocation that sets off a full garbage collection of the caller's heap (~0.3 s
  // with 1M row objects in it).
  let currencyColumn: Int32Array | undefined;
  let segmentColumn: Int32Array | undefined;
  // A handful of currencies and segments over millions of rows: a list search after the previous-row check.
  const labels = { currency: new Map<string, number>(), segment: new Map<string, number>() };
  // Real data repeats a few dozen plan prices over millions of rows, so each distinct amount is converted once
  // (Decimals are immutable: sharing is safe).
  const amounts = new Map<unknown, number>();
  // In rows in no order the amount changes from row to row, and a Map lookup of a number costs more than the
  // rest of the row's checks: numbers go first to a small table indexed by a hash of the value (a miss, NaN
  // included, falls through to the Map).
  const recentNumbers = new Float64Array(RECENT_NUMBERS).fill(Number.NaN);
  const recentAmounts = new Int32Array(RECENT_NUMBERS);
  // Exports usually list a customer's and a subscription's rows together: comparing with the previous row's id
  // (or amount) is cheaper than looking it up again.
  let previousCustomerId: string | undefined;
  let previousCustomer = -1;
  let previousSubscriptionId: string | undefined;
  let previousSubscription = -1;
  let previousMrr: unknown;
  // The previous row's mrr when a number (NaN otherwise, which equals nothing).
  let previousNumber = Number.NaN;
  const amountIndex = (mrr: unknown, index: number): number => {
    let amount = amounts.get(mrr);
    if (amount === undefined) {
      amount = columns.amounts.length;
      columns.amounts.push(toDecimal(mrr, [...rootPath, index, 'mrr'], 'nonNegative'));
      amounts.set(mrr, amount);
    }
    return amount;
  };
  let previousAmount = -1;
  let previousCurrencyCode: unknown;
  let previousCurrency = -1;
  let previousSegmentName: unknown;
  let previousSegment = -1;
  // Each extra key's look-alike field ('' for none), measured once per validation.
  const verdicts = new Map<string, string>();
  let firstHashedCustomer = length;
  let firstHashedSubscription = length;
  let index = 0;
  // Summed and never read: the reads in touchIds are there for their effect on the cache.
  let touched = 0;
  try {
    for (; index < length; index += 1) {
      if ((index & (PREFETCH - 1)) === 0 && customers.hashed)
        touched += touchIds(subscriptions, index, length);
      const row: unknown = subscriptions[index];
      if (typeof row !== 'object' || row === null || Array.isArray(row))
        assertObject(row, [...rootPath, index]);
      const { customerId, subscriptionId, start, end, mrr, currency, segment } = row as Record<
        string,
        unknown
      >;
      if (typeof customerId !== 'string' || customerId === '')
        throw badCustomerId(fieldPath(rootPath, 'rows', index, 'customerId'), customerId);
      if (subscriptionId !== undefined && typeof subscriptionId !== 'string') {
        throw badSubscriptionId(fieldPath(rootPath, 'rows', index, 'subscriptionId'), subscriptionId);
      }
      const startDay = dayOf(start, rootPath, 'rows', index, 'start', timeZone);
      let endDay = OPEN_END;
      if (end !== undefined && end !== null) {
        endDay = dayOf(end, rootPath, 'rows', index, 'end', timeZone);
        if (endDay < startDay) throw endBeforeStart(rootPath, 'rows', index, startDay, endDay);
      }
      // A number is compared and kept as a number: held in a variable of any type, each row's amount would be
      // boxed (a 16-byte allocation per row, and the garbage collections they bring).
      if (typeof mrr === 'number') {
        if (!(mrr === previousNumber)) {
          const slot = Math.imul((mrr * 1000) | 0, 0x9e37_79b1) >>> (32 - RECENT_NUMBER_BITS);
          if (recentNumbers[slot] === mrr) previousAmount = recentAmounts[slot]!;
          else {
            previousAmount = amountIndex(mrr, index);
            recentNumbers[slot] = mrr;
            recentAmounts[slot] = previousAmount;
          }
          previousNumber = mrr;
          previousMrr = NOT_A_VALUE;
        }
      } else if (mrr !== previousMrr || index === 0) {
        previousAmount = amountIndex(mrr, index);
        previousMrr = mrr;
        previousNumber = Number.NaN;
      }
      if (currency !== previousCurrencyCode || index === 0) {
        previousCurrencyCode = currency;
        previousCurrency =
          currency === undefined
            ? -1
            : labelIndex(
                labels.currency,
                columns.currencies,
                checkCurrency(currency, rootPath, 'rows', index),
              );
      }
      if (segment !== previousSegmentName || index === 0) {
        previousSegmentName = segment;
        previousSegment =
          segment === undefined
            ? -1
            : labelIndex(labels.segment, columns.segments, checkSegment(segment, rootPath, 'rows', index));
      }
      // A row lacking an optional field may hold it under a misspelt key (`ned`): its keys are looked at.
      if (
        subscriptionId === undefined ||
        end === undefined ||
        currency === undefined ||
        segment === undefined
      )
        assertNoMisspeltField(row as Record<string, unknown>, rootPath, index, verdicts);

      // Ids in ascending order are numbered here; once they are not, the row keeps its id's hash and
      // IdIndex.indexAll numbers the rest after the loop.
      if (customerId !== previousCustomerId) {
        previousCustomerId = customerId;
        if (customers.hashed) {
          previousCustomer = idHash(customerId);
          if (firstHashedCustomer === length) firstHashedCustomer = index;
        } else previousCustomer = customers.indexOf(customerId);
      }
      let rowSubscription = -1;
      if (subscriptionId !== undefined) {
        if (subscriptionId !== previousSubscriptionId) {
          previousSubscriptionId = subscriptionId;
          const count = ascendingIds.length;
          if (
            firstHashedSubscription === length &&
            (count === 0 || subscriptionId > ascendingIds[count - 1]!)
          ) {
            previousSubscription = count;
            ascendingIds.push(subscriptionId);
          } else {
            previousSubscription = idHash(subscriptionId) & HASH_BITS;
            if (firstHashedSubscription === length) firstHashedSubscription = index;
          }
        }
        rowSubscription = previousSubscription;
      }
      columns.customer[index] = previousCustomer;
      // A zero-length period covers no day, so it overlaps nothing: the overlap checks never see it.
      subscription[index] = endDay === startDay ? -1 : rowSubscription;
      columns.startDay[index] = startDay;
      columns.endDay[index] = endDay;
      columns.amount[index] = previousAmount;
      if (previousCurrency >= 0) {
        currencyColumn ??= new Int32Array(length).fill(-1);
        currencyColumn[index] = previousCurrency;
      }
      if (previousSegment >= 0) {
        segmentColumn ??= new Int32Array(length).fill(-1);
        segmentColumn[index] = previousSegment;
      }
    }
  } catch (error) {
    throw withLaterRowIssues(error, index, length, (later) =>
      checkSubscriptionRow(subscriptions[later], rootPath, later, timeZone, verdicts),
    );
  }
  // Every row passed, so each holds a non-empty string customerId and a string or no subscriptionId.
  customers.indexAll(columns.customer, firstHashedCustomer, (row) => subscriptions[row]!.customerId);
  // A missing currency or segment column is one shared column of -1, allocated only when first read: the
  // movements of rows without currencies never read it.
  let unlabelled: Int32Array | undefined;
  const minusOnes = (): Int32Array => {
    unlabelled ??= new Int32Array(length).fill(-1);
    return unlabelled;
  };
  const validated: SubscriptionColumns = {
    ...columns,
    get currency() {
      return currencyColumn ?? minusOnes();
    },
    get segment() {
      return segmentColumn ?? minusOnes();
    },
  };
  const { startDay, endDay } = columns;
  const idOf = (row: number) => subscriptions[row]!.subscriptionId;
  const exactCheck = () => {
    const numbered = numberIds(length, idOf);
    assertNoOverlappingSubscriptions(numbered.numbers, numbered.ids, startDay, endDay, rootPath, 'rows');
  };
  if (firstHashedSubscription === length) {
    // Every id sorted after the one before, so the numbers are the ids' numbers in order of first appearance.
    assertNoOverlappingSubscriptions(subscription, ascendingIds, startDay, endDay, rootPath, 'rows');
  } else {
    for (let row = 0; row < firstHashedSubscription; row += 1) {
      if (subscription[row]! >= 0) subscription[row] = idHash(ascendingIds[subscription[row]!]!) & HASH_BITS;
    }
    checkOverlapsByHash(subscription, startDay, endDay, (a, b) => idOf(a) === idOf(b), exactCheck);
  }
  return validated;
}

/** What no row holds: the previous row's mrr when that was a number (compared as `previousNumber`). */
const NOT_A_VALUE = Symbol('not a value');

/** The validator's table of recent numeric amounts has 2^RECENT_NUMBER_BITS slots (a few hundred plan prices). */
const RECENT_NUMBER_BITS = 10;
const RECENT_NUMBERS = 1 << RECENT_NUMBER_BITS;

/** Rows whose customerIds {@link touchIds} reads ahead of the validator's loop (a power of two). */
const PREFETCH = 32;

// Reads the customerId strings of the next PREFETCH rows before the validator's loop does, once ids come in no
// order (sorted ids repeat from row to row). When strings are shared between rows (JSON.parse interns short
// ones), a row's id lies anywhere in memory and reading it is a cache miss; these reads do not depend on each
// other, so the processor overlaps their misses, where the loop met them one by one. The sum only keeps the
// reads from being dropped.
function touchIds(subscriptions: readonly SubscriptionPeriod[], from: number, length: number): number {
  let sum = 0;
  const end = Math.min(length, from + PREFETCH);
  for (let index = from; index < end; index += 1) {
    const row = subscriptions[index];
    if (typeof row === 'object' && row !== null) {
      const id: unknown = row.customerId;
      if (typeof id === 'string') sum += id.length;
    }
  }
  return sum;
}

/** Keeps a hash non-negative, so -1 can mark a row without a subscriptionId. */
const HASH_BITS = 0x7fff_ffff;

/**
 * Numbers the ids of `length` rows in order of first appearance (-1: a row without one), for the exact overlap
 * check.
 *
 * @private
 */
export function numberIds(
  length: number,
  idOf: (row: number) => string | undefined,
): { ids: string[]; numbers: Int32Array } {
  const index = new IdIndex();
  const numbers = new Int32Array(length);
  for (let row = 0; row < length; row += 1) {
    const id = idOf(row);
    numbers[row] = id === undefined ? -1 : index.indexOf(id);
  }
  return { ids: index.ids, numbers };
}

// The same checks as the loop of subscriptionColumns, in the same order, for the rows after the first bad one
// (only a failing input runs this).
function checkSubscriptionRow(
  row: unknown,
  rootPath: readonly (string | number)[],
  index: number,
  timeZone: string | undefined,
  verdicts: Map<string, string>,
): void {
  assertObject(row, [...rootPath, index]);
  const { customerId, subscriptionId, start, end, mrr, currency, segment } = row;
  if (typeof customerId !== 'string' || customerId === '')
    throw badCustomerId(fieldPath(rootPath, 'rows', index, 'customerId'), customerId);
  if (subscriptionId !== undefined && typeof subscriptionId !== 'string') {
    throw badSubscriptionId(fieldPath(rootPath, 'rows', index, 'subscriptionId'), subscriptionId);
  }
  const startDay = dayOf(start, rootPath, 'rows', index, 'start', timeZone);
  if (end !== undefined && end !== null) {
    const endDay = dayOf(end, rootPath, 'rows', index, 'end', timeZone);
    if (endDay < startDay) throw endBeforeStart(rootPath, 'rows', index, startDay, endDay);
  }
  toDecimal(mrr, [...rootPath, index, 'mrr'], 'nonNegative');
  if (currency !== undefined) checkCurrency(currency, rootPath, 'rows', index);
  if (segment !== undefined) checkSegment(segment, rootPath, 'rows', index);
  if (subscriptionId === undefined || end === undefined || currency === undefined || segment === undefined)
    assertNoMisspeltField(row, rootPath, index, verdicts);
}

/**
 * How the input holds its rows: `'rows'`, one object per row (`subscriptions[12].end`), or `'columns'`, one array
 * per field (`subscriptions.end[12]`); errors name a value the way the input holds it.
 *
 * @private
 */
export type InputForm = 'rows' | 'columns';

/** @private */
export function fieldPath(
  rootPath: InputPath,
  form: InputForm,
  index: number,
  field: string,
): (string | number)[] {
  return form === 'rows' ? [...rootPath, index, field] : [...rootPath, field, index];
}

function rowName(rootPath: InputPath, form: InputForm, index: number): string {
  return form === 'rows' ? `${rootPath.join('.')}[${index}]` : `${rootPath.join('.')} row ${index}`;
}

/** @private */
export function labelIndex(known: Map<string, number>, list: string[], label: string): number {
  let position = known.get(label);
  if (position === undefined) {
    position = list.length;
    list.push(label);
    known.set(label, position);
  }
  return position;
}

/** @private */
export function checkCurrency(value: unknown, rootPath: InputPath, form: InputForm, index: number): string {
  return currencyCode(value, fieldPath(rootPath, form, index, 'currency'), true);
}

/** @private */
export function checkSegment(value: unknown, rootPath: InputPath, form: InputForm, index: number): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new MetricInputError({
    code: 'invalid_type',
    path: fieldPath(rootPath, form, index, 'segment'),
    expected: 'a non-empty string or undefined',
    received: describeValue(value),
  });
}

/** @private */
export function badCustomerId(path: InputPath, value: unknown): MetricInputError {
  return new MetricInputError({
    code: 'invalid_type',
    path,
    expected: 'a non-empty string',
    received: describeValue(value),
  });
}

/** @private */
export function badSubscriptionId(path: InputPath, value: unknown): MetricInputError {
  return new MetricInputError({
    code: 'invalid_type',
    path,
    expected: 'a string or undefined',
    received: describeValue(value),
  });
}

/** @private */
export function dayOf(
  value: unknown,
  rootPath: InputPath,
  form: InputForm,
  index: number,
  field: 'start' | 'end',
  timeZone: string | undefined,
): number {
  const day = typeof value === 'string' ? isoDayNumber(value) : Number.NaN;
  if (!Number.isNaN(day)) return day;
  return toDayNumber(toCalendarDate(value, fieldPath(rootPath, form, index, field), timeZone));
}

/** @private */
export function endBeforeStart(
  rootPath: InputPath,
  form: InputForm,
  index: number,
  startDay: number,
  endDay: number,
): MetricInputError {
  const startIso = fromDayNumber(startDay);
  const endIso = fromDayNumber(endDay);
  return new MetricInputError({
    code: 'end_before_start',
    path: fieldPath(rootPath, form, index, 'end'),
    expected: `a date on or after start (${startIso})`,
    received: describeValue(endIso),
    message: `${form === 'rows' ? `${rowName(rootPath, form, index)}.end` : `${rootPath.join('.')}.end[${index}]`} (${endIso}) is before start (${startIso})`,
  });
}

// A counting sort groups the rows of each subscription (subscriptions in order of first appearance, rows in
// input order); each group is then ordered by start day, stably, and neighbours compared. The first overlap
// found is the one reported, so the error does not depend on how the groups are stored. Zero-length periods
// are left out: they cover no day, and between two rows of the same start one would overlap the next or not
// depending on the rows' order.
/** @private */
export function assertNoOverlappingSubscriptions(
  subscription: Int32Array,
  subscriptionIds: readonly string[],
  startDay: Int32Array,
  endDay: Int32Array,
  rootPath: InputPath,
  form: InputForm,
): void {
  const count = subscriptionIds.length;
  if (count === 0 || count === subscription.length) return;
  const offsets = new Int32Array(count + 1);
  // A zero-length period (start = end) covers no day: it overlaps nothing, in any order.
  const covers = (index: number) => startDay[index] !== endDay[index];
  for (let index = 0; index < subscription.length; index += 1) {
    if (subscription[index]! >= 0 && covers(index)) offsets[subscription[index]! + 1]! += 1;
  }
  for (let group = 0; group < count; group += 1) offsets[group + 1]! += offsets[group]!;
  const order = new Int32Array(offsets[count]!);
  const fill = offsets.slice(0, count);
  for (let index = 0; index < subscription.length; index += 1) {
    const group = subscription[index]!;
    if (group < 0 || !covers(index)) continue;
    order[fill[group]!] = index;
    fill[group]! += 1;
  }
  for (let group = 0; group < count; group += 1) {
    const from = offsets[group]!;
    const to = offsets[group + 1]!;
    if (to - from < 2) continue;
    sortByStartDay(order, from, to, startDay);
    for (let position = from + 1; position < to; position += 1) {
      const previous = order[position - 1]!;
      const current = order[position]!;
      if (endDay[previous]! > startDay[current]!) {
        const later = Math.max(previous, current);
        const earlier = Math.min(previous, current);
        const id = subscriptionIds[group]!;
        throw new MetricInputError({
          code: 'overlapping_periods',
          path: fieldPath(rootPath, form, later, 'start'),
          expected: `no overlap with ${rowName(rootPath, form, earlier)} of the same subscriptionId`,
          received: describeValue(id),
          message: `${rowName(rootPath, form, later)} overlaps ${rowName(rootPath, form, earlier)}: both are subscription ${JSON.stringify(id)} over the same dates`,
        });
      }
    }
  }
}

// Stable, so equal start days keep input order. A subscription's rows are few and usually already in order,
// where insertion sort is linear; a long unordered group falls back to a comparison sort.
function sortByStartDay(order: Int32Array, from: number, to: number, startDay: Int32Array): void {
  if (to - from > 32) {
    const sorted = Array.from(order.subarray(from, to)).sort((a, b) => startDay[a]! - startDay[b]! || a - b);
    order.set(sorted, from);
    return;
  }
  for (let position = from + 1; position < to; position += 1) {
    const row = order[position]!;
    const day = startDay[row]!;
    let before = position - 1;
    while (before >= from && startDay[order[before]!]! > day) {
      order[before + 1] = order[before]!;
      before -= 1;
    }
    order[before + 1] = row;
  }
}
