import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Decimal } from '../../src/core/internal/decimal.js';
import { Decimal as LibraryDecimal } from '../../src/core/internal/decimal.js';
import { trailingRevenueRetentionDuckDb } from '../../src/duckdb/index.js';
import {
  MetricInputError,
  trailingGrossRevenueRetention,
  trailingNetRevenueRetention,
} from '../../src/index.js';
import { CURRENCY_TABLE, currencyLoadStatements, RATES_TABLE } from '../sql/currencyEquality.js';
import { loadStatements, TABLE } from '../sql/engineEquality.js';
import {
  assertTrailingRetentionCurrencyEqual,
  assertTrailingRetentionEqual,
  plainRetention,
} from '../sql/trailingRetentionEquality.js';
import { BAD_SOURCES_AND_OPTIONS, useDuckDb } from './duckDbFixture.js';

// The example of trailingNetRevenueRetention's doc comment.
const EXAMPLE = [
  { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
  { customerId: 'a', start: '2024-02-01', end: null, mrr: 150 },
  { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
  { customerId: 'c', start: '2023-12-01', end: null, mrr: 500 },
];
const CSV = `account,valid_from,valid_to,amount
a,2023-01-01,2024-02-01,100
a,2024-02-01,,150
b,2023-01-01,2023-09-01,100
c,2023-12-01,,500
`;
const RENAMED = { customerId: 'account', start: 'valid_from', end: 'valid_to', mrr: 'amount' };

const duckdb = useDuckDb(
  CSV,
  (csvPath) =>
    `SELECT account AS customer_id, valid_from AS start_date, valid_to AS end_date, amount AS mrr FROM read_csv('${csvPath}')`,
);
const { run } = duckdb;

describe('trailingRevenueRetentionDuckDb: worked example', () => {
  it('gives net 0.75 and gross 0.5 for the documented example, from a CSV file', async () => {
    // Start day 2024-06-30 − 12 months = 2023-06-30: a pays 100, b pays 100 (c starts in December: not in the
    // cohort), so starting MRR = 200 over 2 customers. On 2024-06-30 a pays 150 and b nothing: net = 150 / 200 =
    // 0.75; gross = (min(150, 100) + min(0, 100)) / 200 = 100 / 200 = 0.5; 1 customer retained.
    const { net, gross } = await trailingRevenueRetentionDuckDb(
      { csv: duckdb.file('periods.csv') },
      { asOf: '2024-06-30', columns: RENAMED },
    );
    expect(plainRetention(net)).toEqual(['0.75', '2023-06-30', '2024-06-30', '200', '150', 2, 1]);
    expect(plainRetention(gross)).toEqual(['0.5', '2023-06-30', '2024-06-30', '200', '100', 2, 1]);
  });

  it('reads a Parquet file in its own database with a memory limit, with the TypeScript result', async () => {
    // months 6: start 2023-12-31, when a (100) and c (500) pay: net = (150 + 500) / 600, gross = (100 + 500) / 600.
    const options = { asOf: '2024-06-30', months: 6 };
    const { net, gross } = await trailingRevenueRetentionDuckDb(
      { parquet: duckdb.file('periods.parquet') },
      { ...options, memoryLimit: '256MB' },
    );
    expect(plainRetention(net)).toEqual(plainRetention(trailingNetRevenueRetention(EXAMPLE, options)));
    expect(plainRetention(gross)).toEqual(plainRetention(trailingGrossRevenueRetention(EXAMPLE, options)));
    expect(gross.value?.toString()).toBe('1');
  });

  it('reads a table of a connection it is given; nobody paying on the start day gives null', async () => {
    for (const statement of loadStatements(EXAMPLE)) await duckdb.connection().run(statement);
    const { net, gross } = await trailingRevenueRetentionDuckDb(
      { table: TABLE },
      { connection: duckdb.connection(), asOf: '2023-06-30' },
    );
    expect([net.value, gross.value, net.startingMrr.toString(), net.startingCustomers]).toEqual([
      null,
      null,
      '0',
      0,
    ]);
    expectTypeOf(net.value).toEqualTypeOf<Decimal | null>();
  });
});

describe('trailingRevenueRetentionDuckDb: currencies', () => {
  // EUR is 1.1 USD from 2023-01-01 and 1.2 from 2024-01-01; each row is converted at the rate of its start.
  const PERIODS = [
    { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100, currency: 'EUR' },
    { customerId: 'a', start: '2024-02-01', end: null, mrr: 150, currency: 'EUR' },
    { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100, currency: 'USD' },
  ];
  const RATES = [
    { currency: 'EUR', date: '2023-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-01-01', rate: '1.2' },
  ];
  const currency = {
    reporting: 'USD',
    rates: RATES_TABLE,
    rateColumns: { currency: 'code', date: 'valid_from' },
  } as const;

  it('converts each row at the rate of its start: net 6/7 and gross 11/21', async () => {
    for (const statement of currencyLoadStatements(PERIODS, RATES)) await duckdb.connection().run(statement);
    const { net, gross } = await trailingRevenueRetentionDuckDb(
      { table: CURRENCY_TABLE },
      {
        connection: duckdb.connection(),
        asOf: '2024-06-30',
        columns: { currency: 'billing_currency' },
        currency,
      },
    );
    // 2023-06-30: a 100 EUR x 1.1 = 110 + b 100 = 210. 2024-06-30: a 150 EUR x 1.2 (its start, 2024-02-01) =
    // 180, b gone. net = 180 / 210 = 6/7; gross = (min(180, 110) + 0) / 210 = 11/21.
    expect(net.value?.toString()).toBe(new LibraryDecimal(6).div(7).toString());
    expect(gross.value?.toString()).toBe(new LibraryDecimal(11).div(21).toString());
    const converting = { asOf: '2024-06-30', currency: { reporting: 'USD', rates: RATES } };
    expect(plainRetention(net)).toEqual(plainRetention(trailingNetRevenueRetention(PERIODS, converting)));
    expect(plainRetention(gross)).toEqual(plainRetention(trailingGrossRevenueRetention(PERIODS, converting)));
  });

  it('refuses a foreign row without a rate, as trailingNetRevenueRetention does, even one that ended before the window', async () => {
    // The 2020 EUR row has no rate on its start (EUR rates begin in 2023). It ended long before the start day
    // 2023-06-30, so the query never needs its MRR, but the TypeScript twin converts every row and refuses it.
    const periods = [
      ...PERIODS,
      { customerId: 'old', start: '2020-01-01', end: '2020-06-01', mrr: 50, currency: 'EUR' },
    ];
    const converting = { asOf: '2024-06-30', currency: { reporting: 'USD', rates: RATES } };
    expect(() => trailingNetRevenueRetention(periods, converting)).toThrow(
      expect.objectContaining({ code: 'missing_exchange_rate' }),
    );
    for (const statement of currencyLoadStatements(periods, RATES)) await duckdb.connection().run(statement);
    const error = await trailingRevenueRetentionDuckDb(
      { table: CURRENCY_TABLE },
      {
        connection: duckdb.connection(),
        asOf: '2024-06-30',
        columns: { currency: 'billing_currency' },
        currency,
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'missing_exchange_rate', path: ['options', 'currency', 'rates'] });
    expect((error as MetricInputError).message).toContain('no EUR rate in effect on 2020-01-01');
  });

  it('refuses rows in several currencies without a currency option (mixed_currencies), as the TypeScript twin does', async () => {
    const mixed = PERIODS.map(({ currency: code, ...row }) => ({ ...row, currency: code }));
    expect(() => trailingNetRevenueRetention(mixed, { asOf: '2024-06-30' })).toThrow(
      expect.objectContaining({ code: 'mixed_currencies' }),
    );
    await duckdb
      .connection()
      .run(
        `CREATE OR REPLACE TABLE mixed_periods AS SELECT customer_id, start_date, end_date, mrr, billing_currency AS currency FROM ${CURRENCY_TABLE}`,
      );
    const error = await trailingRevenueRetentionDuckDb(
      { table: 'mixed_periods' },
      { connection: duckdb.connection(), asOf: '2024-06-30' },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'mixed_currencies', path: ['source'], received: 'EUR and USD' });
  });

  it("refuses rateDate 'snapshot' with trailingNetRevenueRetention's own error", async () => {
    const error = await trailingRevenueRetentionDuckDb(
      { csv: 'a.csv' },
      { asOf: '2024-06-30', currency: { ...currency, rateDate: 'snapshot' } },
    ).catch((caught: unknown) => caught);
    const expected = (() => {
      try {
        trailingNetRevenueRetention(PERIODS, {
          asOf: '2024-06-30',
          currency: { reporting: 'USD', rates: RATES, rateDate: 'snapshot' },
        });
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
  });
});

describe('trailingRevenueRetentionDuckDb: properties', () => {
  it('equals trailingNetRevenueRetention and trailingGrossRevenueRetention exactly, for any data, asOf and months', async () => {
    await assertTrailingRetentionEqual('duckdb', run, 120);
  }, 30_000);

  it('equals them with the currency option exactly, for rows in several currencies and any rates', async () => {
    await assertTrailingRetentionCurrencyEqual('duckdb', run, 80);
  }, 30_000);
});

describe('trailingRevenueRetentionDuckDb: bad input', () => {
  it.each([
    ...BAD_SOURCES_AND_OPTIONS,
    [{ csv: 'a.csv' }, { asOf: "2024-06-30' OR 1=1 --" }, 'invalid_date', ['options', 'asOf']],
    [{ csv: 'a.csv' }, { asOf: '2024-06-30', months: '12 --' }, 'invalid_type', ['options', 'months']],
  ])('rejects %j with %j', async (source, options, code, path) => {
    const error = await trailingRevenueRetentionDuckDb(
      source as never,
      {
        asOf: '2024-06-30',
        ...options,
      } as never,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code, path });
  });

  it('rejects options that are not an object', async () => {
    const error = await trailingRevenueRetentionDuckDb({ csv: 'a.csv' }, null as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'invalid_type', path: ['options'] });
  });
});
