import fc from 'fast-check';
import { expect } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  addCalendarMonths,
  fromDayNumber,
  type SubscriptionPeriod,
  type TrailingRevenueRetention,
  toDayNumber,
  trailingGrossRevenueRetention,
  trailingNetRevenueRetention,
} from '../../src/index.js';
import {
  type SqlDialect,
  trailingRevenueRetentionFromSqlRow,
  trailingRevenueRetentionSql,
} from '../../src/sql/index.js';
import { subscriptionPeriods } from '../arbitraries.js';
import {
  currencyLoadStatements,
  currencySqlOptions,
  mixedCurrencyRows,
  monthlyRates,
} from './currencyEquality.js';
import { loadStatements, type RunSql, TABLE } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: the engine's trailing NRR/GRR equal the TypeScript functions'.

const DAY_2022_06_01 = toDayNumber('2022-06-01');

/** An asOf from before the data (empty cohort) to after it (everyone gone), mostly month ends and mid-month. */
export const asOfDay: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 1500 })
  .map((offset) => fromDayNumber(DAY_2022_06_01 + offset));

/** `months`: sometimes the default 12, sometimes short or longer than the data. */
export const trailingMonths: fc.Arbitrary<number | undefined> = fc.option(fc.integer({ min: 1, max: 30 }), {
  nil: undefined,
});

/** Every field of a result, Decimals by value ('100.000000' reads '100'), null kept as null. */
export function plainRetention(result: TrailingRevenueRetention): (string | number | null)[] {
  return [
    result.value === null ? null : result.value.toString(),
    result.start,
    result.asOf,
    result.startingMrr.toString(),
    result.endingMrr.toString(),
    result.startingCustomers,
    result.retainedCustomers,
  ];
}

function truncated(value: Decimal | null): string | null {
  return value === null ? null : value.toDecimalPlaces(12, Decimal.ROUND_DOWN).toString();
}

function engineRate(value: unknown): string | null {
  return value === null ? null : new Decimal(String(value)).toString();
}

/**
 * The property: for any subscriptions, asOf and months, the engine's row gives exactly the results of
 * trailingNetRevenueRetention and trailingGrossRevenueRetention, and its rate columns are those values truncated
 * to 12 places.
 */
export async function assertTrailingRetentionEqual(
  dialect: SqlDialect,
  run: RunSql,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      subscriptionPeriods(8).chain((periods) => fc.tuple(fc.constant(periods), boundaryAsOf(periods))),
      trailingMonths,
      async ([periods, [asOfOrBoundary, alignStart]], months) => {
        // Half the time a row starts or ends exactly on asOf or on the start day, where `<` and `<=` differ.
        const asOf = alignStart ? addCalendarMonths(asOfOrBoundary, months ?? 12) : asOfOrBoundary;
        for (const statement of loadStatements(periods)) await run(statement);
        const options = months === undefined ? { asOf } : { asOf, months };
        const [row, ...others] = await run(
          trailingRevenueRetentionSql({ dialect, source: TABLE, ...options }),
        );
        expect(others).toEqual([]);
        const { net, gross } = trailingRevenueRetentionFromSqlRow(row!);
        const expectedNet = trailingNetRevenueRetention(periods, options);
        const expectedGross = trailingGrossRevenueRetention(periods, options);
        expect(plainRetention(net)).toEqual(plainRetention(expectedNet));
        expect(plainRetention(gross)).toEqual(plainRetention(expectedGross));
        expect([engineRate(row!.net_revenue_retention), engineRate(row!.gross_revenue_retention)]).toEqual([
          truncated(expectedNet.value),
          truncated(expectedGross.value),
        ]);
      },
    ),
    { numRuns },
  );
}

/**
 * The property with currencies: rows in USD (or none), EUR and GBP, converted at the rate of each row's start by
 * both, give the same trailing NRR and GRR (rate columns included).
 */
export async function assertTrailingRetentionCurrencyEqual(
  dialect: SqlDialect,
  run: RunSql,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      mixedCurrencyRows.chain((periods) => fc.tuple(fc.constant(periods), boundaryAsOf(periods))),
      trailingMonths,
      monthlyRates,
      async ([periods, [asOfOrBoundary, alignStart]], months, rates) => {
        const asOf = alignStart ? addCalendarMonths(asOfOrBoundary, months ?? 12) : asOfOrBoundary;
        for (const statement of currencyLoadStatements(periods, rates)) await run(statement);
        const options = months === undefined ? { asOf } : { asOf, months };
        const [row, ...others] = await run(
          trailingRevenueRetentionSql({ ...currencySqlOptions(dialect, 'periodStart'), ...options }),
        );
        expect(others).toEqual([]);
        const { net, gross } = trailingRevenueRetentionFromSqlRow(row!);
        const converting = { ...options, currency: { reporting: 'USD', rates } };
        const expectedNet = trailingNetRevenueRetention(periods, converting);
        const expectedGross = trailingGrossRevenueRetention(periods, converting);
        expect(plainRetention(net)).toEqual(plainRetention(expectedNet));
        expect(plainRetention(gross)).toEqual(plainRetention(expectedGross));
        expect([engineRate(row!.net_revenue_retention), engineRate(row!.gross_revenue_retention)]).toEqual([
          truncated(expectedNet.value),
          truncated(expectedGross.value),
        ]);
      },
    ),
    { numRuns },
  );
}

// A random day, or a day on which one of the rows starts or ends, flagged to be used as the start day.
function boundaryAsOf(periods: readonly SubscriptionPeriod[]): fc.Arbitrary<[string, boolean]> {
  const days = periods.flatMap((row) => (row.end == null ? [row.start] : [row.start, row.end])) as string[];
  if (days.length === 0) return asOfDay.map((day) => [day, false]);
  return fc.oneof(
    asOfDay.map((day): [string, boolean] => [day, false]),
    fc.tuple(fc.constantFrom(...days), fc.boolean()),
  );
}
