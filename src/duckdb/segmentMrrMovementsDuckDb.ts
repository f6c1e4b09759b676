import type { DuckDBConnection } from '@duckdb/node-api';
import { assertObject } from '../core/internal/options.js';
import type { SegmentMrrMovements } from '../revenue/types.js';
import { segmentMrrMovementsFromSqlRows } from '../sql/segmentMrrMovementsFromSqlRows.js';
import { type SegmentMrrMovementsSqlOptions, segmentMrrMovementsSql } from '../sql/segmentMrrMovementsSql.js';
import { assertRunnerOptions, duckDbSource, queryDuckDb } from './internal/duckDbQuery.js';
import type { DuckDbSubscriptionSource } from './mrrMovementsDuckDb.js';

/**
 * Options of {@link segmentMrrMovementsDuckDb}: those of `segmentMrrMovementsSql` (without `dialect` and
 * `source`), plus the DuckDB connection or memory limit.
 *
 * @category DuckDB
 */
export interface SegmentMrrMovementsDuckDbOptions
  extends Omit<SegmentMrrMovementsSqlOptions, 'dialect' | 'source'> {
  /** An open `@duckdb/node-api` connection to run in (required for a `table` source); default: a new in-memory database, closed afterwards. */
  readonly connection?: DuckDBConnection;
  /** DuckDB's `memory_limit` for the database this function opens, e.g. `'2GB'`; default: DuckDB's. */
  readonly memoryLimit?: string;
}

/**
 * Runs `segmentMrrMovementsSql` in an embedded DuckDB over a table, a CSV file or a Parquet file and returns the
 * same `SegmentMrrMovements` as `segmentMrrMovements` (exact Decimals): the total table and one per segment.
 *
 * Formula: per segment, ending = starting + new + expansion + reactivation − contraction − churned + fx impact +
 * transfers in − transfers out; the segments add up to the total (see `segmentMrrMovements`).
 * Units: MRR in the source's (or the reporting) currency, Decimals exact at `mrrScale` places; customers as counts.
 * Source: docs/sql.md; the equality with `segmentMrrMovements` is a property test.
 * Edge cases: as `mrrMovementsDuckDb` (bad sources and memory limits are MetricInputErrors, a missing or invalid
 * exchange rate becomes `missing_exchange_rate` / `invalid_value`); a row without a segment fails the query with
 * a DuckDB error starting `missing_segment:`.
 *
 * @category DuckDB
 * @example
 * // const result = await segmentMrrMovementsDuckDb({ parquet: 'periods.parquet' }, { columns: { segment: 'plan' } })
 * // runs this query over the file, then converts the rows with segmentMrrMovementsFromSqlRows:
 * segmentMrrMovementsSql({ dialect: 'duckdb', source: "(SELECT * FROM read_parquet('periods.parquet'))", columns: { segment: 'plan' } }).includes('AS segment')
 * //=> true
 */
export async function segmentMrrMovementsDuckDb(
  source: DuckDbSubscriptionSource,
  options: SegmentMrrMovementsDuckDbOptions = {},
): Promise<SegmentMrrMovements> {
  assertObject(options, ['options']);
  const { connection, memoryLimit, ...rest } = options as SegmentMrrMovementsDuckDbOptions;
  assertRunnerOptions(rest);
  const from = duckDbSource(source, connection, rest);
  const sql = segmentMrrMovementsSql({ ...rest, dialect: 'duckdb', source: from });
  return segmentMrrMovementsFromSqlRows(await queryDuckDb(sql, connection, memoryLimit));
}
