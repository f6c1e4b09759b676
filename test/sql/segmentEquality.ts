import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type ExchangeRateDate,
  type SegmentMrrMovements,
  type SubscriptionPeriod,
  segmentMrrMovements,
} from '../../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../../src/revenue/internal/periodMovementFields.js';
import {
  type SegmentMrrMovementsSqlOptions,
  type SqlDialect,
  segmentMrrMovementsFromSqlRows,
  segmentMrrMovementsSql,
} from '../../src/sql/index.js';
import { currencySqlOptions, mixedCurrencyRows, monthlyRates } from './currencyEquality.js';
import { movementOptions, type RunSql } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: random rows with segments (customers that stay in one, and
// customers that move between them), optionally in several currencies: the SQL twin equals segmentMrrMovements.

export const SEGMENT_TABLE = 'segment_periods_under_test';
const SEGMENTS = ['Growth', 'Starter', 'enterprise'] as const;
const RATES_TABLE = 'exchange_rates_under_test';

/** Rows whose segment is drawn per row (customers migrate) or per customer (they stay). */
const segmentedRows = (rows: fc.Arbitrary<SubscriptionPeriod[]>) =>
  rows.chain((periods) =>
    fc
      .tuple(
        fc.boolean(),
        fc.array(fc.constantFrom(...SEGMENTS), { minLength: periods.length, maxLength: periods.length }),
      )
      .map(([perCustomer, segments]) =>
        periods.map((row, index) => ({
          ...row,
          segment: perCustomer ? SEGMENTS[Number(row.customerId.slice(1)) % 3]! : segments[index]!,
        })),
      ),
  );

function loadStatements(periods: readonly SubscriptionPeriod[]): string[] {
  const statements = [
    `DROP TABLE IF EXISTS ${SEGMENT_TABLE}`,
    `CREATE TABLE ${SEGMENT_TABLE} (customer_id VARCHAR(20), start_date DATE, end_date DATE, mrr DECIMAL(18, 2), billing_currency VARCHAR(3), plan VARCHAR(20))`,
  ];
  if (periods.length > 0) {
    const values = periods.map(
      (row) =>
        `('${row.customerId}', DATE '${row.start}', ${row.end == null ? 'NULL' : `DATE '${row.end}'`}, ${row.mrr}, ${row.currency === undefined ? 'NULL' : `'${row.currency}'`}, '${row.segment}')`,
    );
    statements.push(`INSERT INTO ${SEGMENT_TABLE} VALUES ${values.join(', ')}`);
  }
  return statements;
}

const FIELDS = ['start', 'end', ...PERIOD_MONEY_FIELDS, 'fxImpactMrr', ...PERIOD_COUNT_FIELDS] as const;
const TRANSFERS = [
  'transferInMrr',
  'transferOutMrr',
  'transferredInCustomers',
  'transferredOutCustomers',
] as const;

/** The result as plain lines: the total's rows, then each segment's name and rows with its transfers. */
export function plainSegments(result: SegmentMrrMovements): string[] {
  return [
    ...result.total.map((row) => FIELDS.map((field) => String(row[field])).join(' ')),
    ...result.segments.flatMap(({ segment, periods }) => [
      `segment ${segment}`,
      ...periods.map((row) => [...FIELDS, ...TRANSFERS].map((field) => String(row[field])).join(' ')),
    ]),
  ];
}

/** The property: the engine's total and segment tables equal segmentMrrMovements'. */
export async function assertSegmentMovementsEqual(
  dialect: SqlDialect,
  run: RunSql,
  rateDate: ExchangeRateDate | undefined,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      segmentedRows(mixedCurrencyRows),
      monthlyRates,
      movementOptions,
      async (mixed, rates, options) => {
        const periods = rateDate === undefined ? mixed.map(({ currency: _c, ...row }) => row) : mixed;
        for (const statement of loadStatements(periods)) await run(statement);
        const fx = currencySqlOptions(dialect, rateDate ?? 'periodStart');
        if (rateDate !== undefined) {
          const { currencyLoadStatements } = await import('./currencyEquality.js');
          for (const statement of currencyLoadStatements([], rates)) await run(statement);
        }
        const sqlOptions: SegmentMrrMovementsSqlOptions = {
          dialect,
          source: SEGMENT_TABLE,
          ...options,
          ...(rateDate === undefined
            ? { columns: { segment: 'plan' } }
            : {
                columns: { segment: 'plan', currency: 'billing_currency' },
                currency: { ...fx.currency, rates: RATES_TABLE },
              }),
        };
        const engine = segmentMrrMovementsFromSqlRows(await run(segmentMrrMovementsSql(sqlOptions)));
        const expected = segmentMrrMovements(periods, {
          ...options,
          ...(rateDate === undefined ? {} : { currency: { reporting: 'USD', rates, rateDate } }),
        });
        expect(plainSegments(engine)).toEqual(plainSegments(expected));
      },
    ),
    { numRuns },
  );
}
