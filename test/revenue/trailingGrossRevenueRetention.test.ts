import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/core/calendarDate.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';
import { trailingGrossRevenueRetention } from '../../src/revenue/trailingGrossRevenueRetention.js';
import { trailingNetRevenueRetention } from '../../src/revenue/trailingNetRevenueRetention.js';
import { subscriptionPeriods } from '../arbitraries.js';

// asOf 2024-06-30, 12 months back is 2023-06-30. Paying then → now:
//   a 100 → 150 (expands), b 200 → 120 (contracts), c 100 → 0 (churns), g 80 → 80 (leaves and returns);
//   d is new since and not in the cohort.
const EXAMPLE: SubscriptionPeriod[] = [
  { customerId: 'a', subscriptionId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
  { customerId: 'a', subscriptionId: 'a', start: '2024-02-01', mrr: 150 },
  { customerId: 'b', subscriptionId: 'b', start: '2023-03-01', end: '2024-01-01', mrr: 200 },
  { customerId: 'b', subscriptionId: 'b', start: '2024-01-01', mrr: 120 },
  { customerId: 'c', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
  { customerId: 'g', subscriptionId: 'g1', start: '2023-01-01', end: '2023-10-01', mrr: 80 },
  { customerId: 'g', subscriptionId: 'g2', start: '2024-06-01', mrr: 80 },
  { customerId: 'd', start: '2023-07-01', mrr: 500 },
];

describe('trailingGrossRevenueRetention: worked examples', () => {
  it('caps each customer at its starting MRR', () => {
    // min(150, 100) + min(120, 200) + min(0, 100) + min(80, 80) = 100 + 120 + 0 + 80 = 300; 300 / 480 = 0.625.
    // Net for comparison: (150 + 120 + 0 + 80) / 480 = 350 / 480.
    const gross = trailingGrossRevenueRetention(EXAMPLE, { asOf: '2024-06-30' });
    expect(JSON.parse(JSON.stringify(gross))).toEqual({
      value: '0.625',
      start: '2023-06-30',
      asOf: '2024-06-30',
      startingMrr: '480',
      endingMrr: '300',
      startingCustomers: 4,
      retainedCustomers: 3,
    });
    expect(trailingNetRevenueRetention(EXAMPLE, { asOf: '2024-06-30' }).endingMrr.toString()).toBe('350');
  });

  it('is 1 for a cohort that only expands, and null for an empty one', () => {
    // 6 months before 2024-06-30 is 2023-12-30: a 100, b 200, d 500; now a 150, b 120, d 500.
    // min: 100 + 120 + 500 = 720 over 800 = 0.9.
    expect(trailingGrossRevenueRetention(EXAMPLE, { asOf: '2024-06-30', months: 6 }).value!.toString()).toBe(
      '0.9',
    );
    // 2023-05-15: 10; 2023-06-15: 10 + 5 = 15, capped at 10: 10 / 10 = 1 (net would be 1.5).
    const growing = [
      { customerId: 'x', start: '2023-01-01', mrr: 10 },
      { customerId: 'x', start: '2023-06-01', mrr: 5 },
    ];
    expect(trailingGrossRevenueRetention(growing, { asOf: '2023-06-15', months: 1 }).value!.toString()).toBe(
      '1',
    );
    expect(trailingGrossRevenueRetention(EXAMPLE, { asOf: '2022-12-31' }).value).toBeNull();
  });

  it('promises Decimal | null', () => {
    expectTypeOf(trailingGrossRevenueRetention)
      .returns.toHaveProperty('value')
      .toEqualTypeOf<Decimal | null>();
  });
});

// The slow oracle: each customer's MRR by a plain lookup over its rows, capped, Decimal sums.
function grossOracle(periods: SubscriptionPeriod[], start: string, asOf: string): string | null {
  const rows = normalizeSubscriptionPeriods(periods);
  const mrrOn = (customerId: string, day: number) =>
    rows
      .filter(
        (row) =>
          row.customerId === customerId && row.startDay <= day && (row.endDay === null || day < row.endDay),
      )
      .reduce((sum, row) => sum.plus(row.mrr), new Decimal(0));
  let starting = new Decimal(0);
  let kept = new Decimal(0);
  for (const customerId of new Set(rows.map((row) => row.customerId))) {
    const then = mrrOn(customerId, toDayNumber(start));
    if (then.isZero()) continue;
    starting = starting.plus(then);
    kept = kept.plus(Decimal.min(then, mrrOn(customerId, toDayNumber(asOf))));
  }
  return starting.isZero() ? null : kept.dividedBy(starting).toString();
}

const asOfDay = fc
  .integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2026-03-31') })
  .map(fromDayNumber);
const months = fc.integer({ min: 1, max: 30 });

describe('trailingGrossRevenueRetention: properties', () => {
  it('agrees with a slow capped day-lookup oracle, for any subscriptions, asOf and months', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), asOfDay, months, (periods, asOf, m) => {
        const result = trailingGrossRevenueRetention(periods, { asOf, months: m });
        expect(result.value === null ? null : result.value.toString()).toBe(
          grossOracle(periods, result.start, asOf),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('stays in [0, 1] and at most net retention, with the same cohort, both null together', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), asOfDay, months, (periods, asOf, m) => {
        const net = trailingNetRevenueRetention(periods, { asOf, months: m });
        const gross = trailingGrossRevenueRetention(periods, { asOf, months: m });
        expect(gross.value === null).toBe(net.value === null);
        expect(gross.startingMrr.equals(net.startingMrr)).toBe(true);
        expect(gross.startingCustomers).toBe(net.startingCustomers);
        expect(gross.retainedCustomers).toBe(net.retainedCustomers);
        expect(gross.retainedCustomers).toBeLessThanOrEqual(gross.startingCustomers);
        if (gross.value !== null && net.value !== null) {
          expect(gross.value.isNegative()).toBe(false);
          expect(gross.value.lessThanOrEqualTo(1)).toBe(true);
          expect(gross.value.lessThanOrEqualTo(net.value)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
