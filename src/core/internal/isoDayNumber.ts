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
