export type { ApportionToMonthsInput } from './apportionToMonths.js';
export { apportionToMonths } from './apportionToMonths.js';
export { arrFromMrr } from './arrFromMrr.js';
export {
  addCalendarMonths,
  fromDayNumber,
  toCalendarDate,
  toDayNumber,
} from './calendarDate.js';
export { MAX_INPUT_ISSUES, MetricInputError } from './errors.js';
export type { BillingInterval, NormalizeToMrrInput } from './normalizeToMrr.js';
export { normalizeToMrr } from './normalizeToMrr.js';
export { toDecimal } from './numeric.js';
export { listPeriods, periodOf } from './periods.js';
export type { Jsonified, JsonNumberKind, ToJsonOptions } from './toJSON.js';
export { toJSON } from './toJSON.js';
export type {
  DateLike,
  Decimal,
  Granularity,
  InputPath,
  IsoDate,
  MetricInputErrorCode,
  MetricInputErrorDetails,
  MetricInputIssue,
  Numeric,
  NumericSign,
  Period,
  PeriodOptions,
  WeekStartsOn,
} from './types.js';
export { GRANULARITIES } from './types.js';
