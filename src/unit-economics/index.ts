export type { AverageRevenuePerAccountInput } from './averageRevenuePerAccount.js';
export { averageRevenuePerAccount } from './averageRevenuePerAccount.js';
export type { CacPaybackMonthsInput } from './cacPaybackMonths.js';
export { cacPaybackMonths } from './cacPaybackMonths.js';
export type { CohortCacPaybackInput } from './cohortCacPayback.js';
export { cohortCacPayback } from './cohortCacPayback.js';
export type { CustomerAcquisitionCostInput } from './customerAcquisitionCost.js';
export { customerAcquisitionCost } from './customerAcquisitionCost.js';
export type { CustomerRoiInput } from './customerRoi.js';
export { customerRoi } from './customerRoi.js';
export type { DiscountedLifetimeValueInput, PaymentTiming } from './discountedLifetimeValue.js';
export { discountedLifetimeValue } from './discountedLifetimeValue.js';
export type { FitShiftedBetaGeometricInput, ShiftedBetaGeometricFit } from './fitShiftedBetaGeometric.js';
export { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
export type { LifetimeValueInput, LifetimeValueOptions } from './lifetimeValue.js';
export { lifetimeValue } from './lifetimeValue.js';
export type { LtvToCacRatioInput } from './ltvToCacRatio.js';
export { ltvToCacRatio } from './ltvToCacRatio.js';
export type { ProjectRetentionOptions, RetentionProjectionRow } from './projectRetention.js';
export { projectRetention } from './projectRetention.js';
export type {
  SbgDiscountedExpectedLifetimeOptions,
  SbgDiscountedExpectedResidualLifetimeOptions,
} from './sbgDiscountedExpectedLifetime.js';
export {
  MIN_SBG_DISCOUNT_RATE,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
} from './sbgDiscountedExpectedLifetime.js';
export type { ShiftedBetaGeometricParams } from './shiftedBetaGeometric.js';
export {
  sbgChurnProbability,
  sbgExpectedLifetime,
  sbgRetentionRate,
  sbgSurvival,
} from './shiftedBetaGeometric.js';
