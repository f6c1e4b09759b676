import { describe, expect, it } from 'vitest';
import { mrrMovements } from '../../src/index.js';
import { mrrMovementsSql, periodMovementsFromSqlRows } from '../../src/sql/index.js';
import {
  assertCurrencyMovementsEqual,
  currencyLoadStatements,
  currencySqlOptions,
} from '../sql/currencyEquality.js';
import {
  assertMovementsEqual,
  assertRatesEqual,
  loadStatements,
  plainRows,
  TABLE,
} from '../sql/engineEquality.js';
import { assertSegmentMovementsEqual } from '../sql/segmentEquality.js';
import { skipPostgres, usePostgres } from './postgresServer.js';

const postgres = usePostgres();

describe.skipIf(skipPostgres)('mrrMovementsSql in PostgreSQL', () => {
  it('reports the documented worked example', async () => {
    const periods = [
      { customerId: 'a', start: '2024-01-01', end: '2024-03-15', mrr: 100 },
      { customerId: 'a', start: '2024-05-10', end: null, mrr: 80 },
      { customerId: 'b', start: '2024-01-15', end: '2024-02-20', mrr: 200 },
      { customerId: 'b', start: '2024-02-20', end: null, mrr: 120 },
    ];
    for (const statement of loadStatements(periods)) await postgres().run(statement);
    const rows = periodMovementsFromSqlRows(
      await postgres().run(mrrMovementsSql({ dialect: 'postgres', source: TABLE })),
    );
    // Jan new 300; Feb contraction 80 (b 200 → 120) → 220; Mar churn 100 (a) → 120; Apr unchanged; May a
    // reactivates with 80 → 200.
    expect(rows.map((row) => [row.start, String(row.endingMrr), row.endingCustomers])).toEqual([
      ['2024-01-01', '300', 2],
      ['2024-02-01', '220', 2],
      ['2024-03-01', '120', 1],
      ['2024-04-01', '120', 1],
      ['2024-05-01', '200', 2],
    ]);
    expect(plainRows(rows)).toEqual(plainRows(mrrMovements(periods).periods));
  });

  it('stops with a missing_exchange_rate message naming the currency and day', async () => {
    const periods = [{ customerId: 'b', start: '2024-02-01', end: null, mrr: 50, currency: 'GBP' }];
    const rates = [{ currency: 'GBP', date: '2024-02-10', rate: '1.25' }];
    for (const statement of currencyLoadStatements(periods, rates)) await postgres().run(statement);
    await expect(
      postgres().run(mrrMovementsSql(currencySqlOptions('postgres', 'periodStart'))),
    ).rejects.toThrow('missing_exchange_rate: no GBP rate in effect on 2024-02-01');
    // Under snapshot rates the first day needed is Feb 29, which has one.
    const rows = periodMovementsFromSqlRows(
      await postgres().run(mrrMovementsSql(currencySqlOptions('postgres', 'snapshot'))),
    );
    expect(rows.map((row) => row.newMrr.toString())).toEqual(['62.5']);
  });

  it.each(['periodStart', 'snapshot'] as const)(
    'equals mrrMovements with currencies under rateDate %s, fx impact included, for any rows and rates',
    async (rateDate) => {
      await assertCurrencyMovementsEqual('postgres', (sql) => postgres().run(sql), rateDate, 25);
    },
    120_000,
  );

  it.each([undefined, 'periodStart', 'snapshot'] as const)(
    'segmentMrrMovementsSql equals segmentMrrMovements (currencies: %s), migrating customers and paidToFree included',
    async (rateDate) => {
      // The snapshot query is costed high enough that PostgreSQL JIT-compiles it, seconds per tiny query here;
      // JIT changes speed, never results.
      await postgres().run('SET jit = off');
      await assertSegmentMovementsEqual('postgres', (sql) => postgres().run(sql), rateDate, 15);
    },
    180_000,
  );

  it('equals mrrMovements to the cent for any subscriptions, granularity, range and paidToFree', async () => {
    await assertMovementsEqual('postgres', (sql) => postgres().run(sql), 120);
  }, 60_000);

  it('gives every rate of revenueRatesSql equal to the TypeScript rate, null where it is null', async () => {
    await assertRatesEqual('postgres', (sql) => postgres().run(sql), 50);
  }, 60_000);
});
