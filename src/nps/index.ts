export * from './compareNetPromoterScores.js';
export * from './netPromoterScore.js';
export * from './netPromoterScoreByPeriod.js';
export * from './netPromoterScoreBySegment.js';
export * from './netPromoterScoreFromCounts.js';
export * from './netPromoterScoreInterval.js';
