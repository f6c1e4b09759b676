export * from './compareNps.js';
export * from './netPromoterScore.js';
export * from './netPromoterScoreFromCounts.js';
export * from './npsByPeriod.js';
export * from './npsBySegment.js';
export * from './npsConfidenceInterval.js';
