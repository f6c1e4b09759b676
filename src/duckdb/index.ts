export { type CohortRetentionDuckDbOptions, cohortRetentionDuckDb } from './cohortRetentionDuckDb.js';
export * from './mrrMovementsDuckDb.js';
export * from './trailingRevenueRetentionDuckDb.js';
