import { describe, expect, it } from 'vitest';
import { cohortRetentionDuckDb } from '../../src/duckdb/index.js';
import { cohortRetention, MetricInputError } from '../../src/index.js';
import { cohortRetentionSql } from '../../src/sql/index.js';
import {
  assertCohortRetentionCurrencyEqual,
  assertCohortRetentionEqual,
  plainCohorts,
} from '../sql/cohortRetentionEquality.js';
import { CURRENCY_TABLE, currencyLoadStatements, RATES_TABLE } from '../sql/currencyEquality.js';
import { loadStatements, TABLE } from '../sql/engineEquality.js';
import { BAD_SOURCES_AND_OPTIONS, useDuckDb } from './duckDbFixture.js';

// The example of cohortRetention's doc comment.
const EXAMPLE = [
  { customerId: 'a', start: '2024-01-10', end: '2024-03-15', mrr: 100 },
  { customerId: 'b', start: '2024-01-20', end: null, mrr: 50 },
  { customerId: 'b', start: '2024-02-01', end: null, mrr: 50 },
];
const CSV = `account,valid_from,valid_to,amount
a,2024-01-10,2024-03-15,100
b,2024-01-20,,50
b,2024-02-01,,50
`;
const RENAMED = { customerId: 'account', start: 'valid_from', end: 'valid_to', mrr: 'amount' };

const duckdb = useDuckDb(
  CSV,
  (csvPath) =>
    `SELECT account AS customer_id, valid_from AS start_date, valid_to AS end_date, amount AS mrr FROM read_csv('${csvPath}')`,
);
const { run } = duckdb;

describe('cohortRetentionDuckDb: worked example', () => {
  it('gives the documented revenue retention 1, 4/3, 2/3 from a CSV file', async () => {
    // January 31: a 100 + b 50 = 150 (one cohort of 2). February 29: a 100 + b 100 = 200 -> 200 / 150 = 4/3.
    // March 31: a ended on March 15, b 100 -> 100 / 150 = 2/3, 1 customer.
    const result = await cohortRetentionDuckDb(
      { csv: duckdb.file('periods.csv') },
      { basis: 'revenue', columns: RENAMED },
    );
    expect(plainCohorts(result)).toEqual([
      'revenue',
      'month',
      [
        '2024-01-01',
        2,
        '150',
        [
          [0, '2024-01-01', 2, '150', '1'],
          [1, '2024-02-01', 2, '200', '1.333333333333333333333333333333333333333'],
          [2, '2024-03-01', 1, '100', '0.6666666666666666666666666666666666666667'],
        ],
      ],
      [
        '2024-02-01',
        0,
        '0',
        [
          [0, '2024-02-01', 0, '0', null],
          [1, '2024-03-01', 0, '0', null],
        ],
      ],
      ['2024-03-01', 0, '0', [[0, '2024-03-01', 0, '0', null]]],
    ]);
  });

  it('reads a Parquet file in its own database with a memory limit, with the TypeScript result', async () => {
    const options = { granularity: 'week', from: '2024-01-01', to: '2024-04-01' } as const;
    const result = await cohortRetentionDuckDb(
      { parquet: duckdb.file('periods.parquet') },
      { ...options, memoryLimit: '256MB' },
    );
    expect(plainCohorts(result)).toEqual(plainCohorts(cohortRetention(EXAMPLE, options)));
    expect(result.cohorts).toHaveLength(14);
  });

  it('reads a table of a connection it is given, and gives the truncated retention column', async () => {
    for (const statement of loadStatements(EXAMPLE)) await duckdb.connection().run(statement);
    const result = await cohortRetentionDuckDb({ table: TABLE }, { connection: duckdb.connection() });
    expect(plainCohorts(result)).toEqual(plainCohorts(cohortRetention(EXAMPLE)));
    const rows = await run(cohortRetentionSql({ dialect: 'duckdb', source: TABLE, basis: 'revenue' }));
    // 200 / 150 and 100 / 150 truncated toward zero to 12 places; NULL for the empty cohorts.
    expect(rows.map((row) => row.retention)).toEqual([
      '1.000000000000',
      '1.333333333333',
      '0.666666666666',
      null,
      null,
      null,
    ]);
  });

  it('gives no cohorts for an empty source without a range', async () => {
    for (const statement of loadStatements([])) await duckdb.connection().run(statement);
    const result = await cohortRetentionDuckDb({ table: TABLE }, { connection: duckdb.connection() });
    expect(result).toEqual({ basis: 'customers', granularity: 'month', cohorts: [] });
  });
});

