import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  fromDayNumber,
  GRANULARITIES,
  type Granularity,
  listPeriods,
  type MrrMovementsOptions,
  mrrMovements,
  type PaidToFree,
  type SubscriptionPeriod,
  toDayNumber,
  type WeekStartsOn,
} from '../../src/index.js';
import {
  PERIOD_COUNT_FIELDS as COUNTS,
  PERIOD_MONEY_FIELDS as MONEY,
} from '../../src/revenue/internal/periodMovementFields.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { type PlainTable, plainTable } from './plainMovements.js';

const MODES: readonly PaidToFree[] = ['churn', 'contraction'];

// ---------------------------------------------------------------------------------------------------------------
// The slow oracle: every calendar day, every row, plain Decimal sums; then a direct reading of the definitions.
// ---------------------------------------------------------------------------------------------------------------

function oracle(periods: readonly SubscriptionPeriod[], options: MrrMovementsOptions): PlainTable {
  const granularity = options.granularity ?? 'month';
  const weekStartsOn = options.weekStartsOn ?? 1;
  const paidToFree = options.paidToFree ?? 'churn';
  if (periods.length === 0 && options.from === undefined && options.to === undefined) {
    return { periods: [], customers: [] };
  }
  const rows = periods.map((row) => ({
    customerId: row.customerId,
    start: row.start as string,
    end: (row.end ?? null) as string | null,
    mrr: new Decimal(row.mrr.toString()),
  }));
  const dates = rows.flatMap((row) => (row.end === null ? [row.start] : [row.start, row.end]));
  const earliest = rows.map((row) => row.start).sort()[0];
  const latest = dates.sort().at(-1);
  const to =
    (options.to as string | undefined) ?? [latest!, options.from as string].filter(Boolean).sort().at(-1)!;
  const from = (options.from as string | undefined) ?? [earliest!, to].sort()[0]!;
  const gridFrom = [from, earliest ?? from].sort()[0]!;
  const grid = listPeriods(gridFrom, to, { granularity, weekStartsOn });
  const reported = listPeriods(from, to, { granularity, weekStartsOn });
  const firstReported = grid.findIndex((period) => period.start === reported[0]!.start);

  // MRR and "holds an active period" of every customer on every calendar day of the grid; the state of a
  // period is the state of its last day.
  const customers = [...new Set(rows.map((row) => row.customerId))].sort();
  const firstDay = toDayNumber(grid[0]!.start);
  const lastDay = toDayNumber(grid.at(-1)!.end) - 1;
  const snapshots = new Map<string, { mrr: Decimal; active: boolean; counted: boolean }[]>();
  for (const customer of customers) {
    const own = rows.filter((row) => row.customerId === customer);
    const daily: { mrr: Decimal; active: boolean }[] = [];
    for (let day = firstDay; day <= lastDay; day += 1) {
      const iso = fromDayNumber(day);
      let mrr = new Decimal(0);
      let active = false;
      for (const row of own) {
        if (row.start <= iso && (row.end === null || iso < row.end)) {
          mrr = mrr.plus(row.mrr);
          active = true;
        }
      }
      daily.push({ mrr, active });
    }
    // Who counts: paying on the snapshot ('churn'); or holding a period and paying now or counted at the
    // previous snapshot ('contraction').
    let counted = false;
    snapshots.set(
      customer,
      grid.map((period) => {
        const state = daily[toDayNumber(period.end) - 1 - firstDay]!;
        const paying = state.mrr.greaterThan(0);
        counted = paidToFree === 'churn' ? paying : state.active && (paying || counted);
        return { ...state, counted };
      }),
    );
  }
  const snapshot = (customer: string, period: number) => snapshots.get(customer)![period]!;

  const table = reported.map((period) => ({
    start: period.start,
    end: period.end,
    money: Object.fromEntries(MONEY.map((field) => [field, new Decimal(0)])) as Record<string, Decimal>,
    counts: Object.fromEntries(COUNTS.map((field) => [field, 0])) as Record<string, number>,
  }));
  const movements: { period: number; customer: string; text: string }[] = [];
  for (const customer of customers) {
    let previous = { mrr: new Decimal(0), active: false, counted: false };
    let counted = false;
    let paidEarlier = false;
    for (let period = 0; period < grid.length; period += 1) {
      const current = snapshot(customer, period);
      const paying = current.mrr.greaterThan(0);
      const nowCounted = current.counted;
      let type: string | undefined;
      if (!counted && nowCounted) type = paidEarlier ? 'reactivation' : 'new';
      else if (counted && !nowCounted) type = 'churn';
      else if (counted && current.mrr.greaterThan(previous.mrr)) type = 'expansion';
      else if (counted && current.mrr.lessThan(previous.mrr)) type = 'contraction';
      const row = period - firstReported;
      if (row === 0) {
        table[0]!.money.startingMrr = sumAt(customers, snapshot, period - 1);
        table[0]!.counts.startingCustomers = countAt(customers, snapshot, period - 1);
      }
      if (row >= 0) {
        table[row]!.money.endingMrr = sumAt(customers, snapshot, period);
        table[row]!.counts.endingCustomers = countAt(customers, snapshot, period);
      }
      if (type !== undefined && row >= 0) {
        const amount = current.mrr.minus(previous.mrr).abs();
        const field = {
          new: 'new',
          expansion: 'expansion',
          contraction: 'contraction',
          churn: 'churned',
          reactivation: 'reactivation',
        }[type]!;
        const countField = {
          new: 'new',
          expansion: 'expanded',
          contraction: 'contracted',
          churn: 'churned',
          reactivation: 'reactivated',
        }[type]!;
        table[row]!.money[`${field}Mrr`] = table[row]!.money[`${field}Mrr`]!.plus(amount);
        table[row]!.counts[`${countField}Customers`]! += 1;
        movements.push({
          period: row,
          customer,
          text: `${reported[row]!.start} ${customer} ${type} ${previous.mrr} ${current.mrr} ${amount}`,
        });
      }
      if (paying) paidEarlier = true;
      counted = nowCounted;
      previous = current;
    }
  }
  for (let row = 1; row < table.length; row += 1) {
    table[row]!.money.startingMrr = table[row - 1]!.money.endingMrr!;
    table[row]!.counts.startingCustomers = table[row - 1]!.counts.endingCustomers!;
  }
  movements.sort((a, b) => a.period - b.period || (a.customer < b.customer ? -1 : 1));
  return {
    periods: table.map((row) => [
      row.start,
      row.end,
      ...MONEY.map((field) => row.money[field]!.toString()),
      ...COUNTS.map((field) => row.counts[field]!),
    ]),
    customers: movements.map((move) => move.text),
  };
}

