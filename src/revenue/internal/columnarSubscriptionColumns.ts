import { MetricInputError } from '../../core/errors.js';
import { Decimal } from '../../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../../core/internal/options.js';
import { describeValue, rejectInput } from '../../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../../core/internal/rowIssues.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import type { MinorUnitsColumn, SubscriptionPeriodColumns } from '../subscriptionPeriod.js';
import { IdIndex, idHash } from './idIndex.js';
import {
  assertNoOverlappingSubscriptions,
  badCustomerId,
  badSubscriptionId,
  checkCurrency,
  checkSegment,
  dayOf,
  endBeforeStart,
  fieldPath,
  labelIndex,
  OPEN_END,
  type SubscriptionColumns,
} from './subscriptionColumns.js';

/**
 * True when `input` is the columnar form ({@link SubscriptionPeriodColumns}: an object, not an array), which
 * {@link columnarSubscriptionColumns} reads; anything else goes to the row validator.
 *
 * @private
 */
export function isSubscriptionPeriodColumns(input: unknown): input is SubscriptionPeriodColumns {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * Validates columnar subscription periods into the same {@link SubscriptionColumns} the row validator builds
 * from the equivalent rows: the same checks, codes and messages, with paths naming the column, then the row
 * (`['subscriptions', 'mrr', 12]`). Columns are read one at a time (a tight loop per column type); when a value
 * is bad, the rows are checked again one by one so the error is the first bad row's first bad field, as for rows.
 *
 * @private
 */
export function columnarSubscriptionColumns(
  input: SubscriptionPeriodColumns,
  timeZone: string | undefined = undefined,
  rootPath: InputPath = ['subscriptions'],
): SubscriptionColumns {
  assertObject(input, rootPath);
  assertKnownKeys(input, COLUMN_KEYS, rootPath);
  const length = columnLength(input.customerId, [...rootPath, 'customerId']);
  for (const key of ['subscriptionId', 'start', 'end', 'mrr', 'currency', 'segment'] as const) {
    const column = input[key];
    if (column === undefined && (key === 'start' || key === 'mrr')) {
      rejectInput('missing_field', [...rootPath, key], 'a column', column);
    }
    if (column === undefined) continue;
    const values = key === 'mrr' ? minorUnitsOf(column as MinorUnitsColumn, rootPath) : column;
    const found = columnLength(values, [...rootPath, key]);
    if (found !== length) {
      rejectInput(
        'length_mismatch',
        [...rootPath, key],
        `a column of ${length} values, as customerId`,
        values,
      );
    }
  }
  try {
    return readColumns(input, length, timeZone, rootPath);
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    // The first bad row's first bad field, with every later bad row's first problem.
    const check = (index: number) => checkRow(input, index, timeZone, rootPath);
    for (let index = 0; index < length; index += 1) {
      try {
        check(index);
      } catch (rowError) {
        throw withLaterRowIssues(rowError, index, length, check);
      }
    }
    throw error;
  }
}

const COLUMN_KEYS: ReadonlySet<string> = new Set([
  'customerId',
  'subscriptionId',
  'start',
  'end',
  'mrr',
  'currency',
  'segment',
]);

type Column = ArrayLike<unknown>;

function columnLength(column: unknown, path: InputPath): number {
  if (Array.isArray(column) || (ArrayBuffer.isView(column) && !(column instanceof DataView))) {
    return (column as Column).length;
  }
  return rejectInput('invalid_type', path, 'an array or a typed array', column);
}

function minorUnitsOf(mrr: unknown, rootPath: InputPath): unknown {
  if (typeof mrr !== 'object' || mrr === null || Array.isArray(mrr) || ArrayBuffer.isView(mrr)) return mrr;
  const { minorUnits, scale } = mrr as MinorUnitsColumn;
  assertKnownKeys(mrr, MINOR_UNITS_KEYS, [...rootPath, 'mrr']);
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    rejectInput('invalid_value', [...rootPath, 'mrr', 'scale'], `an integer from 0 to ${MAX_SCALE}`, scale);
  }
  if (minorUnits instanceof Float32Array || minorUnits instanceof BigUint64Array) {
    rejectInput('invalid_type', [...rootPath, 'mrr', 'minorUnits'], 'an integer column', minorUnits);
  }
  return minorUnits;
}

