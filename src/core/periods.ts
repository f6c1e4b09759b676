import { toCalendarDate, toDayNumber } from './calendarDate.js';
import { MetricInputError } from './errors.js';
import { assertKnownKeys, assertObject } from './internal/options.js';
import {
  nextPeriodStart,
  periodsBetween,
  resolveDateRange,
  resolvePeriodOptions,
  startOfPeriod,
} from './internal/periodGrid.js';
import { rejectInput } from './internal/rejectInput.js';
import { assertWeekInCalendar } from './internal/weekCalendar.js';
import type { DateLike, Period, PeriodOptions } from './types.js';
/**
 * The period that contains a date.
 *
 * Edge cases: an invalid date or option is a {@link MetricInputError}, and so is a date whose week (weekly
 * periods) would start before 1000-01-01, the first supported day (`out_of_range` at `['date']`). Bucketing is
 * idempotent: the period of a period's start is that period.
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
  assertWeekInCalendar(toDayNumber(day), resolved, ['date'], date);
  const start = startOfPeriod(day, resolved);
  return { start, end: nextPeriodStart(start, resolved.granularity) };
}

/**
 * Every period from the one containing `from` through the one containing `to`, contiguous and in order.
 *
 * Edge cases: a missing or invalid `from` or `to`, or `to` before `from`, is a {@link MetricInputError}, and so is
 * a `from` whose week (weekly periods) would start before 1000-01-01 (`out_of_range` at `['from']`); `from` and
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
  assertWeekInCalendar(toDayNumber(range.from!), resolved, ['from'], from);
  return periodsBetween(range.from!, range.to!, resolved);
}

const PERIOD_OPTION_KEYS: ReadonlySet<string> = new Set(['granularity', 'weekStartsOn', 'timeZone']);

// periodOf and listPeriods take exactly the period options; the metrics that extend them check their own keys.
function assertPeriodOptionKeys(options: unknown): void {
  assertObject(options, ['options']);
  assertKnownKeys(options, PERIOD_OPTION_KEYS, ['options']);
}
