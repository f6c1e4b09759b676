export type { DateLike, IsoDate } from './calendarDate.js';
export {
  addCalendarMonths,
  fromDayNumber,
  toCalendarDate,
  toDayNumber,
} from './calendarDate.js';
export type { InputPath, MetricInputErrorCode, MetricInputErrorDetails } from './errors.js';
export { MetricInputError } from './errors.js';
export type { BillingInterval, NormalizeToMrrInput } from './normalizeToMrr.js';
export { normalizeToMrr } from './normalizeToMrr.js';
export type { Numeric, NumericSign } from './numeric.js';
export { toDecimal } from './numeric.js';
export type { Granularity, Period, PeriodOptions, WeekStartsOn } from './periods.js';
export { GRANULARITIES, listPeriods, periodOf } from './periods.js';
export type { Decimal } from './types.js';
