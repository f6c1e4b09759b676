import { describe, expect, it } from 'vitest';
import { mrrMovementsDuckDb } from '../../src/duckdb/index.js';
import { MetricInputError, mrrMovements } from '../../src/index.js';
import {
  assertMovementsEqual,
  assertRatesEqual,
  loadStatements,
  plainRows,
  TABLE,
} from '../sql/engineEquality.js';
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

describe('mrrMovementsDuckDb: properties', () => {
  it('equals mrrMovements to the cent for any subscriptions, granularity, range and paidToFree', async () => {
    await assertMovementsEqual('duckdb', run, 150);
  }, 60_000);

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
