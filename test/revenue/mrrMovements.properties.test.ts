import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  GRANULARITIES,
  type Granularity,
  mrrMovements,
  type PaidToFree,
  toDayNumber,
} from '../../src/index.js';
import {
  PERIOD_COUNT_FIELDS as COUNTS,
  PERIOD_MONEY_FIELDS as MONEY,
} from '../../src/revenue/internal/periodMovementFields.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { plainTable } from './plainMovements.js';

const MODES: readonly PaidToFree[] = ['churn', 'contraction'];

const granularity = fc.constantFrom<Granularity>(...GRANULARITIES);
const coarse = fc.constantFrom<Granularity>('week', 'month', 'quarter', 'year');
const paidToFree = fc.constantFrom<PaidToFree>(...MODES);
describe('mrrMovements: properties', () => {
  it('ending MRR and customers equal starting plus movements, and each row starts where the last ended', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), granularity, paidToFree, (periods, granularity, paidToFree) => {
        const table = mrrMovements(periods, { granularity, paidToFree });
        table.periods.forEach((row, index) => {
          expect(
            row.startingMrr
              .plus(row.newMrr)
              .plus(row.expansionMrr)
              .plus(row.reactivationMrr)
              .minus(row.contractionMrr)
              .minus(row.churnedMrr)
              .equals(row.endingMrr),
          ).toBe(true);
          expect(
            row.startingCustomers + row.newCustomers + row.reactivatedCustomers - row.churnedCustomers,
          ).toBe(row.endingCustomers);
          const previous = table.periods[index - 1];
          if (previous !== undefined) {
            expect(row.startingMrr.equals(previous.endingMrr)).toBe(true);
            expect(row.startingCustomers).toBe(previous.endingCustomers);
            expect(row.start).toBe(previous.end);
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods().chain((periods) =>
          fc.tuple(fc.constant(periods), fc.shuffledSubarray(periods, { minLength: periods.length })),
        ),
        coarse,
        paidToFree,
        ([periods, shuffled], granularity, paidToFree) => {
          const options = { granularity, paidToFree };
          expect(plainTable(mrrMovements(shuffled, options))).toEqual(
            plainTable(mrrMovements(periods, options)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('does not change when a period is split into two consecutive periods with the same MRR', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods().filter((periods) => periods.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 400 }),
        granularity,
        paidToFree,
        (periods, pick, offset, granularity, paidToFree) => {
          const index = pick % periods.length;
          const row = periods[index]!;
          const startDay = toDayNumber(row.start as string);
          const endDay = row.end == null ? startDay + 1000 : toDayNumber(row.end as string);
          fc.pre(endDay - startDay >= 2);
          const cut = fromDayNumber(startDay + 1 + (offset % (endDay - startDay - 1)));
          const split = [
            ...periods.slice(0, index),
            { ...row, end: cut },
            { ...row, start: cut },
            ...periods.slice(index + 1),
          ];
          // Splitting an open-ended period adds a start date, which would move the default end of the range.
          const to = split
            .flatMap((part) => [part.start as string, (part.end as string | null) ?? ''])
            .sort()
            .at(-1)!;
          const options = { granularity, paidToFree, to };
          expect(plainTable(mrrMovements(split, options))).toEqual(
            plainTable(mrrMovements(periods, options)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it("detail 'summary' gives exactly the full result's periods and no drill-down", () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(),
        granularity,
        paidToFree,
        fc.option(fc.integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2025-06-01') })),
        (periods, granularity, paidToFree, fromDay) => {
          const options = {
            granularity,
            paidToFree,
            ...(fromDay === null ? {} : { from: fromDayNumber(fromDay) }),
          };
          const full = mrrMovements(periods, options);
          const summary = mrrMovements(periods, { ...options, detail: 'summary' });
          expect(Object.keys(summary)).toEqual(['periods']);
          expect(summary.periods).toEqual(full.periods);
          expect(plainTable({ ...summary, customers: [] }).periods).toEqual(plainTable(full).periods);
          expect(mrrMovements(periods, { ...options, detail: 'full' })).toEqual(full);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reports, for a sub-range, exactly the rows of the full table', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(),
        coarse,
        paidToFree,
        fc.nat(),
        fc.nat(),
        (periods, granularity, mode, a, b) => {
          const full = mrrMovements(periods, { granularity, paidToFree: mode });
          fc.pre(full.periods.length > 0);
          const [low, high] = [a % full.periods.length, b % full.periods.length].sort((x, y) => x - y);
          const from = full.periods[low!]!.start;
          const to = full.periods[high!]!.start;
          const part = mrrMovements(periods, { granularity, paidToFree: mode, from, to });
          const fullPlain = plainTable(full);
          expect(plainTable(part).periods).toEqual(fullPlain.periods.slice(low, high! + 1));
          expect(plainTable(part).customers).toEqual(
            fullPlain.customers.filter((line) => line.slice(0, 10) >= from && line.slice(0, 10) <= to),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('agrees with quarterly granularity on MRR and customers at quarter boundaries', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), paidToFree, (periods, mode) => {
        const quarterly = mrrMovements(periods, { granularity: 'quarter', paidToFree: mode });
        fc.pre(quarterly.periods.length > 0);
        const monthly = mrrMovements(periods, {
          paidToFree: mode,
          from: quarterly.periods[0]!.start,
          to: fromDayNumber(toDayNumber(quarterly.periods.at(-1)!.end) - 1),
        });
        expect(monthly.periods).toHaveLength(3 * quarterly.periods.length);
        quarterly.periods.forEach((quarter, index) => {
          const opening = monthly.periods[3 * index]!;
          const closing = monthly.periods[3 * index + 2]!;
          expect(opening.start).toBe(quarter.start);
          expect(opening.startingMrr.equals(quarter.startingMrr)).toBe(true);
          expect(closing.endingMrr.equals(quarter.endingMrr)).toBe(true);
          // Counts agree under 'churn' (paying on the snapshot day); under 'contraction' a customer's standing
          // depends on which snapshots saw it pay, so it can differ between granularities.
          if (mode === 'churn') {
            expect(opening.startingCustomers).toBe(quarter.startingCustomers);
            expect(closing.endingCustomers).toBe(quarter.endingCustomers);
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it('paidToFree only moves amounts between churn and contraction (and reactivation and expansion)', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), coarse, (periods, granularity) => {
        const churn = mrrMovements(periods, { granularity, paidToFree: 'churn' });
        const contraction = mrrMovements(periods, { granularity, paidToFree: 'contraction' });
        expect(contraction.periods).toHaveLength(churn.periods.length);
        churn.periods.forEach((a, index) => {
          const b = contraction.periods[index]!;
          expect(b.endingMrr.equals(a.endingMrr)).toBe(true);
          expect(b.newMrr.equals(a.newMrr)).toBe(true);
          expect(b.newCustomers).toBe(a.newCustomers);
          expect(b.churnedMrr.plus(b.contractionMrr).equals(a.churnedMrr.plus(a.contractionMrr))).toBe(true);
          expect(b.expansionMrr.plus(b.reactivationMrr).equals(a.expansionMrr.plus(a.reactivationMrr))).toBe(
            true,
          );
          expect(b.churnedMrr.lessThanOrEqualTo(a.churnedMrr)).toBe(true);
          expect(b.endingCustomers).toBeGreaterThanOrEqual(a.endingCustomers);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('reports every magnitude >= 0 and each drill-down amount as |current - previous| of its type', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), coarse, paidToFree, (periods, granularity, mode) => {
        const table = mrrMovements(periods, { granularity, paidToFree: mode });
        for (const row of table.periods) {
          for (const field of MONEY) expect(row[field].isNegative()).toBe(false);
          for (const field of COUNTS) expect(row[field]).toBeGreaterThanOrEqual(0);
        }
        for (const move of table.customers) {
          expect(move.amount.equals(move.currentMrr.minus(move.previousMrr).abs())).toBe(true);
          if (move.type === 'expansion') expect(move.currentMrr.greaterThan(move.previousMrr)).toBe(true);
          if (move.type === 'contraction') expect(move.currentMrr.lessThan(move.previousMrr)).toBe(true);
          if (move.type === 'new' || move.type === 'reactivation') {
            expect(move.previousMrr.isZero() && move.currentMrr.greaterThan(0)).toBe(true);
          }
          if (move.type === 'churn') expect(move.currentMrr.isZero()).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
