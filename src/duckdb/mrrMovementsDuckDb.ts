import type { DuckDBConnection } from '@duckdb/node-api';
import { assertObject } from '../core/internal/options.js';
import type { PeriodMovements } from '../revenue/types.js';
import { mrrMovementsSql } from '../sql/mrrMovementsSql.js';
import { periodMovementsFromSqlRows } from '../sql/periodMovementsFromSqlRows.js';
import type { MrrMovementsSqlOptions } from '../sql/types.js';
import { assertRunnerOptions, duckDbSource, queryDuckDb } from './internal/duckDbQuery.js';

/**
 * Where the subscription periods are: a table (or view) of the `connection` passed in the options, or a CSV or
 * Parquet file (or glob, e.g. `'periods/*.parquet'`) that DuckDB reads in place, streaming, without loading it
 * into Node. The columns are named as in `mrrMovementsSql`'s `columns` option.
 *
 * @category DuckDB
 */
export type DuckDbSubscriptionSource =
  | { readonly table: string }
  | { readonly csv: string }
  | { readonly parquet: string };

/**
 * Options of {@link mrrMovementsDuckDb}: those of `mrrMovementsSql` (without `dialect` and `source`), plus the
 * DuckDB connection or memory limit.
 *
 * @category DuckDB
 */
export interface MrrMovementsDuckDbOptions extends Omit<MrrMovementsSqlOptions, 'dialect' | 'source'> {
  /** An open `@duckdb/node-api` connection to run in (required for a `table` source); default: a new in-memory database, closed afterwards. */
  readonly connection?: DuckDBConnection;
  /** DuckDB's `memory_limit` for the database this function opens, e.g. `'2GB'`; default: DuckDB's (80 % of RAM). */
  readonly memoryLimit?: string;
}

/**
 * Runs {@link mrrMovementsSql} in an embedded DuckDB over a table, a CSV file or a Parquet file and returns the
 * same `PeriodMovements` rows as `mrrMovements` (exact Decimals), so data larger than memory is reported without
 * loading it into Node: DuckDB streams the file and spills to disk under `memoryLimit`.
 *
 * Formula: the movements of `mrrMovements` (endingMrr = startingMrr + new + expansion + reactivation −
 * contraction − churn), computed by the engine.
 * Units: MRR in the source's currency (Decimals, exact at `mrrScale` places); customers as counts.
 * Source: docs/sql.md; the equality with `mrrMovements` is a property test.
 * Edge cases: a `table` source without a `connection`, a memory limit that is not like `'2GB'`, and a file path
 * with a quote, backslash or control character are MetricInputErrors (`missing_field`, `invalid_value`); the
 * options are checked as by `mrrMovementsSql`. Cells are read as `mrrMovements` reads them (a CSV as text, never
 * typed from a sample), and a cell it refuses stops the query with a MetricInputError at
 * `['source', kind, column]`: a blank customer id (`invalid_type`), a start or end that is not a calendar date
 * 'YYYY-MM-DD' (`invalid_date`; a DATE column as it is, a TIMESTAMP at midnight its day), an end before the start
 * (`end_before_start`), MRR that is not a decimal (`invalid_number`), below 0 (`negative_amount`) or with more
 * decimal places than `mrrScale` (`invalid_value`: refused, never rounded; a DOUBLE is read as its shortest
 * decimal). Requires the optional peer dependency `@duckdb/node-api`; import it
 * from `customer-health/duckdb` (the main entry never loads DuckDB).
 *
 * @category DuckDB
 * @example
 * // const rows = await mrrMovementsDuckDb({ parquet: 'periods.parquet' }, { to: '2024-12-31', memoryLimit: '2GB' })
 * // runs this query over the file, then converts the rows with periodMovementsFromSqlRows:
 * mrrMovementsSql({ dialect: 'duckdb', source: "(SELECT * FROM read_parquet('periods.parquet'))", to: '2024-12-31' }).includes("read_parquet('periods.parquet')")
 * //=> true
 */
export async function mrrMovementsDuckDb(
  source: DuckDbSubscriptionSource,
  options: MrrMovementsDuckDbOptions = {},
): Promise<PeriodMovements[]> {
  assertObject(options, ['options']);
  const { connection, memoryLimit, ...rest } = options as MrrMovementsDuckDbOptions;
  assertRunnerOptions(rest);
  const from = duckDbSource(source, connection, rest);
  const sql = mrrMovementsSql({ ...rest, dialect: 'duckdb', source: from });
  // The JSON form renders DECIMAL as its exact decimal string and DATE as 'YYYY-MM-DD'.
  return periodMovementsFromSqlRows(await queryDuckDb(sql, connection, memoryLimit));
}
