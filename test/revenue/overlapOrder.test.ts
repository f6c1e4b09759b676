import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, MetricInputError, mrrMovements, type SubscriptionPeriod } from '../../src/index.js';

// A zero-length period (start = end) covers no day, so it overlaps nothing: the verdict of the overlap check
// (same subscriptionId over overlapping dates) is a property of the set of rows, not of their order.

function verdict(run: () => unknown): 'ok' | 'overlap' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof MetricInputError && error.code === 'overlapping_periods') return 'overlap';
    throw error;
  }
}

/** The oracle: two rows of one subscription whose day sets [start, end) intersect. */
function overlaps(rows: readonly { id: string; start: number; end: number }[]): boolean {
  for (let a = 0; a < rows.length; a += 1)
    for (let b = a + 1; b < rows.length; b += 1) {
      const x = rows[a]!;
      const y = rows[b]!;
      if (x.id === y.id && Math.max(x.start, y.start) < Math.min(x.end, y.end)) return true;
    }
  return false;
}

const BASE = 19_723; // 2024-01-01

const periods = fc.array(
  fc.record({
    id: fc.constantFrom('s1', 's2', 's3'),
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  }),
  { minLength: 1, maxLength: 12 },
);

const asRows = (list: readonly { id: string; start: number; length: number }[]): SubscriptionPeriod[] =>
  list.map((period) => ({
    customerId: 'c',
    subscriptionId: period.id,
    start: fromDayNumber(BASE + period.start),
    end: fromDayNumber(BASE + period.start + period.length),
    mrr: 10,
  }));

const asColumns = (list: readonly { id: string; start: number; length: number }[]) => ({
  customerId: list.map(() => 'c'),
  subscriptionId: list.map((period) => period.id),
  start: Int32Array.from(list, (period) => BASE + period.start),
  end: Float64Array.from(list, (period) => BASE + period.start + period.length),
  mrr: { minorUnits: Int32Array.from(list, () => 1000), scale: 2 },
});

describe('the overlap check and zero-length periods', () => {
  it('a zero-length period on the first day of another of the same subscription is no overlap, in either order', () => {
    const long = { customerId: 'c', subscriptionId: 's', start: '2024-01-01', end: '2024-02-01', mrr: 10 };
    const empty = { customerId: 'c', subscriptionId: 's', start: '2024-01-01', end: '2024-01-01', mrr: 10 };
    expect(verdict(() => mrrMovements([empty, long]))).toBe('ok');
    expect(verdict(() => mrrMovements([long, empty]))).toBe('ok');
  });

  it('a zero-length period inside another is no overlap, and does not hide or invent one between its neighbours', () => {
    const row = (start: string, end: string) => ({
      customerId: 'c',
      subscriptionId: 's',
      start,
      end,
      mrr: 10,
    });
    expect(
      verdict(() =>
        mrrMovements([
          row('2024-01-01', '2024-01-20'),
          row('2024-01-10', '2024-01-10'),
          row('2024-01-20', '2024-02-01'),
        ]),
      ),
    ).toBe('ok');
    expect(
      verdict(() =>
        mrrMovements([
          row('2024-01-01', '2024-01-20'),
          row('2024-01-05', '2024-01-05'),
          row('2024-01-19', '2024-02-01'),
        ]),
      ),
    ).toBe('overlap');
  });

  it('the verdict is the oracle’s and invariant under shuffling the rows, for rows and columns, ids in or out of order', () => {
    fc.assert(
      fc.property(
        periods.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const expected = overlaps(list.map((p) => ({ id: p.id, start: p.start, end: p.start + p.length })))
            ? 'overlap'
            : 'ok';
          for (const order of [list, shuffled]) {
            expect(verdict(() => mrrMovements(asRows(order), { detail: 'summary' }))).toBe(expected);
            expect(verdict(() => mrrMovements(asColumns(order), { detail: 'summary' }))).toBe(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