function sumAt(
  customers: readonly string[],
  snapshot: (customer: string, period: number) => { mrr: Decimal },
  period: number,
): Decimal {
  if (period < 0) return new Decimal(0);
  return customers.reduce((total, customer) => total.plus(snapshot(customer, period).mrr), new Decimal(0));
}

function countAt(
  customers: readonly string[],
  snapshot: (customer: string, period: number) => { counted: boolean },
  period: number,
): number {
  if (period < 0) return 0;
  return customers.filter((customer) => snapshot(customer, period).counted).length;
}

// ---------------------------------------------------------------------------------------------------------------

const granularity = fc.constantFrom<Granularity>(...GRANULARITIES);
const coarse = fc.constantFrom<Granularity>('week', 'month', 'quarter', 'year');
const weekStartsOn = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<WeekStartsOn>;
const paidToFree = fc.constantFrom<PaidToFree>(...MODES);
const anyDate = fc
  .integer({ min: toDayNumber('2022-10-01'), max: toDayNumber('2025-06-30') })
  .map(fromDayNumber);
/** Sometimes an explicit range inside or around the generated data. */
const range = fc.option(
  fc.tuple(anyDate, anyDate).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  { nil: undefined },
);

/** The same data with amounts far past 2^53 minor units or with 20+ decimals, forcing the exact bigint path. */
function widened(periods: readonly SubscriptionPeriod[], variant: 'huge' | 'tiny'): SubscriptionPeriod[] {
  return periods.map((row) => {
    const mrr = new Decimal(row.mrr.toString());
    if (mrr.isZero()) return row;
    return { ...row, mrr: variant === 'huge' ? mrr.times('1e16').toString() : mrr.plus('1e-22').toString() };
  });
}

describe('mrrMovements: agreement with a slow oracle', () => {
  it('agrees exactly with a day-by-day Decimal oracle, for every granularity and both paidToFree modes', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(6),
        granularity,
        weekStartsOn,
        paidToFree,
        range,
        (periods, granularity, weekStartsOn, paidToFree, range) => {
          const options = { granularity, weekStartsOn, paidToFree, ...range };
          expect(plainTable(mrrMovements(periods, options))).toEqual(oracle(periods, options));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees with the oracle for customers with dozens of periods in any order (the sweep sorts their events)', () => {
    const period = fc
      .record({
        start: fc.integer({ min: 0, max: 700 }),
        length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined, freq: 8 }),
        mrr: fc.constantFrom(0, 10, 25.5, 99),
      })
      .map(({ start, length, mrr }) => ({
        start: fromDayNumber(19_000 + start),
        end: length === undefined ? null : fromDayNumber(19_000 + start + length),
        mrr,
      }));
    fc.assert(
      fc.property(
        fc.array(period, { minLength: 25, maxLength: 80 }),
        fc.array(period, { maxLength: 30 }),
        paidToFree,
        (many, few, paidToFree) => {
          const periods: SubscriptionPeriod[] = [
            ...many.map((row) => ({ customerId: 'many', ...row })),
            ...few.map((row) => ({ customerId: 'few', ...row })),
          ];
          const options = { paidToFree };
          expect(plainTable(mrrMovements(periods, options))).toEqual(oracle(periods, options));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the integer fast path equal to exact Decimals when amounts need bigint (huge or 22 decimals)', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(5),
        fc.constantFrom<'huge' | 'tiny'>('huge', 'tiny'),
        coarse,
        paidToFree,
        (periods, variant, granularity, paidToFree) => {
          const data = widened(periods, variant);
          const options = { granularity, paidToFree };
          expect(plainTable(mrrMovements(data, options))).toEqual(oracle(data, options));
        },
      ),
      { numRuns: 20 },
    );
  });
});
