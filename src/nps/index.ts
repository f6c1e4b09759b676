export type { NpsComparison } from './compareNps.js';
export { compareNps } from './compareNps.js';
export { netPromoterScore } from './netPromoterScore.js';
export type { NpsCounts } from './netPromoterScoreFromCounts.js';
export { netPromoterScoreFromCounts } from './netPromoterScoreFromCounts.js';
export type { DatedNpsResponse, NpsPeriodResult } from './npsByPeriod.js';
export { npsByPeriod } from './npsByPeriod.js';
export type { NpsSegmentResult, SegmentedNpsResponse } from './npsBySegment.js';
export { npsBySegment } from './npsBySegment.js';
export { npsConfidenceInterval } from './npsConfidenceInterval.js';
export type {
  NetPromoterScoreResult,
  NpsConfidenceInterval,
  NpsIntervalMethod,
  NpsIntervalOptions,
} from './types.js';
