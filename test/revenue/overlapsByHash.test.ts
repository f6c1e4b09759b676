import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, MetricInputError } from '../../src/index.js';
import { idHash } from '../../src/revenue/internal/idIndex.js';
import { checkOverlapsByHash } from '../../src/revenue/internal/overlapsByHash.js';
import {
  assertNoOverlappingSubscriptions,
  numberIds,
  subscriptionColumns,
} from '../../src/revenue/internal/subscriptionColumns.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';

interface Period {
  readonly id: string | undefined;
  readonly start: number;
  readonly end: number;
}

function outcome(run: () => unknown): unknown {
  try {
    run();
    return 'passes';
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

// The check by subscription numbers, which the hash check must agree with (and call for its errors).
function exactCheck(periods: readonly Period[]): void {
  const { ids, numbers } = numberIds(periods.length, (row) => periods[row]!.id);
  const starts = Int32Array.from(periods, (period) => period.start);
  const ends = Int32Array.from(periods, (period) => period.end);
  assertNoOverlappingSubscriptions(numbers, ids, starts, ends, ['subscriptions'], 'rows');
}

function byHash(periods: readonly Period[], hashOf: (id: string) => number): { exactChecks: number } {
  const calls = { exactChecks: 0 };
  checkOverlapsByHash(
    // As the validator does: a row without an id, or covering no day (start = end), is left out (-1).
    Int32Array.from(periods, (period) =>
      period.id === undefined || period.start === period.end ? -1 : hashOf(period.id),
    ),
    Int32Array.from(periods, (period) => period.start),
    Int32Array.from(periods, (period) => period.end),
    (a, b) => periods[a]!.id === periods[b]!.id,
    () => {
      calls.exactChecks += 1;
      exactCheck(periods);
    },
  );
  return calls;
}

// Hashes from good to useless: the validator's, one that puts many ids together, and one for all.
const hashes: Record<string, (id: string) => number> = {
  fnv: (id) => idHash(id) & 0x7fff_ffff,
  length: (id) => id.length % 3,
  constant: () => 0,
};

// Few ids and few days, so overlaps, empty periods, equal starts and collisions are common.
const periods = fc.array(
  fc
    .record({
      id: fc.option(fc.constantFrom('a', 'b', 'c', 'dd', 'ee', ''), { nil: undefined, freq: 6 }),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 0, max: 12 }),
    })
    .map(({ id, start, length }) => ({ id, start, end: start + length })),
  { maxLength: 90 },
);

describe('checkOverlapsByHash', () => {
  it('passes and fails exactly as the check by subscription numbers, with its error, for any hash', () => {
    fc.assert(
      fc.property(periods, fc.constantFrom(...Object.keys(hashes)), (input, hash) => {
        expect(outcome(() => byHash(input, hashes[hash]!))).toEqual(outcome(() => exactCheck(input)));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with a slow oracle: some subscription has a period starting before its predecessor ends', () => {
    // Each subscription's periods covering at least one day, in (start, row) order; neighbours compared, as
    // documented. A zero-length period covers no day and overlaps nothing.
    const oracle = (input: readonly Period[]) =>
      [...new Set(input.map((period) => period.id))].some((id) => {
        const own = input
          .map((period, row) => ({ ...period, row }))
          .filter((period) => id !== undefined && period.id === id && period.start < period.end)
          .sort((a, b) => a.start - b.start || a.row - b.row);
        return own.some((period, index) => index > 0 && own[index - 1]!.end > period.start);
      });
    fc.assert(
      fc.property(periods, (input) => {
        expect(outcome(() => byHash(input, hashes.fnv!)) !== 'passes').toBe(oracle(input));
      }),
      { numRuns: 300 },
    );
  });

  it('compares ids only where hashes collide, and calls the exact check only for an overlap or a long run', () => {
    const clean: Period[] = Array.from({ length: 2000 }, (_, row) => ({
      id: `sub_${row % 400}`,
      start: 10 * Math.floor(row / 400),
      end: 10 * Math.floor(row / 400) + 10,
    })).reverse();
    let compared = 0;
    checkOverlapsByHash(
      Int32Array.from(clean, (period) => hashes.fnv!(period.id!)),
      Int32Array.from(clean, (period) => period.start),
      Int32Array.from(clean, (period) => period.end),
      () => {
        compared += 1;
        return false;
      },
      () => {
        throw new Error('no exact check without an overlap');
      },
    );
    expect(compared).toBe(0);
    // All ids under one hash: short runs are sorted out id by id, a run longer than 64 goes to the exact check.
    const short = clean.slice(0, 60);
    expect(byHash(short, hashes.constant!)).toEqual({ exactChecks: 0 });
    expect(byHash(clean, hashes.constant!)).toEqual({ exactChecks: 1 });
  });
});

describe('subscriptionColumns on subscriptionIds in no order', () => {
  const row = (subscriptionId: string | undefined, start: number, end: number): SubscriptionPeriod => ({
    customerId: `cus_${subscriptionId ?? 'none'}`,
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    start: fromDayNumber(19_000 + start),
    end: fromDayNumber(19_000 + end),
    mrr: 1,
  });

  it('rejects and accepts as the check by numbers, after an ascending prefix or none', () => {
    fc.assert(
      fc.property(periods, fc.nat({ max: 90 }), (input, prefix) => {
        // Ids ascending for a while (numbered as they come), then in no order (hashed from there on).
        const ordered = [
          ...input.slice(0, prefix).sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1)),
          ...input.slice(prefix),
        ];
        const rows = ordered.map((period) => row(period.id, period.start, period.end));
        expect(outcome(() => subscriptionColumns(rows))).toEqual(outcome(() => exactCheck(ordered)));
      }),
      { numRuns: 300 },
    );
  });

  it('reports an overlap among thousands of shuffled rows at the rows the exact check names', () => {
    const input: Period[] = [];
    for (let n = 0; n < 3000; n += 1) input.push({ id: `s${(n * 7919) % 997}`, start: n, end: n + 1 });
    input.push({ id: 's5', start: 100, end: 5000 });
    const rows = input.map((period) => row(period.id, period.start, period.end));
    const expected = outcome(() => exactCheck(input));
    expect(expected).toMatchObject({ code: 'overlapping_periods' });
    expect(outcome(() => subscriptionColumns(rows))).toEqual(expected);
    expect(outcome(() => subscriptionColumns(rows.slice(0, 3000)))).toBe('passes');
  });
});
