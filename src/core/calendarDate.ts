import { describeValue, formatPath, type InputPath, MetricInputError, rejectInput } from './errors.js';

/**
 * A date as callers hold it: a calendar date string `'YYYY-MM-DD'`, or a JavaScript `Date` (an instant).
 *
 * The rule for a `Date` (docs/core.md, "Dates and time zones"): with a `timeZone` option its calendar day is read
 * in that zone; without one it must be exactly midnight UTC (`new Date('2024-01-01')`, `Date.UTC(…)`), and any
 * other instant (`new Date(2024, 0, 1)` east or west of UTC, a node-postgres `DATE`) is a
 * {@link MetricInputError} `ambiguous_date` saying what to pass. The machine's zone is never read.
 *
 * @category Core
 */
export type DateLike = string | Date;

/**
 * A calendar date as an ISO string `'YYYY-MM-DD'`: the form every result reports dates in.
 *
 * @category Core
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Four-digit years only, with room for the period after the last one to stay four digits.
const MIN_YEAR = 1000;
const MAX_YEAR = 9998;
// Inputs end in 9998 so that the period after any input date (its exclusive end) still has a date: the day
// arithmetic below covers 1000-01-01 (day -354285) to 9999-12-31 (day 2932896).
const LAST_YEAR = 9999;
const FIRST_DAY = -354_285;
const LAST_DAY = 2_932_896;
const ISO_EXPECTED = "a 'YYYY-MM-DD' calendar date from 1000-01-01 to 9999-12-31";

/**
 * Reads the calendar day of a {@link DateLike}. A string must be a real `YYYY-MM-DD` date. A `Date` is read in
 * `timeZone` (an IANA name such as `'Europe/Berlin'`) when one is given; with no `timeZone` it must be exactly
 * midnight UTC, because any other instant names a different day in different zones. The machine's own time
 * zone is never used.
 *
 * Edge cases: `'2024-02-30'`, other string formats, an invalid `Date` or an unknown time zone are a
 * {@link MetricInputError}; a `Date` that is not midnight UTC with no `timeZone` is one too (`ambiguous_date`,
 * whose message says to pass a `'YYYY-MM-DD'` string or the zone the Date was built in).
 *
 * @category Core
 * @example
 * toCalendarDate(new Date('2024-01-01T05:00:00Z'), ['start'], 'Pacific/Honolulu')
 * //=> '2023-12-31'
 * toCalendarDate('2024-02-29', ['start'])
 * //=> '2024-02-29'
 */
export function toCalendarDate(value: unknown, path: InputPath = [], timeZone?: string): IsoDate {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match !== null) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      const check = new Date(Date.UTC(year, month - 1, day));
      if (
        year >= MIN_YEAR &&
        year <= MAX_YEAR &&
        check.getUTCFullYear() === year &&
        check.getUTCMonth() === month - 1 &&
        check.getUTCDate() === day
      ) {
        return value;
      }
    }
    throw new MetricInputError({
      code: 'invalid_date',
      path,
      expected: 'a calendar date "YYYY-MM-DD" between 1000-01-01 and 9998-12-31',
      received: describeValue(value),
    });
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    if (timeZone === undefined && value.getTime() % MS_PER_DAY !== 0) throw ambiguousDate(value, path);
    const [year, month, day] = zonedCalendarDay(value, timeZone ?? 'UTC');
    if (year >= MIN_YEAR && year <= MAX_YEAR) return formatIso(year, month, day);
  }
  throw new MetricInputError({
    code: 'invalid_date',
    path,
    expected: 'a calendar date "YYYY-MM-DD" or a valid Date',
    received: describeValue(value),
  });
}

/**
 * Throws a {@link MetricInputError} unless `timeZone` is an IANA time zone name this runtime knows.
 *
 * @category Core
 * @example
 * assertTimeZone('Asia/Tokyo')
 * //=> undefined
 */
export function assertTimeZone(timeZone: unknown, path: InputPath = ['timeZone']): void {
  if (typeof timeZone === 'string' && timeZone !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      return;
    } catch {
      // fall through to the typed error below
    }
  }
  throw new MetricInputError({
    code: 'invalid_time_zone',
    path,
    expected: 'an IANA time zone name such as "UTC" or "Europe/Berlin"',
    received: describeValue(timeZone),
  });
}

/**
 * Days since 1970-01-01 of an ISO calendar date (`'YYYY-MM-DD'`, years 1000–9999), by integer arithmetic.
 *
 * Edge cases: anything that is not such a date (`'2024-02-30'`, `'2024-1-5'`, a `Date`) is a
 * {@link MetricInputError} (`invalid_date`; read a `Date` with {@link toCalendarDate} first).
 *
 * @category Core
 * @example
 * toDayNumber('1970-01-02')
 * //=> 1
 */