const MINOR_UNITS_KEYS: ReadonlySet<string> = new Set(['minorUnits', 'scale']);
const MAX_SCALE = 38;
/** Digits of the largest accepted amount in major units: below 10^21, as `MAX_MAGNITUDE` of numericInput.ts. */
const MAX_MAJOR_DIGITS = 21;
/** Day numbers of 1000-01-01 and 9998-12-31, the dates `toCalendarDate` accepts. */
const FIRST_DAY = -354_285;
const LAST_DAY = 2_932_531;

function readColumns(
  input: SubscriptionPeriodColumns,
  length: number,
  timeZone: string | undefined,
  rootPath: InputPath,
): SubscriptionColumns {
  const customer = readIds(input.customerId, length, rootPath, 'customerId');
  const subscription =
    input.subscriptionId === undefined
      ? { ids: [], numbers: new Int32Array(length).fill(-1) }
      : readIds(input.subscriptionId, length, rootPath, 'subscriptionId');
  const startDay = readDays(input.start, length, rootPath, 'start', timeZone);
  const endDay =
    input.end === undefined
      ? new Int32Array(length).fill(OPEN_END)
      : readDays(input.end, length, rootPath, 'end', timeZone);
  for (let index = 0; index < length; index += 1) {
    if (endDay[index]! < startDay[index]!) {
      throw endBeforeStart(rootPath, 'columns', index, startDay[index]!, endDay[index]!);
    }
  }
  const { amounts, amount } = readAmounts(input.mrr, length, rootPath);
  // Without a currency or segment column, the two share one column of -1, as in subscriptionColumns.
  const unlabelled =
    input.currency === undefined || input.segment === undefined ? new Int32Array(length).fill(-1) : undefined;
  const currency = readLabels(input.currency, unlabelled, length, rootPath, checkCurrency);
  const segment = readLabels(input.segment, unlabelled, length, rootPath, checkSegment);
  const columns: SubscriptionColumns = {
    length,
    customerIds: customer.ids,
    customer: customer.numbers,
    startDay,
    endDay,
    amounts,
    amount,
    currencies: currency.labels,
    currency: currency.numbers,
    segments: segment.labels,
    segment: segment.numbers,
  };
  assertNoOverlappingSubscriptions(
    subscription.numbers,
    subscription.ids,
    startDay,
    endDay,
    rootPath,
    'columns',
  );
  return columns;
}

// Numbers distinct ids in order of first appearance. String ids go through IdIndex; integer ids through a Map
// keyed by the number, and only each distinct one becomes a string.
function readIds(
  column: unknown,
  length: number,
  rootPath: InputPath,
  field: 'customerId' | 'subscriptionId',
): { ids: string[]; numbers: Int32Array } {
  const values = column as Column;
  const numbers = new Int32Array(length);
  if (Array.isArray(column)) {
    const index = new IdIndex();
    let previousId: unknown;
    let previous = -1;
    // As in subscriptionColumns: once the ids are out of order, rows keep their id's hash and indexAll numbers
    // them after the pass.
    let firstHashed = length;
    for (let row = 0; row < length; row += 1) {
      const id = values[row];
      if (id !== previousId || row === 0) {
        previousId = id;
        if (id === undefined && field === 'subscriptionId') previous = -1;
        else if (index.hashed) {
          previous = idHash(checkId(id, rootPath, row, field));
          if (firstHashed === length) firstHashed = row;
        } else previous = index.indexOf(checkId(id, rootPath, row, field));
      }
      numbers[row] = previous;
    }
    index.indexAll(numbers, firstHashed, (row) => values[row] as string | undefined);
    return { ids: index.ids, numbers };
  }
  const ids: string[] = [];
  const known = new Map<number | bigint, number>();
  let previousId: unknown;
  let previous = -1;
  for (let row = 0; row < length; row += 1) {
    const id = values[row] as number | bigint;
    if (id !== previousId || row === 0) {
      if (typeof id === 'number' && !Number.isFinite(id)) throw badId(rootPath, row, field, id);
      previousId = id;
      let number = known.get(id);
      if (number === undefined) {
        number = ids.length;
        ids.push(String(id));
        known.set(id, number);
      }
      previous = number;
    }
    numbers[row] = previous;
  }
  return { ids, numbers };
}

