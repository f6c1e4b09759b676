import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/core/calendarDate.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { customerMrrSnapshots } from '../../src/revenue/internal/customerMrrSnapshots.js';
import {
  type NormalizedSubscriptionPeriod,
  normalizeSubscriptionPeriods,
} from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';
import { subscriptionPeriods } from '../arbitraries.js';

function snapshotStrings(periods: SubscriptionPeriod[], days: string[]): Record<string, string[]> {
  const result = customerMrrSnapshots(normalizeSubscriptionPeriods(periods), days.map(toDayNumber));
  return Object.fromEntries([...result].map(([id, values]) => [id, values.map(String)]));
}

// The slow oracle: for each customer and day, filter the rows active that day and add them up.
function oracle(rows: readonly NormalizedSubscriptionPeriod[], days: readonly number[]) {
  const customers = [...new Set(rows.map((row) => row.customerId))];
  return new Map(
    customers.map((customerId) => [
      customerId,
      days.map((day) =>
        rows
          .filter(
            (row) =>
              row.customerId === customerId &&
              row.startDay <= day &&
              (row.endDay === null || day < row.endDay),
          )
          .reduce((sum, row) => sum.plus(row.mrr), new Decimal(0))
          .toString(),
      ),
    ]),
  );
}

const sortedDays = fc
  .uniqueArray(fc.integer({ min: toDayNumber('2022-12-01'), max: toDayNumber('2026-01-01') }), {
    maxLength: 40,
  })
  .map((days) => days.sort((a, b) => a - b));

describe('customerMrrSnapshots', () => {
  it('sums the periods active on each day, end exclusive', () => {
    const periods = [
      { customerId: 'a', start: '2024-01-10', end: '2024-02-01', mrr: 10 },
      { customerId: 'a', start: '2024-01-20', mrr: '2.5' },
      { customerId: 'b', start: '2024-01-31', end: '2024-01-31', mrr: 99 },
      { customerId: 'b', start: '2024-01-31', end: '2024-02-01', mrr: 0 },
    ];
    // a on 01-09: nothing; 01-10: 10; 01-20: 10 + 2.5 = 12.5; 01-31: still 12.5; 02-01: the first period has
    // ended (exclusive), 2.5 is left. b's 99 lasts zero days, so it never counts; its free period is 0.
    expect(
      snapshotStrings(periods, ['2024-01-09', '2024-01-10', '2024-01-20', '2024-01-31', '2024-02-01']),
    ).toEqual({
      a: ['0', '10', '12.5', '12.5', '2.5'],
      b: ['0', '0', '0', '0', '0'],
    });
  });

  it('gives an empty map for no rows and empty lists for no days', () => {
    expect(snapshotStrings([], ['2024-01-01'])).toEqual({});
    expect(snapshotStrings([{ customerId: 'a', start: '2024-01-01', mrr: 1 }], [])).toEqual({ a: [] });
  });

  it('agrees with a day lookup over every active row, for any subscriptions and days', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), sortedDays, (periods, days) => {
        const rows = normalizeSubscriptionPeriods(periods);
        const fast = customerMrrSnapshots(rows, days);
        const slow = oracle(rows, days);
        expect(new Map([...fast].map(([id, values]) => [id, values.map(String)]))).toEqual(slow);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the rows, even for amounts past 40 significant digits', () => {
    // Summed in input order at 40 significant digits, 1000 + x + x would round to …888 but x + x + 1000 to …889;
    // the snapshot is the exact sum, with all its 44 digits, whatever the order.
    const x = '0.4444444444444444444444444444444444444444';
    const rows = [
      { customerId: 'a', start: '2024-01-01', mrr: '1000' },
      { customerId: 'a', start: '2024-01-01', mrr: x },
      { customerId: 'a', start: '2024-01-01', mrr: x },
    ];
    const day = [toDayNumber('2024-01-01')];
    const forward = customerMrrSnapshots(normalizeSubscriptionPeriods(rows), day).get('a')![0]!;
    const backward = customerMrrSnapshots(normalizeSubscriptionPeriods([...rows].reverse()), day).get(
      'a',
    )![0]!;
    expect(forward.toString()).toBe('1000.8888888888888888888888888888888888888888');
    expect(backward.toString()).toBe(forward.toString());
  });
});