export function toDayNumber(isoDate: IsoDate): number {
  const day = typeof isoDate === 'string' ? isoDayNumber(isoDate, LAST_YEAR) : Number.NaN;
  if (Number.isNaN(day)) rejectInput('invalid_date', ['isoDate'], ISO_EXPECTED, isoDate);
  return day;
}

/**
 * The ISO calendar date of a day number (days since 1970-01-01).
 *
 * Edge cases: a day number that is not a whole number, or outside the years 1000–9999, is a
 * {@link MetricInputError}.
 *
 * @category Core
 * @example
 * fromDayNumber(19723)
 * //=> '2024-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_DAY || dayNumber > LAST_DAY) {
    rejectInput(
      Number.isInteger(dayNumber) ? 'out_of_range' : 'not_integer',
      ['dayNumber'],
      `a whole number of days from ${FIRST_DAY} (1000-01-01) to ${LAST_DAY} (9999-12-31)`,
      dayNumber,
    );
  }
  const date = new Date(dayNumber * MS_PER_DAY);
  return formatIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The day number of a valid `'YYYY-MM-DD'` string from the year 1000 to `lastYear` (default 9998, the range
 * toCalendarDate accepts), or NaN for anything else (the callers report it; -1 is 1969-12-31). Days-from-civil arithmetic (Howard
 * Hinnant's algorithm) on char codes, no regex and no Date.
 *
 * @private
 */
export function isoDayNumber(text: string, lastYear = MAX_YEAR): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < MIN_YEAR || year > lastYear || month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return Number.NaN;
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let position = from; position < from + count; position += 1) {
    const code = text.charCodeAt(position) - 48;
    if (code < 0 || code > 9) return -100_000;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Adds whole calendar months to an ISO date, clamping to the last day of a shorter month (2024-01-31 plus one
 * month is 2024-02-29), as date-fns `addMonths` and spreadsheets' EDATE do. Pure UTC arithmetic.
 *
 * @category Core
 * @example
 * addCalendarMonths('2024-03-31', -1)
 * //=> '2024-02-29'
 * addCalendarMonths('2023-11-15', 14)
 * //=> '2025-01-15'
 */
export function addCalendarMonths(isoDate: IsoDate, months: number): IsoDate {
  toDayNumber(isoDate);
  if (!Number.isSafeInteger(months))
    rejectInput('not_integer', ['months'], 'a whole number of months', months);
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 + months;
  const day = Number(isoDate.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  if (targetYear < MIN_YEAR || targetYear > LAST_YEAR) {
    rejectInput(
      'out_of_range',
      ['months'],
      `a shift that stays within the years ${MIN_YEAR}–${LAST_YEAR}`,
      months,
    );
  }
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return formatIso(targetYear, targetMonth + 1, Math.min(day, lastDay));
}

// The calendar day of an instant in an IANA time zone, read with Intl (the runtime's tz database), so neither
// the machine's zone nor a side-effectful date library is involved. `assertTimeZone` has validated the name.
function zonedCalendarDay(instant: Date, timeZone: string): [number, number, number] {
  assertTimeZone(timeZone, ['timeZone']);
  if (timeZone === 'UTC') {
    return [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate()];
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    era: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value);
  const era = parts.find((entry) => entry.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - part('year') : part('year');
  return [year, part('month'), part('day')];
}

// `new Date(2024, 0, 1)` is midnight of the machine's zone, which is midnight UTC only on a UTC machine: reading
// it in UTC would book 2023-12-31 in Tokyo and pass silently in CI. Refusing it, with the two fixes, is the only
// reading that neither depends on the machine's zone nor guesses.
function ambiguousDate(value: Date, path: InputPath): MetricInputError {
  const instant = value.toISOString();
  const utcDay = instant.slice(0, 10);
  return new MetricInputError({
    code: 'ambiguous_date',
    path,
    expected: "a 'YYYY-MM-DD' string, a Date at midnight UTC, or a timeZone option to read the Date in",
    received: instant,
    message:
      `${formatPath(path)} is a Date at ${instant}, not midnight UTC, so its calendar day depends on a time zone: ` +
      `pass the day as a 'YYYY-MM-DD' string, or pass the timeZone option naming the zone the Date was built in ` +
      `(new Date(y, m, d) and node-postgres DATE values are midnight of the machine's zone: timeZone: 'Asia/Tokyo' ` +
      `on a machine in Tokyo); with timeZone: 'UTC' this Date is ${utcDay}`,
  });
}

function formatIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
