import type { Granularity, WeekStartsOn } from '../../core/types.js';
import type { SqlDialect } from '../sqlDialect.js';
import { integerDivide } from './integerSeries.js';

/**
 * How the generated SQL numbers periods: consecutive integers, so the grid is an integer series and a period's
 * predecessor is `index − 1`, whatever the granularity. Day: days since 1970-01-01; week: weeks since the first
 * `weekStartsOn` day on or after 1970-01-01 (negative before it); month: `year × 12 + month − 1`; quarter:
 * `year × 4 + quarter − 1`; year: the year. The same calendar as `startOfPeriod` in src/core/periods.ts.
 *
 * @private
 */
export interface PeriodIndexSql {
  /** SQL for the index of the period holding the DATE expression `date`. */
  readonly indexOf: (date: string) => string;
  /** SQL for the first day (a DATE) of the period with integer index `index`. */
  readonly startOf: (index: string) => string;
}

const EPOCH = "DATE '1970-01-01'";

/**
 * The period numbering of one granularity in one dialect (see {@link PeriodIndexSql}).
 *
 * @private
 */
export function periodIndexSql(
  dialect: SqlDialect,
  granularity: Granularity,
  weekStartsOn: WeekStartsOn,
): PeriodIndexSql {
  const divide = (numerator: string, denominator: number) =>
    integerDivide(dialect, numerator, String(denominator));
  const dayNumber = (date: string) => `CAST((${date}) - ${EPOCH} AS INTEGER)`;
  const year = (date: string) => `CAST(EXTRACT(YEAR FROM ${date}) AS INTEGER)`;
  const month = (date: string) => `CAST(EXTRACT(MONTH FROM ${date}) AS INTEGER)`;
  const makeDate = (y: string, m: string) => `make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), 1)`;
  switch (granularity) {
    case 'day':
      return { indexOf: dayNumber, startOf: (index) => `${EPOCH} + CAST(${index} AS INTEGER)` };
    case 'week': {
      // 1970-01-01 was a Thursday (weekday 4): day number `offset` is the first `weekStartsOn` day after it.
      const offset = (weekStartsOn - 4 + 7) % 7;
      return {
        // Floor division that stays exact for dates before the offset: subtract the non-negative remainder first.
        indexOf: (date) => {
          const shifted = `(${dayNumber(date)} - ${offset})`;
          return divide(`${shifted} - ((${shifted} % 7) + 7) % 7`, 7);
        },
        startOf: (index) => `${EPOCH} + CAST((${index}) * 7 + ${offset} AS INTEGER)`,
      };
    }
    case 'month':
      return {
        indexOf: (date) => `(${year(date)} * 12 + ${month(date)} - 1)`,
        startOf: (index) => makeDate(divide(index, 12), `(${index}) % 12 + 1`),
      };
    case 'quarter':
      return {
        indexOf: (date) => `(${year(date)} * 4 + ${divide(`${month(date)} - 1`, 3)})`,
        startOf: (index) => makeDate(divide(index, 4), `((${index}) % 4) * 3 + 1`),
      };
    case 'year':
      return { indexOf: year, startOf: (index) => makeDate(index, '1') };
  }
}