function checkId(
  id: unknown,
  rootPath: InputPath,
  row: number,
  field: 'customerId' | 'subscriptionId',
): string {
  if (typeof id === 'string' && (id !== '' || field === 'subscriptionId')) return id;
  throw badId(rootPath, row, field, id);
}

function badId(rootPath: InputPath, row: number, field: 'customerId' | 'subscriptionId', id: unknown) {
  const path = fieldPath(rootPath, 'columns', row, field);
  return field === 'customerId' ? badCustomerId(path, id) : badSubscriptionId(path, id);
}

function readDays(
  column: unknown,
  length: number,
  rootPath: InputPath,
  field: 'start' | 'end',
  timeZone: string | undefined,
): Int32Array {
  if (column instanceof Int32Array) {
    for (let row = 0; row < length; row += 1) {
      if (column[row]! < FIRST_DAY || column[row]! > LAST_DAY)
        throw badDay(column[row], rootPath, row, field);
    }
    return column.slice(0, length);
  }
  const values = column as Column;
  const days = new Int32Array(length);
  for (let row = 0; row < length; row += 1) days[row] = dayAt(values[row], rootPath, row, field, timeZone);
  return days;
}

function dayAt(
  value: unknown,
  rootPath: InputPath,
  row: number,
  field: 'start' | 'end',
  timeZone: string | undefined,
): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= FIRST_DAY && value <= LAST_DAY) return value;
    if (field === 'end' && Number.isNaN(value)) return OPEN_END;
    throw badDay(value, rootPath, row, field);
  }
  if (field === 'end' && (value === null || value === undefined)) return OPEN_END;
  return dayOf(value, rootPath, 'columns', row, field, timeZone);
}

function badDay(value: unknown, rootPath: InputPath, row: number, field: 'start' | 'end'): MetricInputError {
  return new MetricInputError({
    code: 'invalid_date',
    path: fieldPath(rootPath, 'columns', row, field),
    expected: `a day number (days since 1970-01-01) from ${FIRST_DAY} to ${LAST_DAY}, or a calendar date "YYYY-MM-DD"`,
    received: describeValue(value),
  });
}

// Each distinct value is converted once, as in the row validator: numbers and strings through toDecimal,
// minor units as the exact Decimal `value × 10^-scale`.
function readAmounts(
  mrr: SubscriptionPeriodColumns['mrr'],
  length: number,
  rootPath: InputPath,
): { amounts: Decimal[]; amount: Int32Array } {
  const minor = !Array.isArray(mrr) && !ArrayBuffer.isView(mrr);
  const values = (minor ? (mrr as MinorUnitsColumn).minorUnits : mrr) as Column;
  const scale = minor ? (mrr as MinorUnitsColumn).scale : 0;
  const amounts: Decimal[] = [];
  const amount = new Int32Array(length);
  const known = new Map<unknown, number>();
  let previousValue: unknown;
  let previous = -1;
  for (let row = 0; row < length; row += 1) {
    const value = values[row];
    if (value !== previousValue || row === 0) {
      previousValue = value;
      let distinct = known.get(value);
      if (distinct === undefined) {
        distinct = amounts.length;
        const path = fieldPath(rootPath, 'columns', row, 'mrr');
        amounts.push(minor ? minorUnitsDecimal(value, scale, path) : toDecimal(value, path, 'nonNegative'));
        known.set(value, distinct);
      }
      previous = distinct;
    }
    amount[row] = previous;
  }
  return { amounts, amount };
}

