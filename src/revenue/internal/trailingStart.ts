import { addCalendarMonths } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { describeValue, relocateError } from '../../core/internal/rejectInput.js';
import type { IsoDate } from '../../core/types.js';

/**
 * The day a trailing retention's cohort is taken: `asOf` minus the `months` option (default 12) in calendar
 * months, month ends clamped. The one rule of `trailingNetRevenueRetention`, `trailingGrossRevenueRetention` and
 * `trailingRevenueRetentionSql`: `months` must be a whole number >= 1 (`invalid_type`, `not_integer`,
 * `not_positive`), and a shift past the calendar's first year is reported at `['options', 'months']`.
 *
 * @private
 */
export function trailingStart(asOf: IsoDate, months: unknown): { start: IsoDate; months: number } {
  const count = months ?? 12;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    throw new MetricInputError({
      code:
        typeof count !== 'number'
          ? 'invalid_type'
          : Number.isSafeInteger(count)
            ? 'not_positive'
            : 'not_integer',
      path: ['options', 'months'],
      expected: 'a whole number of months >= 1',
      received: describeValue(months),
    });
  }
  try {
    return { start: addCalendarMonths(asOf, -count), months: count };
  } catch (error) {
    throw error instanceof MetricInputError ? relocateError(error, ['options', 'months']) : error;
  }
}
