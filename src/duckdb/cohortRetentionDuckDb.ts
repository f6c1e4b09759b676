import type { DuckDBConnection } from '@duckdb/node-api';
import { assertObject } from '../core/internal/options.js';
import type { CohortRetentionResult } from '../revenue/cohortRetention.js';
import {
  type CohortRetentionSqlOptions,
  cohortRetentionFromSqlRows,
  cohortRetentionSql,
} from '../sql/cohortRetentionSql.js';
import { assertRunnerOptions, duckDbSource, queryDuckDb } from './internal/duckDbQuery.js';
import type { DuckDbSubscriptionSource } from './mrrMovementsDuckDb.js';

/**
 * Options of {@link cohortRetentionDuckDb}: those of `cohortRetentionSql` (without `dialect` and `source`), plus
 * the DuckDB connection or memory limit.
 *
 * @category DuckDB
 */
export interface CohortRetentionDuckDbOptions extends Omit<CohortRetentionSqlOptions, 'dialect' | 'source'> {
  /** An open `@duckdb/node-api` connection to run in (required for a `table` source); default: a new in-memory database, closed afterwards. */
  readonly connection?: DuckDBConnection;
  /** DuckDB's `memory_limit` for the database this function opens, e.g. `'2GB'`; default: DuckDB's (80 % of RAM). */
  readonly memoryLimit?: string;
}

/**
 * Runs {@link cohortRetentionSql} in an embedded DuckDB over a table, a CSV file or a Parquet file and returns
 * the same matrix as `cohortRetention` (exact Decimals), without loading the subscription periods into Node.
 *
 * Formula: retention(cohort, age) = customers(age) / size (basis `'customers'`, the default) or mrr(age) /
 * startingMrr (basis `'revenue'`), customers grouped by the period of their first paid snapshot.
 * Units: counts; MRR in the source's currency (exact at `mrrScale` places); ratios (1.1 = 110 %).
 * Source: docs/sql.md; the equality with `cohortRetention` is a property test.
 * Edge cases: an empty source without from/to gives no cohorts; an empty cohort has retention null; a `table`
 * source without a `connection`, a memory limit that is not like `'2GB'`, and a file path with a quote, backslash
 * or control character are MetricInputErrors, and the options are checked as by `cohortRetentionSql`. Requires
 * the optional peer dependency `@duckdb/node-api`; import it from `customer-health/duckdb`.
 *
 * @category DuckDB
 * @example
 * // const result = await cohortRetentionDuckDb({ parquet: 'periods.parquet' }, { basis: 'revenue' })
 * // runs this query over the file, then converts the rows with cohortRetentionFromSqlRows:
 * cohortRetentionSql({ dialect: 'duckdb', source: "(SELECT * FROM read_parquet('periods.parquet'))", basis: 'revenue' }).includes("read_parquet('periods.parquet')")
 * //=> true
 */
export async function cohortRetentionDuckDb(
  source: DuckDbSubscriptionSource,
  options: CohortRetentionDuckDbOptions = {},
): Promise<CohortRetentionResult> {
  assertObject(options, ['options']);
  const { connection, memoryLimit, ...rest } = options as CohortRetentionDuckDbOptions;
  assertRunnerOptions(rest);
  const from = duckDbSource(source, connection, rest);
  const sql = cohortRetentionSql({ ...rest, dialect: 'duckdb', source: from });
  return cohortRetentionFromSqlRows(await queryDuckDb(sql, connection, memoryLimit), {
    ...(rest.basis === undefined ? {} : { basis: rest.basis }),
    ...(rest.granularity === undefined ? {} : { granularity: rest.granularity }),
  });
}
