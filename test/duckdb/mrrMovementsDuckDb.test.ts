import { describe, expect, it } from 'vitest';
import { mrrMovementsDuckDb, segmentMrrMovementsDuckDb } from '../../src/duckdb/index.js';
import {
  MetricInputError,
  mrrMovements,
  type PeriodMovements,
  segmentMrrMovements,
} from '../../src/index.js';
import {
  assertCurrencyMovementsEqual,
  CURRENCY_TABLE,
  currencyLoadStatements,
  currencySqlOptions,
  plainRowsWithFx,
} from '../sql/currencyEquality.js';
import {
  assertMovementsEqual,
  assertRatesEqual,
  loadStatements,
  plainRows,
  TABLE,
} from '../sql/engineEquality.js';
import { assertSegmentMovementsEqual, plainSegments } from '../sql/segmentEquality.js';
import { BAD_SOURCES_AND_OPTIONS, useDuckDb } from './duckDbFixture.js';

// The worked example of docs/revenue-movements.md.
const EXAMPLE = [
  { customerId: 'a', start: '2024-01-01', end: '2024-03-15', mrr: 100 },
  { customerId: 'a', start: '2024-05-10', end: null, mrr: 80 },
  { customerId: 'b', start: '2024-01-15', end: '2024-02-20', mrr: 200 },
  { customerId: 'b', start: '2024-02-20', end: null, mrr: 120 },
];
const CSV = `customer_id,start_date,end_date,mrr
a,2024-01-01,2024-03-15,100
a,2024-05-10,,80
b,2024-01-15,2024-02-20,200
b,2024-02-20,,120
`;

const duckdb = useDuckDb(CSV, (csvPath) => `SELECT * FROM read_csv('${csvPath}')`);
const { run } = duckdb;

describe('mrrMovementsDuckDb: worked example', () => {
  it('reports the documented monthly table from a CSV file', async () => {
    const rows = await mrrMovementsDuckDb({ csv: duckdb.file('periods.csv') });
    // Jan: a 100 + b 200 new = 300; Feb: b 200 → 120, contraction 80, 300 − 80 = 220; Mar: a churns 100 → 120;
    // Apr: no change; May: a returns with 80 (reactivation, it paid in Jan and Feb) → 200.
    expect(
      rows.map((row) =>
        [row.start, row.newMrr, row.contractionMrr, row.churnedMrr, row.reactivationMrr, row.endingMrr].map(
          String,
        ),
      ),
    ).toEqual([
      ['2024-01-01', '300', '0', '0', '0', '300'],
      ['2024-02-01', '0', '80', '0', '0', '220'],
      ['2024-03-01', '0', '0', '100', '0', '120'],
      ['2024-04-01', '0', '0', '0', '0', '120'],
      ['2024-05-01', '0', '0', '0', '80', '200'],
    ]);
    expect(rows.map((row) => row.endingCustomers)).toEqual([2, 2, 1, 1, 2]);
  });

  it('reads a Parquet file, in its own database with a memory limit, with the same result', async () => {
    const rows = await mrrMovementsDuckDb(
      { parquet: duckdb.file('periods.parquet') },
      { memoryLimit: '256MB', granularity: 'week' },
    );
    expect(plainRows(rows)).toEqual(plainRows(mrrMovements(EXAMPLE, { granularity: 'week' }).periods));
  });

  it('reads a table of a connection it is given', async () => {
    for (const statement of loadStatements(EXAMPLE)) await duckdb.connection().run(statement);
    const rows = await mrrMovementsDuckDb(
      { table: TABLE },
      { connection: duckdb.connection(), from: '2024-03-01', to: '2024-06-30' },
    );
    expect(plainRows(rows)).toEqual(
      plainRows(mrrMovements(EXAMPLE, { from: '2024-03-01', to: '2024-06-30' }).periods),
    );
  });
});

