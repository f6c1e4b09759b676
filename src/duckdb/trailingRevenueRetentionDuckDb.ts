import type { DuckDBConnection } from '@duckdb/node-api';
import { assertObject } from '../core/internal/options.js';
import {
  type TrailingRevenueRetentionPair,
  type TrailingRevenueRetentionSqlOptions,
  trailingRevenueRetentionFromSqlRow,
  trailingRevenueRetentionSql,
} from '../sql/trailingRevenueRetentionSql.js';
import { assertRunnerOptions, duckDbSource, queryDuckDb } from './internal/duckDbQuery.js';
import type { DuckDbSubscriptionSource } from './mrrMovementsDuckDb.js';

/**
 * Options of {@link trailingRevenueRetentionDuckDb}: those of `trailingRevenueRetentionSql` (without `dialect`
 * and `source`), plus the DuckDB connection or memory limit.
 *
 * @category DuckDB
 */
export interface TrailingRevenueRetentionDuckDbOptions
  extends Omit<TrailingRevenueRetentionSqlOptions, 'dialect' | 'source'> {
  /** An open `@duckdb/node-api` connection to run in (required for a `table` source); default: a new in-memory database, closed afterwards. */
  readonly connection?: DuckDBConnection;
  /** DuckDB's `memory_limit` for the database this function opens, e.g. `'2GB'`; default: DuckDB's (80 % of RAM). */
  readonly memoryLimit?: string;
}

/**
 * Runs {@link trailingRevenueRetentionSql} in an embedded DuckDB over a table, a CSV file or a Parquet file and
 * returns the results of `trailingNetRevenueRetention` (`net`) and `trailingGrossRevenueRetention` (`gross`) with
 * exact Decimals, without loading the subscription periods into Node.
 *
 * Formula: net = Σ mrr(c, asOf) / Σ mrr(c, start), gross = Σ min(mrr(c, asOf), mrr(c, start)) / Σ mrr(c, start)
 * over the customers paying on start = `asOf` minus `months` months (default 12, month end clamped).
 * Units: ratios (1.05 = 105 %); MRR in the source's currency (exact at `mrrScale` places); customers as counts.
 * Source: docs/sql.md; the equality with the TypeScript functions is a property test.
 * Edge cases: nobody paying on the start day gives both values null; a `table` source without a `connection`, a
 * memory limit that is not like `'2GB'`, and a file path with a quote, backslash or control character are
 * MetricInputErrors, and the options are checked as by `trailingRevenueRetentionSql`. Requires the optional peer
 * dependency `@duckdb/node-api`; import it from `customer-health/duckdb`.
 *
 * @category DuckDB
 * @example
 * // const { net, gross } = await trailingRevenueRetentionDuckDb({ parquet: 'periods.parquet' }, { asOf: '2024-06-30' })
 * // runs this query over the file, then converts its row with trailingRevenueRetentionFromSqlRow:
 * trailingRevenueRetentionSql({ dialect: 'duckdb', source: "(SELECT * FROM read_parquet('periods.parquet'))", asOf: '2024-06-30' }).includes("DATE '2023-06-30' AS start_day")
 * //=> true
 */
export async function trailingRevenueRetentionDuckDb(
  source: DuckDbSubscriptionSource,
  options: TrailingRevenueRetentionDuckDbOptions,
): Promise<TrailingRevenueRetentionPair> {
  assertObject(options, ['options']);
  const { connection, memoryLimit, ...rest } = options;
  assertRunnerOptions(rest);
  const from = duckDbSource(source, connection, rest);
  const sql = trailingRevenueRetentionSql({ ...rest, dialect: 'duckdb', source: from });
  const [row] = await queryDuckDb(sql, connection, memoryLimit);
  return trailingRevenueRetentionFromSqlRow(row!);
}
