import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ExchangeRate,
  type ExchangeRateDate,
  type MrrMovementsOptions,
  mrrMovements,
  type PeriodMovements,
  type SubscriptionPeriod,
} from '../../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../../src/revenue/internal/periodMovementFields.js';
import { mrrMovementsSql, type SqlDialect } from '../../src/sql/index.js';
import { periodMovementsFromSqlRows } from '../../src/sql/periodMovementsFromSqlRows.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { movementOptions, type RunSql } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: random rows in several currencies (a customer may bill in more than
// one), random monthly rates, both rate-date conventions: the SQL twin equals mrrMovements with the currency
// option, fxImpactMrr included.

export const CURRENCY_TABLE = 'currency_periods_under_test';
export const RATES_TABLE = 'exchange_rates_under_test';
const FOREIGN = ['EUR', 'GBP'] as const;

/** A positive rate with up to four decimals (so a 2-decimal MRR converts to at most 6 places, the mrrScale). */
const rate = fc.integer({ min: 1, max: 40_000 }).map((units) => (units / 10_000).toFixed(4));

/** Monthly rates of EUR and GBP from 2022-01-01 for six years, sometimes a second rate mid-month. */
export const monthlyRates: fc.Arbitrary<ExchangeRate[]> = fc
  .array(fc.tuple(rate, fc.option(rate, { nil: undefined })), { minLength: 144, maxLength: 144 })
  .map((values) =>
    values.flatMap(([first, midMonth], index) => {
      const month = index % 72;
      const prefix = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      const currency = FOREIGN[Math.floor(index / 72)]!;
      const rates: ExchangeRate[] = [{ currency, date: `${prefix}-01`, rate: first }];
      if (midMonth !== undefined) rates.push({ currency, date: `${prefix}-16`, rate: midMonth });
      return rates;
    }),
  );

/** Rows in the reporting currency (no code, or 'USD') or in EUR or GBP, chosen row by row. */
export const mixedCurrencyRows: fc.Arbitrary<SubscriptionPeriod[]> = subscriptionPeriods(8).chain((rows) =>
  fc
    .array(fc.constantFrom<string | undefined>(undefined, 'USD', 'EUR', 'GBP'), {
      minLength: rows.length,
      maxLength: rows.length,
    })
    .map((currencies) =>
      rows.map((row, index) => {
        const currency = currencies[index];
        return currency === undefined ? row : { ...row, currency };
      }),
    ),
);

/** Statements that (re)create the rows (with a currency column) and the rates. Test data only. */
export function currencyLoadStatements(
  periods: readonly SubscriptionPeriod[],
  rates: readonly ExchangeRate[],
): string[] {
  const statements = [
    `DROP TABLE IF EXISTS ${CURRENCY_TABLE}`,
    `CREATE TABLE ${CURRENCY_TABLE} (customer_id VARCHAR(20), start_date DATE, end_date DATE, mrr DECIMAL(18, 2), billing_currency VARCHAR(3))`,
    `DROP TABLE IF EXISTS ${RATES_TABLE}`,
    `CREATE TABLE ${RATES_TABLE} (code VARCHAR(3), valid_from DATE, rate DECIMAL(18, 4))`,
  ];
  if (periods.length > 0) {
    const values = periods.map(
      (row) =>
        `('${row.customerId}', DATE '${row.start}', ${row.end == null ? 'NULL' : `DATE '${row.end}'`}, ${row.mrr}, ${row.currency === undefined ? 'NULL' : `'${row.currency}'`})`,
    );
    statements.push(`INSERT INTO ${CURRENCY_TABLE} VALUES ${values.join(', ')}`);
  }
  if (rates.length > 0) {
    const values = rates.map((entry) => `('${entry.currency}', DATE '${entry.date}', ${entry.rate})`);
    statements.push(`INSERT INTO ${RATES_TABLE} VALUES ${values.join(', ')}`);
  }
  return statements;
}

const FIELDS = ['start', 'end', ...PERIOD_MONEY_FIELDS, 'fxImpactMrr', ...PERIOD_COUNT_FIELDS] as const;

/** Each row as one line of its fields, fxImpactMrr included; Decimals by value. */
export function plainRowsWithFx(rows: readonly PeriodMovements[]): string[] {
  return rows.map((row) => FIELDS.map((field) => String(row[field])).join(' '));
}

/** The SQL options of the tables above, for `rateDate`. */
export function currencySqlOptions(dialect: SqlDialect, rateDate: ExchangeRateDate) {
  return {
    dialect,
    source: CURRENCY_TABLE,
    columns: { currency: 'billing_currency' },
    currency: {
      reporting: 'USD',
      rates: RATES_TABLE,
      rateColumns: { currency: 'code', date: 'valid_from' },
      rateDate,
    },
  } as const;
}

/** The property: with currencies, the engine's table equals mrrMovements', fx impact included. */
export async function assertCurrencyMovementsEqual(
  dialect: SqlDialect,
  run: RunSql,
  rateDate: ExchangeRateDate,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      mixedCurrencyRows,
      monthlyRates,
      movementOptions,
      async (periods, rates, options: Omit<MrrMovementsOptions, 'currency' | 'detail'>) => {
        for (const statement of currencyLoadStatements(periods, rates)) await run(statement);
        const sql = mrrMovementsSql({ ...currencySqlOptions(dialect, rateDate), ...options });
        const engine = periodMovementsFromSqlRows(await run(sql));
        const expected = mrrMovements(periods, {
          ...options,
          currency: { reporting: 'USD', rates, rateDate },
        }).periods;
        expect(plainRowsWithFx(engine)).toEqual(plainRowsWithFx(expected));
      },
    ),
    { numRuns },
  );
}
