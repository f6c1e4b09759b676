import { addCalendarMonths, fromDayNumber, toCalendarDate, toDayNumber } from '../calendarDate.js';
import { MetricInputError } from '../errors.js';
import {
  GRANULARITIES,
  type Granularity,
  type InputPath,
  type IsoDate,
  type Period,
  type PeriodOptions,
  type WeekStartsOn,
} from '../types.js';
import { assertTimeZone } from './isoDayNumber.js';
import { assertObject, oneOf } from './options.js';
import { describeValue } from './rejectInput.js';

/** Validated period options with their defaults applied. @private */
export interface ResolvedPeriodOptions {
  readonly granularity: Granularity;
  readonly weekStartsOn: WeekStartsOn;
  /** The zone `Date` inputs are read in; undefined when none was given (Dates must then be midnight UTC). */
  readonly timeZone: string | undefined;
}

/**
 * Validates period options and fills in the defaults (`'month'`, Monday; no time zone stays undefined).
 *
 * @private
 */
export function resolvePeriodOptions(
  options: PeriodOptions = {},
  root: InputPath = ['options'],
): ResolvedPeriodOptions {
  assertObject(options as unknown, root);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, [...root, 'granularity']);
  const weekStartsOn = oneOf(options.weekStartsOn ?? 1, [0, 1, 2, 3, 4, 5, 6] as const, [
    ...root,
    'weekStartsOn',
  ]);
  const timeZone = options.timeZone;
  if (timeZone !== undefined) assertTimeZone(timeZone, [...root, 'timeZone']);
  return { granularity, weekStartsOn, timeZone };
}

/**
 * Reads the optional `from` and `to` of a report range as ISO dates, rejecting a `to` before `from`.
 *
 * @private
 */
export function resolveDateRange(
  range: { readonly from?: unknown; readonly to?: unknown },
  timeZone: string | undefined = undefined,
  root: InputPath = ['options'],
): { from: IsoDate | undefined; to: IsoDate | undefined } {
  const from = range.from === undefined ? undefined : toCalendarDate(range.from, [...root, 'from'], timeZone);
  const to = range.to === undefined ? undefined : toCalendarDate(range.to, [...root, 'to'], timeZone);
  if (from !== undefined && to !== undefined && to < from) {
    throw new MetricInputError({
      code: 'end_before_start',
      path: [...root, 'to'],
      expected: `a date on or after from (${from})`,
      received: describeValue(to),
      message: `to (${to}) is before from (${from})`,
    });
  }
  return { from, to };
}

/**
 * The first day of the period containing an ISO date (UTC calendar arithmetic, no time zone involved).
 *
 * @private
 */
export function startOfPeriod(isoDate: IsoDate, options: ResolvedPeriodOptions): IsoDate {
  switch (options.granularity) {
    case 'day':
      return isoDate;
    case 'week': {
      const day = toDayNumber(isoDate);
      // 1970-01-01 was a Thursday (weekday 4).
      const weekday = (((day + 4) % 7) + 7) % 7;
      return fromDayNumber(day - ((weekday - options.weekStartsOn + 7) % 7));
    }
    case 'month':
      return `${isoDate.slice(0, 8)}01`;
    case 'quarter': {
      const month = Number(isoDate.slice(5, 7));
      const quarterMonth = month - ((month - 1) % 3);
      return `${isoDate.slice(0, 5)}${String(quarterMonth).padStart(2, '0')}-01`;
    }
    case 'year':
      return `${isoDate.slice(0, 4)}-01-01`;
  }
}

/**
 * The start of the period after the one starting at `start`.
 *
 * @private
 */
export function nextPeriodStart(start: IsoDate, granularity: Granularity): IsoDate {
  switch (granularity) {
    case 'day':
      return fromDayNumber(toDayNumber(start) + 1);
    case 'week':
      return fromDayNumber(toDayNumber(start) + 7);
    case 'month':
      return addCalendarMonths(start, 1);
    case 'quarter':
      return addCalendarMonths(start, 3);
    case 'year':
      return addCalendarMonths(start, 12);
  }
}

/**
 * Every period from the one holding `first` through the one holding `last`, in order (none when `last` is
 * before `first`'s period): the one period grid behind listPeriods and the per-period reports.
 *
 * @private
 */
export function periodsBetween(first: IsoDate, last: IsoDate, options: ResolvedPeriodOptions): Period[] {
  const boundaries = periodBoundaries(toDayNumber(first), toDayNumber(last), options);
  const periods: Period[] = new Array(boundaries.length - 1);
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    periods[index] = { start: fromDayNumber(boundaries[index]!), end: fromDayNumber(boundaries[index + 1]!) };
  }
  return periods;
}

/**
 * The grid of {@link periodsBetween} as day numbers: the start of the period holding day `first`, then each next
 * period's start up to and including the first one after day `last` (so period `i` runs from `boundaries[i]` up
 * to `boundaries[i + 1]`). mrrMovements' sweep reads these numbers directly.
 *
 * @private
 */
export function periodBoundaries(first: number, last: number, options: ResolvedPeriodOptions): number[] {
  let start = startOfPeriod(fromDayNumber(first), options);
  let day = toDayNumber(start);
  const boundaries = [day];
  // Days and weeks have a fixed length, so long daily grids skip the calendar arithmetic.
  const step = options.granularity === 'day' ? 1 : options.granularity === 'week' ? 7 : 0;
  while (day <= last) {
    if (step > 0) day += step;
    else {
      start = nextPeriodStart(start, options.granularity);
      day = toDayNumber(start);
    }
    boundaries.push(day);
  }
  return boundaries;
}
