export type {
  CohortRetentionBasis,
  CohortRetentionCell,
  CohortRetentionOptions,
  CohortRetentionResult,
  CohortRetentionRow,
} from './cohortRetention.js';
export { cohortRetention } from './cohortRetention.js';
export type { CompoundMrrInput, CompoundMrrResult } from './compoundMrr.js';
export { compoundMrr } from './compoundMrr.js';
export type {
  CustomerChurnDenominator,
  CustomerChurnRateInput,
  CustomerChurnRateOptions,
} from './customerChurnRate.js';
export { customerChurnRate } from './customerChurnRate.js';
export type { CustomerChurnRateFromDaysInput } from './customerChurnRateFromDays.js';
export { customerChurnRateFromDays } from './customerChurnRateFromDays.js';
export type {
  CustomerMrrSeries,
  CustomerMrrTimeline,
  CustomerMrrTimelineOptions,
} from './customerMrrTimeline.js';
export { customerMrrTimeline } from './customerMrrTimeline.js';
export { customerRetentionRate } from './customerRetentionRate.js';
export type { GrossRevenueChurnRateInput } from './grossRevenueChurnRate.js';
export { grossRevenueChurnRate } from './grossRevenueChurnRate.js';
export type { GrossRevenueRetentionInput } from './grossRevenueRetention.js';
export { grossRevenueRetention } from './grossRevenueRetention.js';
export { isNegativeChurn } from './isNegativeChurn.js';
export { mrrMovements } from './mrrMovements.js';
export type { NetRevenueChurnRateInput, NetRevenueChurnRateOptions } from './netRevenueChurnRate.js';
export { netRevenueChurnRate } from './netRevenueChurnRate.js';
export type { NetRevenueRetentionInput, NetRevenueRetentionOptions } from './netRevenueRetention.js';
export { netRevenueRetention } from './netRevenueRetention.js';
export type { QuickRatioInput } from './quickRatio.js';
export { quickRatio } from './quickRatio.js';
export { segmentMrrMovements } from './segmentMrrMovements.js';
export type {
  DayColumn,
  IdColumn,
  MinorUnitsColumn,
  SubscriptionPeriod,
  SubscriptionPeriodColumns,
  SubscriptionPeriodInput,
} from './subscriptionPeriod.js';
export { trailingGrossRevenueRetention } from './trailingGrossRevenueRetention.js';
export { trailingNetRevenueRetention } from './trailingNetRevenueRetention.js';
export type {
  CurrencyOptions,
  CustomerMovement,
  ExchangeRate,
  ExchangeRateDate,
  MovementType,
  MrrMovements,
  MrrMovementsDetail,
  MrrMovementsOptions,
  MrrMovementsSummary,
  PaidToFree,
  PeriodMovements,
  ReactivationTreatment,
  SegmentMrrMovements,
  SegmentMrrMovementsOptions,
  SegmentPeriodMovements,
  TrailingRevenueRetention,
  TrailingRevenueRetentionOptions,
} from './types.js';
