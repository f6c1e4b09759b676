export { kaplanMeier } from './kaplanMeier.js';
export { survivalAt } from './survivalAt.js';
export { survivalQuantile } from './survivalQuantile.js';
export type {
  ShareReachedWithin,
  TimeToValueCohort,
  TimeToValueOptions,
  TimeToValueResult,
  TimeToValueSummary,
} from './timeToValue.js';
export { timeToValue } from './timeToValue.js';
export type { TimeToValueDuration, TimeToValueRecord, TimeToValueUnit } from './timeToValueDurations.js';
export type {
  KaplanMeierOptions,
  KaplanMeierResult,
  KaplanMeierStep,
  SurvivalCurve,
  SurvivalIntervalMethod,
  SurvivalObservation,
} from './types.js';
