export type { CoverageTier, CoverageTierRule } from './assignCoverageTier.js';
export { assignCoverageTier } from './assignCoverageTier.js';
export type {
  CalibrateWeightsInput,
  CalibrateWeightsOptions,
  WeightCalibration,
} from './calibrateWeights.js';
export { calibrateWeights } from './calibrateWeights.js';
export type { ScorecardSegment } from './chooseScorecard.js';
export { chooseScorecard } from './chooseScorecard.js';
export type { BandChurn, EvaluateHealthScoreInput, HealthScoreEvaluation } from './evaluateHealthScore.js';
export { evaluateHealthScore } from './evaluateHealthScore.js';
export { matchesCondition } from './healthCondition.js';
export type { HealthOverride } from './healthOverride.js';
export type {
  HealthObservation,
  HealthTrend,
  HealthTrendOptions,
  HealthTrendPoint,
  TrendDirection,
} from './healthTrend.js';
export { healthTrend } from './healthTrend.js';
export type { GroupHealth, MeasureHealth, MeasureStatus } from './measureHealth.js';
export type {
  PortfolioAccount,
  PortfolioBand,
  PortfolioHealth,
  PortfolioHealthOptions,
} from './portfolioHealth.js';
export { portfolioHealth } from './portfolioHealth.js';
export type { RollupChild, RollupHealthOptions, RollupWeighting } from './rollupHealth.js';
export { rollupHealth } from './rollupHealth.js';
export { DEFAULT_HEALTH_BANDS, defineScorecard } from './scorecard.js';
export { scoreHealth } from './scoreHealth.js';
export type { HealthDetail, HealthRow, ScoreHealthManyOptions } from './scoreHealthMany.js';
export { scoreHealthMany } from './scoreHealthMany.js';
export { scoreMeasure } from './scoreMeasure.js';
export type {
  Condition,
  ConditionValue,
  Direction,
  FieldCondition,
  GroupAggregation,
  GroupConfig,
  HealthBand,
  HealthScore,
  HealthSummary,
  Interval,
  IntervalBounds,
  MeasureBand,
  MeasureConfig,
  MissingPolicy,
  ScoreChange,
  Scorecard,
  ScorecardConfig,
  ScoreHealthOptions,
  ScoringRule,
} from './types.js';
export { withMeasureWeights } from './withMeasureWeights.js';
