export type { CohortRetentionDuckDbOptions } from './cohortRetentionDuckDb.js';
export { cohortRetentionDuckDb } from './cohortRetentionDuckDb.js';
export type { DuckDbSubscriptionSource, MrrMovementsDuckDbOptions } from './mrrMovementsDuckDb.js';
export { mrrMovementsDuckDb } from './mrrMovementsDuckDb.js';
export type { SegmentMrrMovementsDuckDbOptions } from './segmentMrrMovementsDuckDb.js';
export { segmentMrrMovementsDuckDb } from './segmentMrrMovementsDuckDb.js';
export type { TrailingRevenueRetentionDuckDbOptions } from './trailingRevenueRetentionDuckDb.js';
export { trailingRevenueRetentionDuckDb } from './trailingRevenueRetentionDuckDb.js';
