import { expect } from 'vitest';
import {
  cohortRetention,
  MetricInputError,
  mrrMovements,
  type SubscriptionPeriod,
  segmentMrrMovements,
  trailingNetRevenueRetention,
} from '../../src/index.js';
import {
  cohortRetentionSql,
  mrrMovementsSql,
  periodMovementsFromSqlRows,
  type SqlDialect,
  segmentMrrMovementsSql,
  trailingRevenueRetentionSql,
} from '../../src/sql/index.js';
import type { RunSql } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: the SQL twins refuse what the TypeScript engine refuses about
// currencies, and read currency codes case-insensitively as the text readers do.

const PERIODS_TABLE = 'currency_refusal_periods';
const RATES_TABLE = 'currency_refusal_rates';

type Row = SubscriptionPeriod & { readonly currency?: string; readonly segment?: string };

async function load(run: RunSql, periods: readonly Row[], rates: readonly [string, string, string][] = []) {
  await run(`DROP TABLE IF EXISTS ${PERIODS_TABLE}`);
  await run(
    `CREATE TABLE ${PERIODS_TABLE} (customer_id VARCHAR(20), start_date DATE, end_date DATE, mrr DECIMAL(18, 2), currency VARCHAR(3), segment VARCHAR(20))`,
  );
  const values = periods.map(
    (row) =>
      `('${row.customerId}', DATE '${row.start}', ${row.end == null ? 'NULL' : `DATE '${row.end}'`}, ${row.mrr}, ${row.currency === undefined ? 'NULL' : `'${row.currency}'`}, 'basic')`,
  );
  await run(`INSERT INTO ${PERIODS_TABLE} VALUES ${values.join(', ')}`);
  await run(`DROP TABLE IF EXISTS ${RATES_TABLE}`);
  await run(`CREATE TABLE ${RATES_TABLE} (currency VARCHAR(3), date DATE, rate DECIMAL(18, 4))`);
  if (rates.length > 0) {
    await run(
      `INSERT INTO ${RATES_TABLE} VALUES ${rates.map(([code, day, rate]) => `('${code}', DATE '${day}', ${rate})`).join(', ')}`,
    );
  }
}

