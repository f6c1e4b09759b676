import {
  addCalendarMonths,
  assertTimeZone,
  type DateLike,
  fromDayNumber,
  type IsoDate,
  toCalendarDate,
  toDayNumber,
} from './calendarDate.js';
import { describeValue, type InputPath, MetricInputError, rejectInput } from './errors.js';
import { assertKnownKeys, assertObject, oneOf } from './options.js';

/**
 * The length of a reporting period.
 *
 * @category Periods
 */
export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Every {@link Granularity}, in increasing length. @category Periods */
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * The first day of a week: 0 = Sunday … 6 = Saturday (the date-fns convention).
 *
 * @category Periods
 */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * How dates are bucketed into periods.
 *
 * @category Periods
 */
export interface PeriodOptions {
  /** Period length; default `'month'`. */
  readonly granularity?: Granularity;
  /** First day of a week for `granularity: 'week'`; default `1` (Monday, as ISO 8601 and pandas' `W`). */
  readonly weekStartsOn?: WeekStartsOn;
  /**
   * IANA time zone that decides the calendar day of a `Date` input. Default: none, and then a `Date` must be
   * exactly midnight UTC (any other instant is an `ambiguous_date` error; see {@link DateLike}).
   */
  readonly timeZone?: string;
}

/**
 * One reporting period: `start` inclusive, `end` exclusive, both ISO calendar dates.
 *
 * @category Periods
 */
export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

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
 * The period that contains a date.
 *
 * Edge cases: an invalid date or option is a {@link MetricInputError}. Bucketing is idempotent: the period of a
 * period's start is that period.
 *
 * @category Periods
 * @example
 * periodOf('2024-05-17', { granularity: 'quarter' })
 * //=> { start: '2024-04-01', end: '2024-07-01' }
 * periodOf('2024-05-17', { granularity: 'week' })
 * //=> { start: '2024-05-13', end: '2024-05-20' }
 */
export function periodOf(date: DateLike, options: PeriodOptions = {}): Period {
  assertPeriodOptionKeys(options);
  const resolved = resolvePeriodOptions(options);
  const day = toCalendarDate(date, ['date'], resolved.timeZone);
  const start = startOfPeriod(day, resolved);
  return { start, end: nextPeriodStart(start, resolved.granularity) };
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
 * Every period from the one containing `from` through the one containing `to`, contiguous and in order.
 *
 * Edge cases: a missing or invalid `from` or `to`, or `to` before `from`, is a {@link MetricInputError}; `from` and
 * `to` in the same period give one period.
 *
 * @category Periods
 * @example
 * listPeriods('2024-01-15', '2024-03-01').map((period) => period.start)
 * //=> ['2024-01-01', '2024-02-01', '2024-03-01']
 */
export function listPeriods(from: DateLike, to: DateLike, options: PeriodOptions = {}): Period[] {
  if (from === undefined)
    rejectInput('missing_field', ['from'], 'the first date, "YYYY-MM-DD" or a Date', from);
  if (to === undefined) rejectInput('missing_field', ['to'], 'the last date, "YYYY-MM-DD" or a Date', to);
  assertPeriodOptionKeys(options);
  const resolved = resolvePeriodOptions(options);
  const range = resolveDateRange({ from, to }, resolved.timeZone, []);
  const first = range.from!;
  const last = range.to!;
  const periods: Period[] = [];
  let start = startOfPeriod(first, resolved);
  while (start <= last) {
    const end = nextPeriodStart(start, resolved.granularity);
    periods.push({ start, end });
    start = end;
  }
  return periods;
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

const PERIOD_OPTION_KEYS: ReadonlySet<string> = new Set(['granularity', 'weekStartsOn', 'timeZone']);

// periodOf and listPeriods take exactly the period options; the metrics that extend them check their own keys.
function assertPeriodOptionKeys(options: unknown): void {
  assertObject(options, ['options']);
  assertKnownKeys(options, PERIOD_OPTION_KEYS, ['options']);
}