// The input limit of every amount (docs/core.md, "Limits and exactness"): below 10^21 in major units, so below
// 10^(21 + scale) minor units. A count below 2^53 is always within it; larger ones are compared as bigints.
function minorUnitsDecimal(value: unknown, scale: number, path: InputPath): Decimal {
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) {
    if (value < 0) return rejectInput('negative_amount', path, 'a number >= 0', value);
    if (value > Number.MAX_SAFE_INTEGER && BigInt(value) >= 10n ** BigInt(MAX_MAJOR_DIGITS + scale)) {
      return rejectInput(
        'out_of_range',
        path,
        `an integer count of minor units below 10^${MAX_MAJOR_DIGITS + scale} (10^21 at scale ${scale})`,
        value,
      );
    }
    return new Decimal(`${BigInt(value)}e-${scale}`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return rejectInput('not_finite', path, 'a finite integer count of minor units', value);
  }
  return rejectInput(
    typeof value === 'number' ? 'not_integer' : 'invalid_type',
    path,
    'an integer count of minor units',
    value,
  );
}

// `unlabelled` (all -1) is the result when there is no column.
function readLabels(
  column: readonly (string | undefined)[] | undefined,
  unlabelled: Int32Array | undefined,
  length: number,
  rootPath: InputPath,
  check: (value: unknown, rootPath: InputPath, form: 'columns', row: number) => string,
): { labels: string[]; numbers: Int32Array } {
  const labels: string[] = [];
  if (column === undefined) return { labels, numbers: unlabelled! };
  const numbers = new Int32Array(length).fill(-1);
  const known = new Map<string, number>();
  let previousValue: unknown;
  let previous = -1;
  for (let row = 0; row < length; row += 1) {
    const value = column[row];
    if (value !== previousValue || row === 0) {
      previousValue = value;
      previous = value === undefined ? -1 : labelIndex(known, labels, check(value, rootPath, 'columns', row));
    }
    numbers[row] = previous;
  }
  return { labels, numbers };
}

// The checks of one row in the row validator's field order, for the error path only.
function checkRow(
  input: SubscriptionPeriodColumns,
  row: number,
  timeZone: string | undefined,
  rootPath: InputPath,
): void {
  const at = (column: unknown) => (column as Column)[row];
  const customerId = at(input.customerId);
  if (Array.isArray(input.customerId)) checkId(customerId, rootPath, row, 'customerId');
  else if (typeof customerId === 'number' && !Number.isFinite(customerId)) {
    throw badId(rootPath, row, 'customerId', customerId);
  }
  if (input.subscriptionId !== undefined) {
    const subscriptionId = at(input.subscriptionId);
    if (Array.isArray(input.subscriptionId)) {
      if (subscriptionId !== undefined) checkId(subscriptionId, rootPath, row, 'subscriptionId');
    } else if (typeof subscriptionId === 'number' && !Number.isFinite(subscriptionId)) {
      throw badId(rootPath, row, 'subscriptionId', subscriptionId);
    }
  }
  const startDay = dayAt(at(input.start), rootPath, row, 'start', timeZone);
  if (input.end !== undefined) {
    const endDay = dayAt(at(input.end), rootPath, row, 'end', timeZone);
    if (endDay < startDay) throw endBeforeStart(rootPath, 'columns', row, startDay, endDay);
  }
  const mrr = input.mrr;
  const path = fieldPath(rootPath, 'columns', row, 'mrr');
  if (!Array.isArray(mrr) && !ArrayBuffer.isView(mrr)) {
    const minor = mrr as MinorUnitsColumn;
    minorUnitsDecimal(at(minor.minorUnits), minor.scale, path);
  } else toDecimal(at(mrr), path, 'nonNegative');
  const currency = input.currency?.[row];
  if (currency !== undefined) checkCurrency(currency, rootPath, 'columns', row);
  const segment = input.segment?.[row];
  if (segment !== undefined) checkSegment(segment, rootPath, 'columns', row);
}