describe('mrrMovementsDuckDb: paid before, judged at period ends only', () => {
  it('counts a return as reactivation only after a paying snapshot, whatever rows start and end between them', async () => {
    const periods = [
      // c: pays 50 from Jan 5 to Jan 20 only, never on a month end; its March start is new, not a reactivation.
      { customerId: 'c', start: '2024-01-05', end: '2024-01-20', mrr: 50 },
      { customerId: 'c', start: '2024-03-01', end: null, mrr: 80 },
      // d: pays 100 from Jan 10, switches to another 100 row on Mar 5 (no change at the March snapshot), stops
      // Apr 10, returns Jun 1: a reactivation of 70, as d paid at the Jan, Feb and Mar snapshots.
      { customerId: 'd', start: '2024-01-10', end: '2024-03-05', mrr: 100 },
      { customerId: 'd', start: '2024-03-05', end: '2024-04-10', mrr: 100 },
      { customerId: 'd', start: '2024-06-01', end: null, mrr: 70 },
    ];
    for (const statement of loadStatements(periods)) await duckdb.connection().run(statement);
    const rows = await mrrMovementsDuckDb({ table: TABLE }, { connection: duckdb.connection() });
    // Jan: d new 100. Mar: c new 80. Apr: d churns 100. Jun: d reactivates 70.
    expect(
      rows.map((row) => [row.start, row.newMrr, row.churnedMrr, row.reactivationMrr].map(String)),
    ).toEqual([
      ['2024-01-01', '100', '0', '0'],
      ['2024-02-01', '0', '0', '0'],
      ['2024-03-01', '80', '0', '0'],
      ['2024-04-01', '0', '100', '0'],
      ['2024-05-01', '0', '0', '0'],
      ['2024-06-01', '0', '0', '70'],
    ]);
    expect(plainRows(rows)).toEqual(plainRows(mrrMovements(periods).periods));
  });
});

describe('mrrMovementsDuckDb: currencies, worked examples', () => {
  const periods = [
    { customerId: 'a', start: '2024-01-10', end: null, mrr: 100, currency: 'EUR' },
    { customerId: 'b', start: '2024-01-15', end: '2024-03-05', mrr: 200 },
    { customerId: 'b', start: '2024-02-01', end: null, mrr: 50, currency: 'GBP' },
  ];
  const rates = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-02-15', rate: '1.2' },
    { currency: 'EUR', date: '2024-03-31', rate: '1.0' },
    { currency: 'GBP', date: '2024-01-01', rate: '1.25' },
  ];
  const options = (rateDate: 'periodStart' | 'snapshot') => {
    const { dialect: _dialect, source: _source, ...rest } = currencySqlOptions('duckdb', rateDate);
    return { ...rest, connection: duckdb.connection(), to: '2024-04-30' };
  };
  const table = (rows: readonly PeriodMovements[]) =>
    rows.map((row) =>
      [row.start, row.expansionMrr, row.contractionMrr, row.fxImpactMrr, row.endingMrr].map(String),
    );

  it('converts each row at its start under periodStart, and revalues at each snapshot under snapshot', async () => {
    for (const statement of currencyLoadStatements(periods, rates)) await duckdb.connection().run(statement);
    const atStart = await mrrMovementsDuckDb({ table: CURRENCY_TABLE }, options('periodStart'));
    // Jan: a 100 EUR × 1.1 = 110 + b 200 = 310 new. Feb: b's 50 GBP × 1.25 = 62.5 expansion → 372.5. Mar: b's
    // 200 ends, contraction → 172.5. The rates of Feb 15 and Mar 31 never move it.
    expect(table(atStart)).toEqual([
      ['2024-01-01', '0', '0', '0', '310'],
      ['2024-02-01', '62.5', '0', '0', '372.5'],
      ['2024-03-01', '0', '200', '0', '172.5'],
      ['2024-04-01', '0', '0', '0', '172.5'],
    ]);
    const atSnapshot = await mrrMovementsDuckDb({ table: CURRENCY_TABLE }, options('snapshot'));
    // Feb 29: a's 100 EUR at 1.2 instead of 1.1: fx +10, then +62.5 → 382.5. Mar 31: EUR at 1.0, fx 100 × (1.0 −
    // 1.2) = −20, contraction 200 → 162.5.
    expect(table(atSnapshot)).toEqual([
      ['2024-01-01', '0', '0', '0', '310'],
      ['2024-02-01', '62.5', '0', '10', '382.5'],
      ['2024-03-01', '0', '200', '-20', '162.5'],
      ['2024-04-01', '0', '0', '0', '162.5'],
    ]);
    for (const rateDate of ['periodStart', 'snapshot'] as const) {
      const expected = mrrMovements(periods, {
        to: '2024-04-30',
        currency: { reporting: 'USD', rates, rateDate },
      });
      expect(plainRowsWithFx(rateDate === 'snapshot' ? atSnapshot : atStart)).toEqual(
        plainRowsWithFx(expected.periods),
      );
    }
  });

  it('stops with missing_exchange_rate where a needed rate is missing, only under the convention that needs it', async () => {
    // GBP's first rate is Feb 10: b's GBP row starts Feb 1 (needed under periodStart), while under snapshot the
    // first GBP day needed is Feb 29.
    const late = rates.map((entry) => (entry.currency === 'GBP' ? { ...entry, date: '2024-02-10' } : entry));
    for (const statement of currencyLoadStatements(periods, late)) await duckdb.connection().run(statement);
    await expect(mrrMovementsDuckDb({ table: CURRENCY_TABLE }, options('periodStart'))).rejects.toThrow(
      expect.objectContaining({
        code: 'missing_exchange_rate',
        path: ['options', 'currency', 'rates'],
        message: 'options.currency.rates: no GBP rate in effect on 2024-02-01',
      }),
    );
    expect(() => mrrMovements(periods, { currency: { reporting: 'USD', rates: late } })).toThrow(
      expect.objectContaining({ code: 'missing_exchange_rate' }),
    );
    const atSnapshot = await mrrMovementsDuckDb({ table: CURRENCY_TABLE }, options('snapshot'));
    expect(atSnapshot[1]!.expansionMrr.toString()).toBe('62.5');
  });

  it.each([
    ['a rate of 0', { currency: 'EUR', date: '2024-03-01', rate: '0' }],
    ['a second rate on one day', { currency: 'EUR', date: '2024-01-01', rate: '1.3' }],
    ['a rate for the reporting currency', { currency: 'USD', date: '2024-01-01', rate: '1' }],
  ])('stops with invalid_exchange_rate on %s', async (_name, bad) => {
    for (const statement of currencyLoadStatements(periods, [...rates, bad]))
      await duckdb.connection().run(statement);
    await expect(mrrMovementsDuckDb({ table: CURRENCY_TABLE }, options('snapshot'))).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_value', path: ['options', 'currency', 'rates'] }),
    );
  });
});

