import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MetricInputError } from '../../core/errors.js';
import { assertObject } from '../../core/internal/options.js';
import { describeValue, rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import { mixedCurrenciesError } from '../../sql/internal/mixedCurrenciesError.js';
import { quoteIdentifier } from '../../sql/quoteIdentifier.js';
import { checkedSource, refusedCell } from './checkedCellsSql.js';

const MEMORY = /^\d+(?:\.\d+)?\s?(?:[KMGT]i?B)$/;

/**
 * The `source` option of the generated SQL for a `DuckDbSubscriptionSource`: the table name as given
 * (the SQL generator quotes it), or a `read_csv` / `read_parquet` subquery over the file path.
 *
 * @private
 */
export function duckDbSource(
  source: unknown,
  connection: DuckDBConnection | undefined,
  read: { columns?: unknown; mrrScale?: unknown } = {},
): string {
  assertObject(source, ['source']);
  if ('table' in source) {
    const table = quoteIdentifier(source.table, ['source', 'table']);
    if (connection === undefined) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['options', 'connection'],
        expected: 'an open DuckDB connection holding the table',
        received: 'undefined',
      });
    }
    return checkedSource(table, 'table', read);
  }
  // A CSV is read as text (DuckDB never guesses a column's type from a sample), and every source's cells are
  // checked and converted as the in-memory engine reads them: refused, never rounded.
  if ('csv' in source) {
    const path = fileLiteral(source.csv, ['source', 'csv']);
    return checkedSource(`read_csv(${path}, header = true, all_varchar = true)`, 'csv', read);
  }
  if ('parquet' in source) {
    return checkedSource(
      `read_parquet(${fileLiteral(source.parquet, ['source', 'parquet'])})`,
      'parquet',
      read,
    );
  }
  throw new MetricInputError({
    code: 'invalid_value',
    path: ['source'],
    expected: 'one of { table }, { csv }, { parquet }',
    received: describeValue(source),
  });
}

/**
 * Runs one generated query in `connection`, or in a new in-memory database (with DuckDB's `memory_limit` set to
 * `memoryLimit` when given) that is closed afterwards, and returns its rows in DuckDB's JSON form: DECIMAL as its
 * exact decimal string, DATE as `'YYYY-MM-DD'`, BIGINT as a string.
 *
 * @private
 */
export async function queryDuckDb(
  sql: string,
  connection: DuckDBConnection | undefined,
  memoryLimit: unknown,
): Promise<Record<string, unknown>[]> {
  if (memoryLimit !== undefined && (typeof memoryLimit !== 'string' || !MEMORY.test(memoryLimit))) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: ['options', 'memoryLimit'],
      expected: "a size such as '512MB' or '2GB'",
      received: describeValue(memoryLimit),
    });
  }
  if (connection !== undefined) return rowsOf(connection, sql);
  const instance = await DuckDBInstance.create(
    ':memory:',
    memoryLimit === undefined ? {} : { memory_limit: memoryLimit },
  );
  try {
    const own = await instance.connect();
    try {
      return await rowsOf(own, sql);
    } finally {
      own.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } catch (error) {
    throw exchangeRateError(error) ?? refusedCell(error) ?? mixedCurrenciesError(error) ?? error;
  }
}

// The generated SQL stops with `error('missing_exchange_rate: …')` or `error('invalid_exchange_rate: …')` where the
// TypeScript engine throws; the runner turns those back into the library's error.
function exchangeRateError(error: unknown): MetricInputError | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const found = /(missing|invalid)_exchange_rate: ([^\n]*)/.exec(text);
  if (found === null) return undefined;
  const missing = found[1] === 'missing';
  return new MetricInputError({
    code: missing ? 'missing_exchange_rate' : 'invalid_value',
    path: ['options', 'currency', 'rates'],
    expected: missing
      ? 'a rate in effect on every day a row in that currency is converted'
      : 'rates > 0, one per currency and day, none for the reporting currency',
    received: found[2]!,
    message: `options.currency.rates: ${found[2]}`,
  });
}

// A path becomes a SQL string literal; rather than escape quotes, refuse them, so no path can end the literal.
function fileLiteral(path: unknown, at: InputPath): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (typeof path !== 'string' || path === '' || /['\\\u0000-\u001f]/.test(path)) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: at,
      expected: 'a non-empty file path without quotes, backslashes or control characters',
      received: describeValue(path),
    });
  }
  return `'${path}'`;
}

/**
 * Rejects the SQL builder options a runner sets itself (`dialect`, `source`): passed to a runner they would be
 * silently replaced, so they are unknown there (`unknown_field` at `['options', key]`). Every other option is
 * checked by the SQL builder, which reports it at the same `['options', …]` path.
 *
 * @private
 */
export function assertRunnerOptions(options: object): void {
  for (const key of ['dialect', 'source']) {
    if (Object.hasOwn(options, key)) {
      rejectInput(
        'unknown_field',
        ['options', key],
        'an option of the runner (the source is its first argument)',
        key,
      );
    }
  }
}
