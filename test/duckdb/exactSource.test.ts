import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { mrrMovementsDuckDb } from '../../src/duckdb/index.js';

// Issue #25: DuckDB guessed a CSV's column types from a sample, so 30,000 rows at `10` and one at `10.5` were read
// as BIGINT and the ending MRR came out 300011. Every source is now read as the in-memory engine reads it: a CSV
// as text, each cell checked and converted exactly, and whatever would be rounded or guessed is refused.

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let directory: string;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  connection = await instance.connect();
  directory = mkdtempSync(join(tmpdir(), 'customer-health-exact-'));
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(directory, { recursive: true, force: true });
});

const HEADER = 'customer_id,start_date,end_date,mrr\n';
let files = 0;
function csv(contents: string): string {
  files += 1;
  const path = join(directory, `periods-${files}.csv`);
  writeFileSync(path, contents);
  return path;
}
async function parquet(select: string): Promise<string> {
  files += 1;
  const path = join(directory, `periods-${files}.parquet`);
  await connection.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  return path;
}
async function endingMrr(
  source: Parameters<typeof mrrMovementsDuckDb>[0],
  options: Parameters<typeof mrrMovementsDuckDb>[1] = {},
): Promise<string> {
  const rows = await mrrMovementsDuckDb(source, { to: '2024-01-31', ...options });
  return rows.at(-1)!.endingMrr.toString();
}
async function refusal(
  source: Parameters<typeof mrrMovementsDuckDb>[0],
  options: Parameters<typeof mrrMovementsDuckDb>[1] = {},
): Promise<MetricInputError> {
  const error = await mrrMovementsDuckDb(source, { to: '2024-01-31', ...options }).catch((caught) => caught);
  expect(error).toBeInstanceOf(MetricInputError);
  return error as MetricInputError;
}

