export * from './mrrMovementsDuckDb.js';
export * from './trailingRevenueRetentionDuckDb.js';
