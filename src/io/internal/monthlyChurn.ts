import { fromDayNumber, toDayNumber } from '../../core/calendarDate.js';
import { type Decimal, ONE } from '../../core/internal/decimal.js';
import { toDecimal } from '../../core/numeric.js';
import type { Granularity, IsoDate } from '../../core/types.js';
import { customerChurnRate } from '../../revenue/customerChurnRate.js';
import type { PeriodMovements } from '../../revenue/types.js';
import type { ReportChurnWindow } from '../types.js';

// The Gregorian calendar's average month: 365.2425 days / 12 (exact in decimal).
const DAYS_PER_MONTH = toDecimal('30.436875');

/**
 * Months per period of a granularity: calendar months for month, quarter and year; for days and weeks their
 * length over the average Gregorian month (30.436875 days). @private
 */
export function monthsPerPeriod(granularity: Granularity): Decimal {
  switch (granularity) {
    case 'day':
      return ONE.dividedBy(DAYS_PER_MONTH);
    case 'week':
      return toDecimal(7).dividedBy(DAYS_PER_MONTH);
    case 'month':
      return ONE;
    case 'quarter':
      return toDecimal(3);
    case 'year':
      return toDecimal(12);
  }
}

/**
 * The monthly churn rate equivalent to a churn rate q over a period of `months` months: 1 − (1 − q)^(1/months),
 * the rate that, compounded month after month, loses the same share of customers over the period (churn spread
 * evenly over the period). Exact for months = 1 (q itself); q = 1 stays 1, q = 0 stays 0. @private
 */
export function toMonthlyChurn(rate: Decimal, months: Decimal): Decimal {
  if (months.equals(ONE) || rate.isZero() || rate.equals(ONE)) return rate;
  const monthly = ONE.minus(ONE.minus(rate).pow(ONE.dividedBy(months)));
  // pow works at 40 significant digits: keep the result inside [0, 1] whatever its last digit.
  return monthly.isNegative() ? toDecimal(0) : monthly.greaterThan(ONE) ? ONE : monthly;
}

/**
 * How many periods span `months` months at a granularity (rounded, at least one): 6 months are 183 days, 26
 * weeks, 6 months, 2 quarters or 1 year. @private
 */
export function periodsSpanning(months: number, granularity: Granularity): number {
  return Math.max(1, Math.round(toDecimal(months).dividedBy(monthsPerPeriod(granularity)).toNumber()));
}

/**
 * The churn LTV uses: the complete periods (ending on or before asOf) with a churn rate among the last ones
 * spanning `months` months, each converted to a monthly rate (unchanged for months). @private
 */
export function trailingMonthlyChurn(
  table: readonly PeriodMovements[],
  asOf: IsoDate | null,
  granularity: Granularity,
  months: number,
): { rates: Decimal[]; average: Decimal; window: ReportChurnWindow } | null {
  if (asOf === null) return null;
  const lastDay = toDayNumber(asOf);
  const complete = table.filter((row) => toDayNumber(row.end) - 1 <= lastDay);
  const recent = complete
    .slice(-periodsSpanning(months, granularity))
    .map((row) => ({ row, rate: customerChurnRate(row) }))
    .filter((entry): entry is { row: PeriodMovements; rate: Decimal } => entry.rate !== null);
  if (recent.length === 0) return null;
  const length = monthsPerPeriod(granularity);
  const rates = recent.map((entry) => toMonthlyChurn(entry.rate, length));
  return {
    rates,
    average: rates.reduce((sum, rate) => sum.plus(rate)).dividedBy(rates.length),
    window: {
      granularity,
      periods: recent.length,
      from: recent[0]!.row.start,
      to: fromDayNumber(toDayNumber(recent.at(-1)!.row.end) - 1),
      monthsPerPeriod: length,
    },
  };
}