describe('mrrMovementsDuckDb reads money exactly or refuses it', () => {
  it('gives 300010.5 for 30,000 rows at 10 and one at 10.5 (DuckDB sampled the column as BIGINT: 300011)', async () => {
    const rows = Array.from({ length: 30_000 }, (_, index) => `c${index},2024-01-01,,10`);
    const path = csv(`${HEADER}${rows.join('\n')}\nlast,2024-01-01,,10.5\n`);
    expect(await endingMrr({ csv: path })).toBe('300010.5');
  });

  it('refuses MRR with more decimal places than mrrScale, never rounds it, and is exact with the scale', async () => {
    const path = csv(`${HEADER}a,2024-01-01,,10.1234567\nb,2024-01-01,,1.50000000\n`);
    const error = await refusal({ csv: path });
    expect([error.code, error.path]).toEqual(['invalid_value', ['source', 'csv', 'mrr']]);
    expect(error.message).toBe(
      'source.csv: column mrr must be a plain decimal with at most 6 decimal places (mrrScale 6; nothing is rounded), received "10.1234567"',
    );
    expect(await endingMrr({ csv: path }, { mrrScale: 7 })).toBe('11.6234567');
  });

  it.each([
    ['negative MRR', 'a,2024-01-01,,-5', 'negative_amount', 'mrr', '"-5"'],
    ['blank MRR', 'a,2024-01-01,,', 'invalid_number', 'mrr', '""'],
    ['MRR that is not a number', 'a,2024-01-01,,0x1f', 'invalid_number', 'mrr', '"0x1f"'],
    ['MRR in exponent notation beyond mrrScale', 'a,2024-01-01,,1e-7', 'invalid_value', 'mrr', '"1e-7"'],
    ['MRR of 10^21', 'a,2024-01-01,,1e21', 'out_of_range', 'mrr', '"1e21"'],
    [
      'a plain MRR of 10^21',
      'a,2024-01-01,,1000000000000000000000',
      'out_of_range',
      'mrr',
      '"1000000000000000000000"',
    ],
    ['MRR with 61 decimal places', 'a,2024-01-01,,1e-61', 'out_of_range', 'mrr', '"1e-61"'],
    [
      'MRR with a huge exponent',
      'a,2024-01-01,,1e99999999999999999999',
      'out_of_range',
      'mrr',
      '"1e99999999999999999999"',
    ],
    ['negative MRR in exponent notation', 'a,2024-01-01,,-2.5e-1', 'negative_amount', 'mrr', '"-2.5e-1"'],
    ['a blank customer id', '  ,2024-01-01,,10', 'invalid_type', 'customer_id', '""'],
    ['a blank start', 'a,,,10', 'invalid_date', 'start_date', '""'],
    ['a date 2024-2-5', 'a,2024-2-5,,10', 'invalid_date', 'start_date', '"2024-2-5"'],
    ['a date 2024/02/05', 'a,2024/02/05,,10', 'invalid_date', 'start_date', '"2024/02/05"'],
    ['a time of day', 'a,2024-01-05T10:00:00,,10', 'invalid_date', 'start_date', '"2024-01-05T10:00:00"'],
    ['February 30', 'a,2024-02-30,,10', 'invalid_date', 'start_date', '"2024-02-30"'],
    ['a bad end', 'a,2024-01-01,2024-13-01,10', 'invalid_date', 'end_date', '"2024-13-01"'],
    [
      'an end before the start',
      'a,2024-01-05,2024-01-01,10',
      'end_before_start',
      'end_date',
      '"2024-01-01 (before 2024-01-05)"',
    ],
  ])('refuses %s in a CSV', async (_name, row, code, column, received) => {
    const error = await refusal({ csv: csv(`${HEADER}b,2024-01-01,,1\n${row}\n`) });
    expect([error.code, error.path, error.received]).toEqual([code, ['source', 'csv', column], received]);
    expect(error.message).toMatch(new RegExp(`^source\\.csv: column ${column} must be `));
  });

  it('reads MRR in exponent notation exactly, as toDecimal does (it was refused as "not a plain decimal")', async () => {
    const path = csv(
      `${HEADER}a,2024-01-01,,1e2\nb,2024-01-01,,2.5E3\nc,2024-01-01,,-0e0\nd,2024-01-01,,+.5e+1\ne,2024-01-01,,12345678E-6\nf,2024-01-01,,0.0000000000000000000000000000000000000000000000000000000000000000000000001e70\ng,2024-01-01,,0e99999999999999999999999\nh,2024-01-01,,9.99999999999999999999e19\n`,
    );
    expect(await endingMrr({ csv: path })).toBe('100000000000000002617.246678');
    const tiny = csv(`${HEADER}a,2024-01-01,,1e-7\nb,2024-01-01,,1E-0006\n`);
    expect(await endingMrr({ csv: tiny }, { mrrScale: 7 })).toBe('0.0000011');
    const doubles = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(1e-7 AS DOUBLE) AS mrr UNION ALL SELECT 'b', DATE '2024-01-01', NULL, CAST(1e20 AS DOUBLE)",
    );
    expect(await endingMrr({ parquet: doubles }, { mrrScale: 7 })).toBe('100000000000000000000.0000001');
  });

  it('reads trimmed cells, a zero written -0 and an end on the start day as the memory engine does', async () => {
    const path = csv(`${HEADER} a , 2024-01-01 ,, 1.50 \nb,2024-01-01,,-0\nc,2024-01-10,2024-01-10,7\n`);
    const rows = await mrrMovementsDuckDb({ csv: path }, { to: '2024-01-31' });
    expect([rows[0]!.endingMrr.toString(), rows[0]!.endingCustomers]).toEqual(['1.5', 1]);
  });

  it('reads a Parquet DOUBLE as its shortest decimal (the number JSON holds), DECIMAL and integers exactly', async () => {
    const doubles = await parquet(
      "SELECT 'c' || i AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(CASE WHEN i = 0 THEN 10.5 ELSE 10 END AS DOUBLE) AS mrr FROM range(30000) AS t(i)",
    );
    expect(await endingMrr({ parquet: doubles })).toBe('300000.5');
    const tenths = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(0.1 AS DOUBLE) AS mrr UNION ALL SELECT 'b', DATE '2024-01-01', NULL, CAST(0.2 AS DOUBLE)",
    );
    expect(await endingMrr({ parquet: tenths })).toBe('0.3');
    const decimals = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(19.99 AS DECIMAL(18, 2)) AS mrr UNION ALL SELECT 'b', DATE '2024-01-01', NULL, CAST(5 AS DECIMAL(18, 2))",
    );
    expect(await endingMrr({ parquet: decimals })).toBe('24.99');
    const integers = await parquet(
      "SELECT 7 AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(12 AS BIGINT) AS mrr",
    );
    expect(await endingMrr({ parquet: integers })).toBe('12');
  });

  it('refuses a Parquet value the scale would round, a negative one, and a timestamp with a time of day', async () => {
    const fine = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(0.12345678 AS DECIMAL(18, 8)) AS mrr",
    );
    const places = await refusal({ parquet: fine });
    expect([places.code, places.path, places.received]).toEqual([
      'invalid_value',
      ['source', 'parquet', 'mrr'],
      '"0.12345678"',
    ]);
    expect(await endingMrr({ parquet: fine }, { mrrScale: 8 })).toBe('0.12345678');
    const tiny = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(1e-7 AS DOUBLE) AS mrr",
    );
    expect((await refusal({ parquet: tiny })).code).toBe('invalid_value');
    const negative = await parquet(
      "SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(-3 AS INTEGER) AS mrr",
    );
    expect((await refusal({ parquet: negative })).code).toBe('negative_amount');
    const midnight = await parquet(
      "SELECT 'a' AS customer_id, TIMESTAMP '2024-01-01 00:00:00' AS start_date, CAST(NULL AS TIMESTAMP) AS end_date, 4 AS mrr",
    );
    expect(await endingMrr({ parquet: midnight })).toBe('4');
    const morning = await parquet(
      "SELECT 'a' AS customer_id, TIMESTAMP '2024-01-01 10:00:00' AS start_date, CAST(NULL AS TIMESTAMP) AS end_date, 4 AS mrr",
    );
    const timeOfDay = await refusal({ parquet: morning });
    expect([timeOfDay.code, timeOfDay.path]).toEqual(['invalid_date', ['source', 'parquet', 'start_date']]);
  });

  it('checks a table of the connection the same way: a DOUBLE read exactly, a blank customer refused', async () => {
    await connection.run(
      "CREATE TABLE doubles AS SELECT 'a' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, CAST(10.5 AS DOUBLE) AS mrr UNION ALL SELECT 'b', DATE '2024-01-01', NULL, CAST(0.25 AS DOUBLE)",
    );
    expect(await endingMrr({ table: 'doubles' }, { connection })).toBe('10.75');
    await connection.run(
      "CREATE TABLE blanks AS SELECT ' ' AS customer_id, DATE '2024-01-01' AS start_date, CAST(NULL AS DATE) AS end_date, 1 AS mrr",
    );
    const error = await refusal({ table: 'blanks' }, { connection });
    expect([error.code, error.path]).toEqual(['invalid_type', ['source', 'table', 'customer_id']]);
  });

  it('reads columns named by the columns option', async () => {
    const path = csv('who,from,until,amount\na,2024-01-01,,10.5\nb,2024-01-01,,-1\n');
    const columns = { customerId: 'who', start: 'from', end: 'until', mrr: 'amount' };
    const error = await refusal({ csv: path }, { columns });
    expect([error.code, error.path]).toEqual(['negative_amount', ['source', 'csv', 'amount']]);
  });

  it('reads a CSV with a line break inside a quoted cell, LF and CRLF', async () => {
    for (const end of ['\n', '\r\n']) {
      const path = csv(`${HEADER.replace('\n', end)}a,2024-01-01,,100${end}"b${end}x",2024-01-01,,5${end}`);
      const rows = await mrrMovementsDuckDb({ csv: path }, { to: '2024-01-31' });
      expect([rows[0]!.endingMrr.toString(), rows[0]!.endingCustomers], JSON.stringify(end)).toEqual([
        '105',
        2,
      ]);
    }
  });
});
