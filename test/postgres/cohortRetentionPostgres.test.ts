import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../src/index.js';
import { cohortRetentionFromSqlRows, cohortRetentionSql } from '../../src/sql/index.js';
import {
  assertCohortRetentionCurrencyEqual,
  assertCohortRetentionEqual,
  plainCohorts,
} from '../sql/cohortRetentionEquality.js';
import { loadStatements, TABLE } from '../sql/engineEquality.js';
import { skipPostgres, usePostgres } from './postgresServer.js';

const postgres = usePostgres();

describe.skipIf(skipPostgres)('cohortRetentionSql in PostgreSQL', () => {
  it('gives the documented revenue retention 1, 4/3, 2/3', async () => {
    const periods = [
      { customerId: 'a', start: '2024-01-10', end: '2024-03-15', mrr: 100 },
      { customerId: 'b', start: '2024-01-20', end: null, mrr: 50 },
      { customerId: 'b', start: '2024-02-01', end: null, mrr: 50 },
    ];
    for (const statement of loadStatements(periods)) await postgres().run(statement);
    const rows = await postgres().run(
      cohortRetentionSql({ dialect: 'postgres', source: TABLE, basis: 'revenue' }),
    );
    // January 31: 150 over 2 customers; February 29: 200 -> 4/3; March 31: 100 -> 2/3, truncated to 12 places by
    // div() on NUMERIC; the two later cohorts are empty (NULL).
    expect(rows.map((row) => row.retention)).toEqual([
      '1.000000000000',
      '1.333333333333',
      '0.666666666666',
      null,
      null,
      null,
    ]);
    const result = cohortRetentionFromSqlRows(rows, { basis: 'revenue' });
    expect(plainCohorts(result)).toEqual(plainCohorts(cohortRetention(periods, { basis: 'revenue' })));
  });

  it('equals cohortRetention exactly, for any data, granularity, basis and range, rows on period edges included', async () => {
    await assertCohortRetentionEqual('postgres', (sql) => postgres().run(sql), 80);
  }, 90_000);

  it('equals cohortRetention with the currency option exactly, for rows in several currencies and any rates', async () => {
    await assertCohortRetentionCurrencyEqual('postgres', (sql) => postgres().run(sql), 40);
  }, 90_000);
});
