import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { MrrMovementsSqlRow } from '../../src/sql/index.js';
import {
  expectCaseInsensitiveCodes,
  expectMissingRatesOutsideTheWindowRefused,
  expectMixedCurrenciesRefused,
  expectUnusedBadRateRefused,
} from './currencyRefusalCases.js';
import type { RunSql } from './engineEquality.js';
import { expectRevaluedBase } from './snapshotRatesCases.js';

// The currency refusals of currencyRefusalCases.ts on DuckDB (the PostgreSQL suite runs the same ones).

let instance: DuckDBInstance;
let run: RunSql;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  run = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as MrrMovementsSqlRow[];
});
afterAll(() => instance.closeSync());

describe('the SQL twins refuse what the TypeScript engine refuses about currencies, on DuckDB', () => {
  it('rows in several currencies without a currency option stop every twin with mixed_currencies', async () => {
    await expectMixedCurrenciesRefused('duckdb', run);
  });

  it('reads currency codes in any case, in the rows and in the rates', async () => {
    await expectCaseInsensitiveCodes('duckdb', run);
  });

  it('a foreign row without a rate stops the query even where the query filters the row out', async () => {
    await expectMissingRatesOutsideTheWindowRefused('duckdb', run);
  });

  it('a bad rate stops the query even for a currency no row uses', async () => {
    await expectUnusedBadRateRefused('duckdb', run);
  });
});

describe('revenueRatesSql under snapshot rates, on DuckDB', () => {
  it('divides by the revalued starting MRR (starting + fx impact)', async () => {
    await expectRevaluedBase('duckdb', run);
  });
});