describe('segmentMrrMovementsDuckDb: worked example', () => {
  it('books a plan change as a transfer out of one segment and into the other, the total as expansion', async () => {
    const periods = [
      { customerId: 'a', start: '2024-01-01', end: '2024-02-01', mrr: 100, segment: 'Starter' },
      { customerId: 'a', start: '2024-02-01', end: null, mrr: 250, segment: 'Growth' },
    ];
    await duckdb.connection().run('DROP TABLE IF EXISTS plans_under_test');
    await duckdb
      .connection()
      .run(
        `CREATE TABLE plans_under_test AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', DATE '2024-02-01', 100.00, 'Starter'), ('a', DATE '2024-02-01', NULL, 250.00, 'Growth')) AS t(customer_id, start_date, end_date, mrr, plan)`,
      );
    const result = await segmentMrrMovementsDuckDb(
      { table: 'plans_under_test' },
      { connection: duckdb.connection(), columns: { segment: 'plan' } },
    );
    // Feb: Starter 100 → 0 (transfer out 100), Growth 0 → 250 (transfer in 250); the total grows 100 → 250.
    expect(
      result.segments.map(({ segment, periods }) => [
        segment,
        periods[1]!.transferOutMrr.toString(),
        periods[1]!.transferInMrr.toString(),
      ]),
    ).toEqual([
      ['Growth', '0', '250'],
      ['Starter', '100', '0'],
    ]);
    expect(result.total[1]!.expansionMrr.toString()).toBe('150');
    expect(plainSegments(result)).toEqual(plainSegments(segmentMrrMovements(periods)));
  });

  it('stops on a row without a segment, naming its customer', async () => {
    await duckdb
      .connection()
      .run(
        `CREATE OR REPLACE TABLE plans_under_test AS SELECT 'z' AS customer_id, DATE '2024-01-01' AS start_date, NULL::DATE AS end_date, 10.00 AS mrr, NULL::VARCHAR AS segment`,
      );
    await expect(
      segmentMrrMovementsDuckDb({ table: 'plans_under_test' }, { connection: duckdb.connection() }),
    ).rejects.toThrow('missing_segment: a row of customer z has no segment');
  });
});

describe('mrrMovementsDuckDb: properties', () => {
  it('equals mrrMovements to the cent for any subscriptions, granularity, range and paidToFree', async () => {
    await assertMovementsEqual('duckdb', run, 150);
  }, 60_000);

  it.each(['periodStart', 'snapshot'] as const)(
    'equals mrrMovements with currencies under rateDate %s, fx impact included, for any rows and rates',
    async (rateDate) => {
      await assertCurrencyMovementsEqual('duckdb', run, rateDate, 60);
    },
    60_000,
  );

  it.each([undefined, 'periodStart', 'snapshot'] as const)(
    'segmentMrrMovementsSql equals segmentMrrMovements (currencies: %s), migrating customers and paidToFree included',
    async (rateDate) => {
      await assertSegmentMovementsEqual('duckdb', run, rateDate, 40);
    },
    120_000,
  );

  it('gives every rate of revenueRatesSql equal to the TypeScript rate, null where it is null', async () => {
    await assertRatesEqual('duckdb', run, 60);
  }, 60_000);
});

describe('mrrMovementsDuckDb: bad input', () => {
  it.each([...BAD_SOURCES_AND_OPTIONS])('rejects %j with %j', async (source, options, code, path) => {
    const error = await mrrMovementsDuckDb(source as never, options as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code, path });
  });
});
