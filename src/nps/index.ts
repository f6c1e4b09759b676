export type { NetPromoterScoreComparison } from './compareNetPromoterScores.js';
export { compareNetPromoterScores } from './compareNetPromoterScores.js';
export { netPromoterScore } from './netPromoterScore.js';
export type { DatedNetPromoterScoreResponse, NetPromoterScorePeriod } from './netPromoterScoreByPeriod.js';
export { netPromoterScoreByPeriod } from './netPromoterScoreByPeriod.js';
export type {
  NetPromoterScoreSegment,
  SegmentedNetPromoterScoreResponse,
} from './netPromoterScoreBySegment.js';
export { netPromoterScoreBySegment } from './netPromoterScoreBySegment.js';
export type { NetPromoterScoreCounts } from './netPromoterScoreFromCounts.js';
export { netPromoterScoreFromCounts } from './netPromoterScoreFromCounts.js';
export { netPromoterScoreInterval } from './netPromoterScoreInterval.js';
export type {
  NetPromoterScoreInterval,
  NetPromoterScoreIntervalMethod,
  NetPromoterScoreIntervalOptions,
  NetPromoterScoreResult,
} from './types.js';
