import fc from 'fast-check';
import { expect } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  customerChurnRate,
  fromDayNumber,
  GRANULARITIES,
  type Granularity,
  grossRevenueChurnRate,
  grossRevenueRetention,
  type MrrMovementsOptions,
  mrrMovements,
  netRevenueChurnRate,
  netRevenueRetention,
  type PaidToFree,
  type PeriodMovements,
  quickRatio,
  type SubscriptionPeriod,
  toDayNumber,
  type WeekStartsOn,
} from '../../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../../src/revenue/internal/periodMovementFields.js';
import {
  type MrrMovementsSqlRow,
  mrrMovementsSql,
  revenueRatesSql,
  type SqlDialect,
} from '../../src/sql/index.js';
import { periodMovementsFromSqlRows } from '../../src/sql/periodMovementsFromSqlRows.js';
import { subscriptionPeriods } from '../arbitraries.js';

// Shared by the DuckDB and PostgreSQL suites: load random subscription periods into a real engine, run the
// generated SQL there, and compare with the TypeScript engine to the cent.

/** Runs one or more statements; returns the rows of the last one with DECIMAL and DATE values as strings. */
export type RunSql = (sql: string) => Promise<MrrMovementsSqlRow[]>;

export const TABLE = 'subscription_periods_under_test';

/** Statements that (re)create the test table holding `periods`. Test data only: literals are safe here. */
export function loadStatements(periods: readonly SubscriptionPeriod[]): string[] {
  const statements = [
    `DROP TABLE IF EXISTS ${TABLE}`,
    `CREATE TABLE ${TABLE} (customer_id VARCHAR(20), start_date DATE, end_date DATE, mrr DECIMAL(18, 2))`,
  ];
  if (periods.length > 0) {
    const values = periods.map(
      (row) =>
        `('${row.customerId}', DATE '${row.start}', ${row.end == null ? 'NULL' : `DATE '${row.end}'`}, ${row.mrr})`,
    );
    statements.push(`INSERT INTO ${TABLE} VALUES ${values.join(', ')}`);
  }
  return statements;
}

const DAY_2022_06_01 = toDayNumber('2022-06-01');

const dateArb = fc.integer({ min: 0, max: 1400 }).map((offset) => fromDayNumber(DAY_2022_06_01 + offset));

/** Every option of mrrMovements that the SQL supports, each sometimes left to its default. */
export const movementOptions: fc.Arbitrary<Omit<MrrMovementsOptions, 'currency' | 'detail'>> = fc
  .record(
    {
      granularity: fc.constantFrom<Granularity>(...GRANULARITIES),
      paidToFree: fc.constantFrom<PaidToFree>('churn', 'contraction'),
      weekStartsOn: fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6),
      from: dateArb,
      to: dateArb,
    },
    { requiredKeys: ['granularity'] },
  )
  .map((options) =>
    options.from !== undefined && options.to !== undefined && options.to < options.from
      ? { ...options, from: options.to, to: options.from }
      : options,
  );

const FIELDS = ['start', 'end', ...PERIOD_MONEY_FIELDS, ...PERIOD_COUNT_FIELDS] as const;

/** Each row as one line of its fields in a fixed order; Decimals by value (`'100.000000'` reads `'100'`). */
export function plainRows(rows: readonly PeriodMovements[]): string[] {
  return rows.map((row) => FIELDS.map((field) => String(row[field])).join(' '));
}

/** The property: the engine's table equals mrrMovements', row for row, for any data and options. */
export async function assertMovementsEqual(dialect: SqlDialect, run: RunSql, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(subscriptionPeriods(8), movementOptions, async (periods, options) => {
      for (const statement of loadStatements(periods)) await run(statement);
      const sql = mrrMovementsSql({ dialect, source: TABLE, ...options } as Parameters<
        typeof mrrMovementsSql
      >[0]);
      const engine = periodMovementsFromSqlRows(await run(sql));
      expect(plainRows(engine)).toEqual(plainRows(mrrMovements(periods, options).periods));
    }),
    { numRuns },
  );
}

const RATE_SCALE = 12;

function truncated(value: Decimal | null): string | null {
  return value === null ? null : value.toDecimalPlaces(RATE_SCALE, Decimal.ROUND_DOWN).toString();
}

function engineRate(value: unknown): string | null {
  return value === null ? null : new Decimal(String(value)).toString();
}

/** The property: every rate column equals the TypeScript rate of the same row, truncated to 12 places. */
export async function assertRatesEqual(dialect: SqlDialect, run: RunSql, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      subscriptionPeriods(8),
      fc.constantFrom<Granularity>(...GRANULARITIES),
      fc.constantFrom<PaidToFree>('churn', 'contraction'),
      fc.constantFrom('start' as const, 'startPlusNew' as const),
      fc.constantFrom('exclude' as const, 'include' as const),
      async (periods, granularity, paidToFree, denominator, reactivation) => {
        for (const statement of loadStatements(periods)) await run(statement);
        const movements = mrrMovementsSql({ dialect, source: TABLE, granularity, paidToFree });
        const sql = revenueRatesSql({
          dialect,
          source: `(${movements})`,
          customerChurnDenominator: denominator,
          reactivation,
        });
        const engine = (await run(sql)).map((row) => [
          row.period_start,
          engineRate(row.customer_churn_rate),
          engineRate(row.gross_revenue_churn_rate),
          engineRate(row.net_revenue_churn_rate),
          engineRate(row.net_revenue_retention),
          engineRate(row.gross_revenue_retention),
          engineRate(row.quick_ratio),
        ]);
        const expected = mrrMovements(periods, { granularity, paidToFree }).periods.map((row) => [
          row.start,
          truncated(customerChurnRate(row, { denominator })),
          truncated(grossRevenueChurnRate(row)),
          truncated(netRevenueChurnRate(row, { reactivation })),
          truncated(netRevenueRetention(row, { reactivation })),
          truncated(grossRevenueRetention(row)),
          truncated(quickRatio(row)),
        ]);
        expect(engine).toEqual(expected);
      },
    ),
    { numRuns },
  );
}
