import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, type Granularity, mrrMovements, toDayNumber } from '../../src/index.js';
import { type CustomerMrrTimeline, customerMrrTimeline } from '../../src/revenue/customerMrrTimeline.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { errorOf } from '../support/errorOf.js';

describe('customerMrrTimeline: worked examples', () => {
  it('gives every customer a value at every snapshot, zeros included (hand-computed)', () => {
    // acme: 100 from Jan 1 to Mar 15, plus seats 20 from Feb 1 → Jan 31: 100, Feb 29: 120, Mar 31: 20.
    // globex: 50 from Feb 10 to Feb 20 → never active on a month's last day: 0, 0, 0 (still listed).
    const timeline = customerMrrTimeline([
      { customerId: 'globex', start: '2024-02-10', end: '2024-02-20', mrr: 50 },
      { customerId: 'acme', start: '2024-01-01', end: '2024-03-15', mrr: 100 },
      { customerId: 'acme', subscriptionId: 'seats', start: '2024-02-01', mrr: '20' },
    ]);
    expect(timeline.periods.map((period) => period.start)).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
    expect(timeline.customers.map((row) => [row.customerId, row.mrr.map(String)])).toEqual([
      ['acme', ['100', '120', '20']],
      ['globex', ['0', '0', '0']],
    ]);
  });

  it('takes a range, granularity and time zone like mrrMovements', () => {
    const rows = [{ customerId: 'a', start: new Date('2024-01-31T20:00:00Z'), mrr: 9 }];
    const tokyo = customerMrrTimeline(rows, { timeZone: 'Asia/Tokyo', from: '2024-01-01', to: '2024-03-01' });
    expect(tokyo.customers[0]!.mrr.map(String)).toEqual(['0', '9', '9']);
    const weeks = customerMrrTimeline(rows, { timeZone: 'UTC', granularity: 'week', to: '2024-02-12' });
    expect(weeks.periods.map((period) => period.start)).toEqual(['2024-01-29', '2024-02-05', '2024-02-12']);
    expect(customerMrrTimeline([])).toEqual({ periods: [], customers: [] });
    expect(customerMrrTimeline([], { from: '2024-01-01' }).periods).toHaveLength(1);
  });

  it('rejects bad rows and options with MetricInputError', () => {
    expect(
      errorOf(() => customerMrrTimeline([{ customerId: 'a', start: '2024-01-01', mrr: -1 }])).path,
    ).toEqual(['subscriptions', 0, 'mrr']);
    expect(errorOf(() => customerMrrTimeline([], { granularity: 'fortnight' as Granularity })).path).toEqual([
      'options',
      'granularity',
    ]);
    expect(errorOf(() => customerMrrTimeline([], { paidToFree: 'churn' } as never)).code).toBe(
      'unknown_field',
    );
  });

  it('promises Decimal money', () => {
    expectTypeOf<CustomerMrrTimeline['customers'][number]['mrr']>().toEqualTypeOf<Decimal[]>();
  });
});

describe('customerMrrTimeline: properties', () => {
  const granularities: Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

  it("sums to mrrMovements' ending MRR in every period, for any subscriptions", () => {
    fc.assert(
      fc.property(subscriptionPeriods(), fc.constantFrom(...granularities.slice(1)), (rows, granularity) => {
        const timeline = customerMrrTimeline(rows, { granularity });
        const movements = mrrMovements(rows, { granularity });
        expect(timeline.periods.map((period) => period.start)).toEqual(
          movements.periods.map((row) => row.start),
        );
        timeline.periods.forEach((_, position) => {
          const total = timeline.customers.reduce(
            (sum, row) => sum.plus(row.mrr[position]!),
            movements.periods[position]!.endingMrr.minus(movements.periods[position]!.endingMrr),
          );
          expect(total.toString()).toBe(movements.periods[position]!.endingMrr.toString());
        });
      }),
      { numRuns: 60 },
    );
  });

  it('matches a day-by-day oracle for every customer and snapshot', () => {
    fc.assert(
      fc.property(subscriptionPeriods(6), (rows) => {
        const timeline = customerMrrTimeline(rows);
        for (const { customerId, mrr } of timeline.customers) {
          timeline.periods.forEach((period, position) => {
            const day = toDayNumber(period.end) - 1;
            const expected = rows
              .filter(
                (row) =>
                  row.customerId === customerId &&
                  toDayNumber(row.start as string) <= day &&
                  (row.end == null || day < toDayNumber(row.end as string)),
              )
              .reduce((sum, row) => sum.plus(String(row.mrr)), mrr[position]!.minus(mrr[position]!));
            expect(mrr[position]!.toString()).toBe(expected.toString());
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
