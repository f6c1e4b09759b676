import { MetricInputError } from './errors.js';
import { assertPath } from './internal/assertPath.js';
import { formatPath } from './internal/formatPath.js';
import { assertTimeZone, isoDayNumber, MAX_YEAR, MIN_YEAR } from './internal/isoDayNumber.js';
import { describeValue, rejectInput } from './internal/rejectInput.js';
import { DateLike, type InputPath, type IsoDate } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Four-digit years only, with room for the period after the last one to stay four digits.
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
  assertPath(path);
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
