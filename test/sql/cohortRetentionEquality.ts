import fc from 'fast-check';
import { expect } from 'vitest';
import { fromDayNumber, toCalendarDate, toDayNumber } from '../../src/core/calendarDate.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  type CohortRetentionOptions,
  type CohortRetentionResult,
  cohortRetention,
  GRANULARITIES,
  type Granularity,
  type SubscriptionPeriod,
  type WeekStartsOn,
} from '../../src/index.js';
import { cohortRetentionFromSqlRows, cohortRetentionSql, type SqlDialect } from '../../src/sql/index.js';
import { subscriptionPeriods } from '../arbitraries.js';
import {
  currencyLoadStatements,
  currencySqlOptions,
  mixedCurrencyRows,
  monthlyRates,
} from './currencyEquality.js';
import { loadStatements, type RunSql, TABLE } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: the engine's cohort matrix equals cohortRetention's, cell for cell.

/**
 * A monotone map of days that moves days near a month's edges onto its first or last day: rows then start and
 * end exactly on a snapshot day or the day after it, where `<` and `<=` differ. Being monotone, it keeps every
 * row's end >= start and the periods of a subscription apart.
 */
function snapDay(day: string): string {
  const date = toCalendarDate(day);
  const dayOfMonth = Number(date.slice(8, 10));
  const first = `${date.slice(0, 8)}01`;
  if (dayOfMonth <= 3) return first;
  const nextMonth = toDayNumber(
    fromDayNumber(toDayNumber(first) + 31)
      .slice(0, 8)
      .concat('01'),
  );
  return dayOfMonth >= 26 ? fromDayNumber(nextMonth - 1) : date;
}

/** Subscription periods, half the time with their days snapped to month edges (see snapDay). */
export const cohortPeriods: fc.Arbitrary<SubscriptionPeriod[]> = fc
  .tuple(subscriptionPeriods(8), fc.boolean())
  .map(([periods, snap]) =>
    snap
      ? periods.map((row) => ({
          ...row,
          start: snapDay(row.start as string),
          end: row.end == null ? null : snapDay(row.end as string),
        }))
      : periods,
  );

const DAY_2022_06_01 = toDayNumber('2022-06-01');
const randomDay = fc.integer({ min: 0, max: 1400 }).map((offset) => fromDayNumber(DAY_2022_06_01 + offset));

/** A range bound: a random day, or a day on which a row starts or ends; sometimes left to its default. */
function rangeDay(periods: readonly SubscriptionPeriod[]): fc.Arbitrary<string | undefined> {
  const days = periods.flatMap((row) => (row.end == null ? [row.start] : [row.start, row.end])) as string[];
  const day = days.length === 0 ? randomDay : fc.oneof(randomDay, fc.constantFrom(...days));
  return fc.option(day, { nil: undefined });
}

// Days and weeks over the data's four years make triangles of up to a million cells: for those the range is
// always given, from a day of the data or a random one, and at most 70 days or 30 weeks long.
const SHORT_RANGE: Partial<Record<Granularity, number>> = { day: 70, week: 210 };

/** The options of cohortRetention that both take as they are (the currency option's rates differ in form). */
export type SharedCohortOptions = Omit<CohortRetentionOptions, 'currency' | 'timeZone'>;

/** Every option of cohortRetention that the SQL supports, each sometimes left to its default. */
export function cohortOptions(periods: readonly SubscriptionPeriod[]): fc.Arbitrary<SharedCohortOptions> {
  return fc
    .record({
      granularity: fc.option(fc.constantFrom<Granularity>(...GRANULARITIES), { nil: undefined }),
      weekStartsOn: fc.option(fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6), { nil: undefined }),
      basis: fc.option(fc.constantFrom('customers' as const, 'revenue' as const), { nil: undefined }),
      from: rangeDay(periods),
      to: rangeDay(periods),
      length: fc.integer({ min: 0, max: 1000 }),
      anchor: randomDay,
    })
    .map(({ from, to, length, anchor, ...rest }) => {
      let [low, high] = from !== undefined && to !== undefined && to < from ? [to, from] : [from, to];
      const span = rest.granularity === undefined ? undefined : SHORT_RANGE[rest.granularity];
      if (span !== undefined) {
        low = low ?? high ?? anchor;
        high = fromDayNumber(toDayNumber(low) + (length % span));
      }
      const options: Record<string, unknown> = { ...rest, from: low, to: high };
      for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
      return options as SharedCohortOptions;
    });
}

/** Every field of the matrix; Decimals by value ('100.000000' reads '100'), null kept as null. */
export function plainCohorts(result: CohortRetentionResult): unknown[] {
  return [
    result.basis,
    result.granularity,
    ...result.cohorts.map((row) => [
      row.cohortStart,
      row.size,
      row.startingMrr.toString(),
      row.cells.map((cell) => [
        cell.age,
        cell.periodStart,
        cell.customers,
        cell.mrr.toString(),
        cell.retention === null ? null : cell.retention.toString(),
      ]),
    ]),
  ];
}

function truncated(value: Decimal | null): string | null {
  return value === null ? null : value.toDecimalPlaces(12, Decimal.ROUND_DOWN).toString();
}

function engineRate(value: unknown): string | null {
  return value === null ? null : new Decimal(String(value)).toString();
}

/**
 * The property: for any subscriptions and options, the engine's rows give exactly cohortRetention's matrix, and
 * the `retention` column is each cell's retention truncated to 12 places.
 */
export async function assertCohortRetentionEqual(
  dialect: SqlDialect,
  run: RunSql,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      cohortPeriods.chain((periods) => fc.tuple(fc.constant(periods), cohortOptions(periods))),
      async ([periods, options]) => {
        for (const statement of loadStatements(periods)) await run(statement);
        const rows = await run(cohortRetentionSql({ dialect, source: TABLE, ...options }));
        const expected = cohortRetention(periods, options);
        const engine = cohortRetentionFromSqlRows(rows, {
          ...(options.basis === undefined ? {} : { basis: options.basis }),
          ...(options.granularity === undefined ? {} : { granularity: options.granularity }),
        });
        expect(plainCohorts(engine)).toEqual(plainCohorts(expected));
        expect(rows.map((row) => engineRate(row.retention))).toEqual(
          expected.cohorts.flatMap((row) => row.cells.map((cell) => truncated(cell.retention))),
        );
      },
    ),
    { numRuns },
  );
}

/**
 * The property with currencies: rows in USD (or none), EUR and GBP, converted at the rate of each row's start by
 * both, give the same matrix (retention column included).
 */
export async function assertCohortRetentionCurrencyEqual(
  dialect: SqlDialect,
  run: RunSql,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      mixedCurrencyRows.chain((periods) => fc.tuple(fc.constant(periods), cohortOptions(periods))),
      monthlyRates,
      async ([periods, options], rates) => {
        for (const statement of currencyLoadStatements(periods, rates)) await run(statement);
        const rows = await run(
          cohortRetentionSql({ ...currencySqlOptions(dialect, 'periodStart'), ...options }),
        );
        const expected = cohortRetention(periods, { ...options, currency: { reporting: 'USD', rates } });
        const engine = cohortRetentionFromSqlRows(rows, {
          ...(options.basis === undefined ? {} : { basis: options.basis }),
          ...(options.granularity === undefined ? {} : { granularity: options.granularity }),
        });
        expect(plainCohorts(engine)).toEqual(plainCohorts(expected));
        expect(rows.map((row) => engineRate(row.retention))).toEqual(
          expected.cohorts.flatMap((row) => row.cells.map((cell) => truncated(cell.retention))),
        );
      },
    ),
    { numRuns },
  );
}
