import { describe, expect, it } from 'vitest';
import { trailingRevenueRetentionFromSqlRow, trailingRevenueRetentionSql } from '../../src/sql/index.js';
import { loadStatements, TABLE } from '../sql/engineEquality.js';
import {
  assertTrailingRetentionCurrencyEqual,
  assertTrailingRetentionEqual,
  plainRetention,
} from '../sql/trailingRetentionEquality.js';
import { skipPostgres, usePostgres } from './postgresServer.js';

const postgres = usePostgres();

describe.skipIf(skipPostgres)('trailingRevenueRetentionSql in PostgreSQL', () => {
  it('gives net 0.75 and gross 0.5 for the documented example', async () => {
    const periods = [
      { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
      { customerId: 'a', start: '2024-02-01', end: null, mrr: 150 },
      { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
      { customerId: 'c', start: '2023-12-01', end: null, mrr: 500 },
    ];
    for (const statement of loadStatements(periods)) await postgres().run(statement);
    const [row] = await postgres().run(
      trailingRevenueRetentionSql({ dialect: 'postgres', source: TABLE, asOf: '2024-06-30' }),
    );
    // Cohort of 2023-06-30: a 100 + b 100 = 200 (c starts in December). On 2024-06-30: a 150, b 0.
    // net = 150 / 200 = 0.75; gross = (min(150, 100) + 0) / 200 = 0.5; NUMERIC(38, 12) rate columns.
    expect([row!.net_revenue_retention, row!.gross_revenue_retention]).toEqual([
      '0.750000000000',
      '0.500000000000',
    ]);
    const { net, gross } = trailingRevenueRetentionFromSqlRow(row!);
    expect(plainRetention(net)).toEqual(['0.75', '2023-06-30', '2024-06-30', '200', '150', 2, 1]);
    expect(plainRetention(gross)).toEqual(['0.5', '2023-06-30', '2024-06-30', '200', '100', 2, 1]);
  });

  it('equals trailingNetRevenueRetention and trailingGrossRevenueRetention exactly, for any data, asOf and months', async () => {
    await assertTrailingRetentionEqual('postgres', (sql) => postgres().run(sql), 100);
  }, 30_000);

  it('equals them with the currency option exactly, for rows in several currencies and any rates', async () => {
    await assertTrailingRetentionCurrencyEqual('postgres', (sql) => postgres().run(sql), 50);
  }, 60_000);
});
