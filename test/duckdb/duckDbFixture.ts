import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import type { MrrMovementsSqlRow } from '../../src/sql/index.js';

/** What a DuckDB test file works with: its connection, its files and a way to run SQL on the connection. */
export interface DuckDbFixture {
  readonly connection: () => DuckDBConnection;
  /** The path of a file in the fixture's directory: `periods.csv` (as given) and `periods.parquet` (converted). */
  readonly file: (name: 'periods.csv' | 'periods.parquet') => string;
  readonly run: (sql: string) => Promise<MrrMovementsSqlRow[]>;
}

/**
 * An in-memory DuckDB for one test file, with `csv` written to periods.csv and converted to periods.parquet by
 * `toParquet` (a SELECT over `read_csv(<file>)`, given the CSV's path), closed and deleted after the file's tests.
 */
export function useDuckDb(csv: string, toParquet: (csvPath: string) => string): DuckDbFixture {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let directory: string;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
    directory = mkdtempSync(join(tmpdir(), 'customer-health-duckdb-'));
    writeFileSync(join(directory, 'periods.csv'), csv);
    const parquet = join(directory, 'periods.parquet');
    await connection.run(
      `COPY (${toParquet(join(directory, 'periods.csv'))}) TO '${parquet}' (FORMAT parquet)`,
    );
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    connection: () => connection,
    file: (name) => join(directory, name),
    run: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as MrrMovementsSqlRow[],
  };
}

/**
 * `[source, options, code, path]` of bad input every DuckDB runner rejects the same way: injections in a table
 * name, a file path, the memory limit and a column name, a table without a connection, an unknown source kind.
 */
export const BAD_SOURCES_AND_OPTIONS: [object, object, string, (string | number)[]][] = [
  [{ table: 'x; DROP TABLE y' }, { connection: undefined }, 'invalid_value', ['source', 'table']],
  [{ table: 'subscription_periods' }, {}, 'missing_field', ['options', 'connection']],
  [{ csv: "a.csv'); DROP TABLE y; --" }, {}, 'invalid_value', ['source', 'csv']],
  [{ parquet: 'a\\b.parquet' }, {}, 'invalid_value', ['source', 'parquet']],
  [{ json: 'a.json' }, {}, 'invalid_value', ['source']],
  [{ csv: 'a.csv' }, { memoryLimit: "2GB'; DROP TABLE y; --" }, 'invalid_value', ['options', 'memoryLimit']],
  [{ csv: 'a.csv' }, { columns: { mrr: 'mrr" + 1 --' } }, 'invalid_value', ['options', 'columns', 'mrr']],
];
