export {
  addCalendarMonths,
  fromDayNumber,
  toCalendarDate,
  toDayNumber,
} from './calendarDate.js';
export { MetricInputError } from './errors.js';
export type { BillingInterval, NormalizeToMrrInput } from './normalizeToMrr.js';
export { normalizeToMrr } from './normalizeToMrr.js';
export { toDecimal } from './numeric.js';
export { listPeriods, periodOf } from './periods.js';
export type {
  DateLike,
  Decimal,
  Granularity,
  InputPath,
  IsoDate,
  MetricInputErrorCode,
  MetricInputErrorDetails,
  Numeric,
  NumericSign,
  Period,
  PeriodOptions,
  WeekStartsOn,
} from './types.js';
export { GRANULARITIES } from './types.js';
