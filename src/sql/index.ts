export type { CohortRetentionFromSqlRowsOptions, CohortRetentionSqlOptions } from './cohortRetentionSql.js';
export { cohortRetentionFromSqlRows, cohortRetentionSql } from './cohortRetentionSql.js';
export * from './mergeMrrMovements.js';
export * from './mrrMovementsSql.js';
export * from './periodMovementsFromSqlRows.js';
export * from './quoteIdentifier.js';
export * from './revenueRatesSql.js';
export * from './sqlDialect.js';
export * from './trailingRevenueRetentionSql.js';
