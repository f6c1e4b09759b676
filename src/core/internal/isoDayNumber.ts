import { MetricInputError } from '../errors.js';
import type { InputPath } from '../types.js';
import { describeValue } from './rejectInput.js';

/** The first year a calendar date may have (four digits). @private */
export const MIN_YEAR = 1000;
/** The last year an input date may have: the period after it still ends in a four-digit year. @private */
export const MAX_YEAR = 9998;

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
 * The day number of a valid `'YYYY-MM-DD'` string from the year 1000 to `lastYear` (default 9998, the range
 * toCalendarDate accepts), or NaN for anything else (the callers report it; -1 is 1969-12-31). Days-from-civil arithmetic (Howard
 * Hinnant's algorithm) on char codes, no regex and no Date.
 *
 * @private
 */
export function isoDayNumber(text: string, lastYear = MAX_YEAR): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  // Written out digit by digit: the validators parse two dates per row, millions of rows per call.
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  // A non-digit makes its field negative (see digit).
  if (year < MIN_YEAR || year > lastYear || month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return Number.NaN;
  // Days from civil with March as the first month: `shifted` is at least 999, so `| 0` is the floor.
  const shifted = month <= 2 ? year - 1 : year;
  const dayOfYear = (((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) | 0) + day - 1;
  const leapDays = ((shifted / 4) | 0) - ((shifted / 100) | 0) + ((shifted / 400) | 0);
  return shifted * 365 + leapDays + dayOfYear - 719_468;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The digit at `position`, or a number negative enough to make any field built from it negative.
function digit(text: string, position: number): number {
  const code = text.charCodeAt(position) - 48;
  return code >= 0 && code <= 9 ? code : -100_000;
}