const thrown = (compute: () => unknown): MetricInputError => {
  try {
    compute();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
};

/** Rows in USD, EUR and GBP without a currency option: every twin's query fails with `mixed_currencies:`. */
export async function expectMixedCurrenciesRefused(dialect: SqlDialect, run: RunSql): Promise<void> {
  const periods: Row[] = [
    { customerId: 'a', start: '2024-01-01', end: null, mrr: 100, currency: 'USD' },
    { customerId: 'b', start: '2024-01-01', end: null, mrr: 100, currency: 'EUR' },
    { customerId: 'c', start: '2024-02-01', end: null, mrr: 100, currency: 'GBP' },
  ];
  expect(thrown(() => mrrMovements(periods)).code).toBe('mixed_currencies');
  expect(thrown(() => segmentMrrMovements(periods.map((row) => ({ ...row, segment: 'basic' })))).code).toBe(
    'mixed_currencies',
  );
  expect(thrown(() => cohortRetention(periods)).code).toBe('mixed_currencies');
  expect(thrown(() => trailingNetRevenueRetention(periods, { asOf: '2024-03-31', months: 1 })).code).toBe(
    'mixed_currencies',
  );
  await load(run, periods);
  const source = PERIODS_TABLE;
  for (const sql of [
    mrrMovementsSql({ dialect, source }),
    segmentMrrMovementsSql({ dialect, source, columns: { segment: 'segment' } }),
    cohortRetentionSql({ dialect, source }),
    trailingRevenueRetentionSql({ dialect, source, asOf: '2024-03-31', months: 1 }),
  ]) {
    await expect(run(sql)).rejects.toThrow(/mixed_currencies: rows are in EUR and USD/);
  }
  // A code missing on some rows is one more currency, as in mrrMovements.
  const withNull: Row[] = [periods[0]!, { customerId: 'b', start: '2024-01-01', end: null, mrr: 100 }];
  expect(thrown(() => mrrMovements(withNull)).code).toBe('mixed_currencies');
  await load(run, withNull);
  await expect(run(mrrMovementsSql({ dialect, source }))).rejects.toThrow(
    /mixed_currencies: rows are in USD and no currency/,
  );
  // One currency, whatever its case, is no mix.
  await load(run, [periods[0]!, { ...periods[1]!, currency: 'usd' }]);
  const rows = periodMovementsFromSqlRows(await run(mrrMovementsSql({ dialect, source })));
  expect(rows.map((row) => row.endingMrr.toString())).toEqual(['200']);
}

/**
 * Codes in any case: a `usd` row is in the reporting currency USD, an `eur` row converts with the `EUR` rates
 * (and an `eur` rate converts an `EUR` row), as mrrMovements reads the same rows in capitals.
 */
export async function expectCaseInsensitiveCodes(dialect: SqlDialect, run: RunSql): Promise<void> {
  const periods: Row[] = [
    { customerId: 'a', start: '2024-01-01', end: null, mrr: 100, currency: 'usd' },
    { customerId: 'b', start: '2024-01-01', end: null, mrr: 100, currency: 'eur' },
    { customerId: 'c', start: '2024-01-01', end: null, mrr: 10, currency: 'GBP' },
  ];
  await load(run, periods, [
    ['EUR', '2023-01-01', '1.1'],
    ['gbp', '2023-01-01', '1.3'],
  ]);
  const currency = { reporting: 'USD', rates: RATES_TABLE };
  const rows = periodMovementsFromSqlRows(
    await run(mrrMovementsSql({ dialect, source: PERIODS_TABLE, currency })),
  );
  // 100 + 100 × 1.1 + 10 × 1.3 = 223.
  expect(rows.map((row) => row.endingMrr.toString())).toEqual(['223']);
  const expected = mrrMovements(
    periods.map((row) => ({ ...row, currency: row.currency!.toUpperCase() })),
    {
      currency: {
        reporting: 'USD',
        rates: [
          { currency: 'EUR', date: '2023-01-01', rate: '1.1' },
          { currency: 'GBP', date: '2023-01-01', rate: '1.3' },
        ],
      },
    },
  );
  expect(rows.map((row) => row.endingMrr.toString())).toEqual(
    expected.periods.map((row) => row.endingMrr.toString()),
  );
  // A rate for the reporting currency, in any case, is refused as mrrMovements refuses it.
  await load(run, periods, [
    ['EUR', '2023-01-01', '1.1'],
    ['GBP', '2023-01-01', '1.3'],
    ['usd', '2023-01-01', '1'],
  ]);
  await expect(run(mrrMovementsSql({ dialect, source: PERIODS_TABLE, currency }))).rejects.toThrow(
    /invalid_exchange_rate: USD/,
  );
}

/**
 * A foreign row without a rate on its start is `missing_exchange_rate` in the TypeScript engine wherever the row
 * lies; the SQL twins must not skip the check for a row their query filters out: one that ended before a trailing
 * window, or starts after `to`.
 */
export async function expectMissingRatesOutsideTheWindowRefused(
  dialect: SqlDialect,
  run: RunSql,
): Promise<void> {
  const periods: Row[] = [
    { customerId: 'old', start: '2020-01-01', end: '2020-06-01', mrr: 50, currency: 'EUR' },
    { customerId: 'a', start: '2023-01-01', end: null, mrr: 100, currency: 'EUR' },
    { customerId: 'late', start: '2025-01-01', end: null, mrr: 10, currency: 'GBP' },
  ];
  const rates = [{ currency: 'EUR', date: '2023-01-01', rate: '1.1' }];
  const currency = { reporting: 'USD', rates };
  expect(thrown(() => trailingNetRevenueRetention(periods, { asOf: '2024-06-30', currency })).code).toBe(
    'missing_exchange_rate',
  );
  expect(thrown(() => mrrMovements(periods, { to: '2024-06-30', currency })).code).toBe(
    'missing_exchange_rate',
  );
  expect(thrown(() => cohortRetention(periods, { to: '2024-06-30', currency })).code).toBe(
    'missing_exchange_rate',
  );
  await load(run, periods, [['EUR', '2023-01-01', '1.1']]);
  const options = { dialect, source: PERIODS_TABLE, currency: { reporting: 'USD', rates: RATES_TABLE } };
  for (const sql of [
    trailingRevenueRetentionSql({ ...options, asOf: '2024-06-30' }),
    mrrMovementsSql({ ...options, from: '2023-01-01', to: '2024-06-30' }),
    cohortRetentionSql({ ...options, from: '2023-01-01', to: '2024-06-30' }),
    segmentMrrMovementsSql({
      ...options,
      from: '2023-01-01',
      to: '2024-06-30',
      columns: { segment: 'segment' },
    }),
  ]) {
    await expect(run(sql)).rejects.toThrow(
      /missing_exchange_rate: no (EUR|GBP) rate in effect on 20(20|25)-01-01/,
    );
  }
}

/** A bad rate is refused even for a currency no row uses, as mrrMovements validates every rate it is given. */
export async function expectUnusedBadRateRefused(dialect: SqlDialect, run: RunSql): Promise<void> {
  const periods: Row[] = [{ customerId: 'a', start: '2024-01-01', end: null, mrr: 100, currency: 'EUR' }];
  const rates = [
    { currency: 'EUR', date: '2023-01-01', rate: '1.1' },
    { currency: 'JPY', date: '2023-01-01', rate: '0' },
  ];
  expect(thrown(() => mrrMovements(periods, { currency: { reporting: 'USD', rates } }))).toBeInstanceOf(
    MetricInputError,
  );
  await load(run, periods, [
    ['EUR', '2023-01-01', '1.1'],
    ['JPY', '2023-01-01', '0'],
  ]);
  const options = { dialect, source: PERIODS_TABLE, currency: { reporting: 'USD', rates: RATES_TABLE } };
  for (const sql of [
    mrrMovementsSql(options),
    mrrMovementsSql({ ...options, currency: { ...options.currency, rateDate: 'snapshot' } }),
    cohortRetentionSql(options),
    trailingRevenueRetentionSql({ ...options, asOf: '2024-06-30' }),
  ]) {
    await expect(run(sql)).rejects.toThrow(/invalid_exchange_rate: JPY on 2023-01-01/);
  }
}
