import { fromDayNumber } from '../calendarDate.js';
import { MetricInputError } from '../errors.js';
import type { InputPath } from '../types.js';
import type { ResolvedPeriodOptions } from './periodGrid.js';
import { describeValue } from './rejectInput.js';

// 1000-01-01, the first day of the supported calendar, is day -354285, a Wednesday (1970-01-01, day 0, was a
// Thursday: weekday (day + 4) mod 7, 0 = Sunday).
const FIRST_DAY = -354_285;
const FIRST_WEEKDAY = 3;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The first day whose week, starting on `weekStartsOn`, starts on or after 1000-01-01: the days before it are in
 * a week that starts before the supported calendar (1000-01-01 to 9999-12-31), which has no date to name.
 *
 * @private
 */
export function firstWeekDay(weekStartsOn: number): number {
  return FIRST_DAY + ((weekStartsOn - FIRST_WEEKDAY + 7) % 7);
}

/**
 * Throws an `out_of_range` MetricInputError at `path` when `options` are weekly and `day` (the day read from
 * `value`) is in a week that starts before 1000-01-01; anything else passes.
 *
 * @private
 */
export function assertWeekInCalendar(
  day: number,
  options: Pick<ResolvedPeriodOptions, 'granularity' | 'weekStartsOn'>,
  path: InputPath,
  value: unknown,
): void {
  if (options.granularity !== 'week') return;
  const first = firstWeekDay(options.weekStartsOn);
  if (day >= first) return;
  throw new MetricInputError({
    code: 'out_of_range',
    path,
    expected: `a date from ${fromDayNumber(first)} on with weeks starting on ${WEEKDAYS[options.weekStartsOn]} (the week of an earlier date starts before 1000-01-01, the first supported day)`,
    received: describeValue(value),
  });
}

/**
 * {@link assertWeekInCalendar} for `from` (when given) and every row's start day, in that order: the first row
 * in a week before the calendar is named at `['subscriptions', i, 'start']` (rows) or
 * `['subscriptions', 'start', i]` (columns). One pass over the start days, for weekly options only.
 *
 * @private
 */
export function assertWeeksInCalendar(
  startDay: ArrayLike<number>,
  from: string | undefined,
  options: Pick<ResolvedPeriodOptions, 'granularity' | 'weekStartsOn'>,
  columnar: boolean,
): void {
  if (options.granularity !== 'week') return;
  const first = firstWeekDay(options.weekStartsOn);
  if (from !== undefined && from < fromDayNumber(first)) {
    assertWeekInCalendar(FIRST_DAY, options, ['options', 'from'], from);
  }
  for (let row = 0; row < startDay.length; row += 1) {
    if (startDay[row]! < first) {
      const day = fromDayNumber(startDay[row]!);
      assertWeekInCalendar(
        startDay[row]!,
        options,
        columnar ? ['subscriptions', 'start', row] : ['subscriptions', row, 'start'],
        day,
      );
    }
  }
}
