export type { CohortRetentionFromSqlRowsOptions, CohortRetentionSqlOptions } from './cohortRetentionSql.js';
export { cohortRetentionFromSqlRows, cohortRetentionSql } from './cohortRetentionSql.js';
export { mergeMrrMovements } from './mergeMrrMovements.js';
export { mrrMovementsSql } from './mrrMovementsSql.js';
export type { MrrMovementsSqlRow } from './periodMovementsFromSqlRows.js';
export { periodMovementsFromSqlRows } from './periodMovementsFromSqlRows.js';
export { quoteIdentifier } from './quoteIdentifier.js';
export type { RevenueRatesSqlOptions } from './revenueRatesSql.js';
export { revenueRatesSql } from './revenueRatesSql.js';
export { segmentMrrMovementsFromSqlRows } from './segmentMrrMovementsFromSqlRows.js';
export type { SegmentMrrMovementsSqlOptions } from './segmentMrrMovementsSql.js';
export { segmentMrrMovementsSql } from './segmentMrrMovementsSql.js';
export type { SqlDialect } from './sqlDialect.js';
export { SQL_DIALECTS } from './sqlDialect.js';
export type {
  TrailingRevenueRetentionPair,
  TrailingRevenueRetentionSqlOptions,
} from './trailingRevenueRetentionSql.js';
export {
  trailingRevenueRetentionFromSqlRow,
  trailingRevenueRetentionSql,
} from './trailingRevenueRetentionSql.js';
export type {
  ExchangeRateSqlColumns,
  MrrMovementsSqlColumns,
  MrrMovementsSqlCurrency,
  MrrMovementsSqlOptions,
} from './types.js';