describe('cohortRetentionDuckDb: currencies', () => {
  // EUR is 1.1 USD from 2024-01-01 and 1.2 from 2024-02-15; each row is converted at the rate of its start.
  const PERIODS = [
    { customerId: 'a', start: '2024-01-10', end: '2024-03-15', mrr: 100, currency: 'EUR' },
    { customerId: 'b', start: '2024-01-20', end: null, mrr: 50 },
    { customerId: 'b', start: '2024-02-20', end: null, mrr: 50, currency: 'EUR' },
  ];
  const RATES = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-02-15', rate: '1.2' },
  ];
  const currency = {
    reporting: 'USD',
    rates: RATES_TABLE,
    rateColumns: { currency: 'code', date: 'valid_from' },
  } as const;

  it('converts each row at the rate of its start: revenue retention 1, 1.375, 0.6875', async () => {
    for (const statement of currencyLoadStatements(PERIODS, RATES)) await duckdb.connection().run(statement);
    const result = await cohortRetentionDuckDb(
      { table: CURRENCY_TABLE },
      {
        connection: duckdb.connection(),
        basis: 'revenue',
        columns: { currency: 'billing_currency' },
        currency,
      },
    );
    // January 31: a 100 EUR x 1.1 = 110 + b 50 USD = 160. February 29: 110 + b 50 + 50 EUR x 1.2 (its start,
    // February 20) = 220 -> 220 / 160 = 1.375. March 31: a ended March 15, b 110 -> 110 / 160 = 0.6875.
    expect(result.cohorts[0]!.cells.map((cell) => [cell.mrr.toString(), cell.retention?.toString()])).toEqual(
      [
        ['160', '1'],
        ['220', '1.375'],
        ['110', '0.6875'],
      ],
    );
    expect(plainCohorts(result)).toEqual(
      plainCohorts(
        cohortRetention(PERIODS, { basis: 'revenue', currency: { reporting: 'USD', rates: RATES } }),
      ),
    );
  });

  it('stops with missing_exchange_rate for a foreign row with no rate in effect on its start', async () => {
    for (const statement of currencyLoadStatements(PERIODS, RATES.slice(1))) {
      await duckdb.connection().run(statement);
    }
    const error = await cohortRetentionDuckDb(
      { table: CURRENCY_TABLE },
      { connection: duckdb.connection(), columns: { currency: 'billing_currency' }, currency },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'missing_exchange_rate', path: ['options', 'currency', 'rates'] });
    expect((error as Error).message).toContain('no EUR rate in effect on 2024-01-10');
  });

  it("refuses rateDate 'snapshot' with cohortRetention's own error", async () => {
    const error = await cohortRetentionDuckDb(
      { csv: 'a.csv' },
      { currency: { ...currency, rateDate: 'snapshot' } },
    ).catch((caught: unknown) => caught);
    const expected = (() => {
      try {
        cohortRetention(PERIODS, { currency: { reporting: 'USD', rates: RATES, rateDate: 'snapshot' } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(expected).toBeInstanceOf(MetricInputError);
    expect(error).toBeInstanceOf(MetricInputError);
    const fields = (value: unknown) => {
      const { code, path, expected: wanted, received, message } = value as MetricInputError;
      return { code, path, expected: wanted, received, message };
    };
    expect(fields(error)).toEqual(fields(expected));
    expect(fields(error).code).toBe('invalid_option');
  });

  it('reads the currency column only with the currency option', async () => {
    const error = await cohortRetentionDuckDb(
      { csv: 'a.csv' },
      { columns: { currency: 'billing_currency' } },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unknown_field', path: ['options', 'columns', 'currency'] });
  });
});

describe('cohortRetentionDuckDb: refusals of the TypeScript twin', () => {
  it('refuses rows in several currencies without a currency option (mixed_currencies)', async () => {
    const mixed = [
      { customerId: 'a', start: '2024-01-01', end: null, mrr: 100, currency: 'USD' },
      { customerId: 'b', start: '2024-02-01', end: null, mrr: 100, currency: 'eur' },
    ];
    expect(() =>
      cohortRetention(mixed.map((row) => ({ ...row, currency: row.currency.toUpperCase() }))),
    ).toThrow(expect.objectContaining({ code: 'mixed_currencies' }));
    await duckdb
      .connection()
      .run(
        "CREATE OR REPLACE TABLE mixed_periods AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', CAST(NULL AS DATE), 100, 'USD'), ('b', DATE '2024-02-01', CAST(NULL AS DATE), 100, 'eur')) AS t(customer_id, start_date, end_date, mrr, currency)",
      );
    const error = await cohortRetentionDuckDb(
      { table: 'mixed_periods' },
      { connection: duckdb.connection() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'mixed_currencies', path: ['source'], received: 'EUR and USD' });
  });

  it('refuses a foreign row without a rate that starts after to, as cohortRetention does', async () => {
    const periods = [
      { customerId: 'a', start: '2024-01-01', end: null, mrr: 100, currency: 'EUR' },
      { customerId: 'late', start: '2025-01-01', end: null, mrr: 10, currency: 'GBP' },
    ];
    const rates = [{ currency: 'EUR', date: '2023-01-01', rate: '1.1' }];
    expect(() =>
      cohortRetention(periods, { to: '2024-06-30', currency: { reporting: 'USD', rates } }),
    ).toThrow(expect.objectContaining({ code: 'missing_exchange_rate' }));
    for (const statement of currencyLoadStatements(periods, rates)) await duckdb.connection().run(statement);
    const error = await cohortRetentionDuckDb(
      { table: CURRENCY_TABLE },
      {
        connection: duckdb.connection(),
        to: '2024-06-30',
        columns: { currency: 'billing_currency' },
        currency: {
          reporting: 'USD',
          rates: RATES_TABLE,
          rateColumns: { currency: 'code', date: 'valid_from' },
        },
      },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'missing_exchange_rate', path: ['options', 'currency', 'rates'] });
    expect((error as MetricInputError).message).toContain('no GBP rate in effect on 2025-01-01');
  });
});

describe('cohortRetentionDuckDb: properties', () => {
  it('equals cohortRetention exactly, for any data, granularity, basis and range, rows on period edges included', async () => {
    await assertCohortRetentionEqual('duckdb', run, 150);
  }, 60_000);

  it('equals cohortRetention with the currency option exactly, for rows in several currencies and any rates', async () => {
    await assertCohortRetentionCurrencyEqual('duckdb', run, 80);
  }, 60_000);
});

describe('cohortRetentionDuckDb: bad input', () => {
  it.each([
    ...BAD_SOURCES_AND_OPTIONS,
    [{ csv: 'a.csv' }, { from: "2024-01-01' OR 1=1 --" }, 'invalid_date', ['options', 'from']],
    [{ csv: 'a.csv' }, { from: '2024-02-01', to: '2024-01-01' }, 'end_before_start', ['options', 'to']],
    [{ csv: 'a.csv' }, { basis: 'logos' }, 'invalid_option', ['options', 'basis']],
    [{ csv: 'a.csv' }, { timeZone: 'Asia/Tokyo' }, 'unknown_field', ['options', 'timeZone']],
  ])('rejects %j with %j', async (source, options, code, path) => {
    const error = await cohortRetentionDuckDb(source as never, options as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code, path });
  });

  it('rejects options that are not an object', async () => {
    const error = await cohortRetentionDuckDb({ csv: 'a.csv' }, null as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'invalid_type', path: ['options'] });
  });
});
