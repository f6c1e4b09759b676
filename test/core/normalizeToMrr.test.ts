import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BillingInterval, MetricInputError, normalizeToMrr, toDecimal } from '../../src/index.js';

const intervals: BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];
const cents = fc.integer({ min: 0, max: 10_000_000_00 }).map((value) => (value / 100).toFixed(2));

describe('normalizeToMrr', () => {
  it('follows the stated conventions (hand-computed)', () => {
    // 2000 / 12 = 166.666…
    expect(normalizeToMrr({ amount: 2000, interval: 'year' }).toFixed(6)).toBe('166.666667');
    // 90 every 3 months = 30 a month
    expect(normalizeToMrr({ amount: 90, interval: 'month', intervalCount: 3 }).toString()).toBe('30');
    // 300 a quarter = 100 a month
    expect(normalizeToMrr({ amount: '300', interval: 'quarter' }).toString()).toBe('100');
    // 12 a week × 52 / 12 = 52
    expect(normalizeToMrr({ amount: 12, interval: 'week' }).toString()).toBe('52');
    // 12 a day × 365 / 12 = 365
    expect(normalizeToMrr({ amount: 12, interval: 'day' }).toString()).toBe('365');
    // 2400 every 2 years = 100 a month
    expect(normalizeToMrr({ amount: 2400, interval: 'year', intervalCount: 2 }).toString()).toBe('100');
  });

  it('rejects bad input with the field name', () => {
    expect(() => normalizeToMrr({ amount: -1, interval: 'month' })).toThrow(/amount must be a number >= 0/);
    expect(() => normalizeToMrr({ amount: 1, interval: 'fortnight' as BillingInterval })).toThrow(
      /interval must be one of/,
    );
    for (const intervalCount of [0, 1.5, -2, Number.NaN]) {
      expect(() => normalizeToMrr({ amount: 1, interval: 'month', intervalCount })).toThrow(MetricInputError);
    }
    expect(() => normalizeToMrr(undefined as never)).toThrow('input must be an object, received undefined');
  });

  it('is linear in the amount, for any interval', () => {
    fc.assert(
      fc.property(
        cents,
        cents,
        fc.constantFrom(...intervals),
        fc.integer({ min: 1, max: 36 }),
        (a, b, interval, intervalCount) => {
          const sum = normalizeToMrr({ amount: toDecimal(a).plus(b), interval, intervalCount });
          const parts = normalizeToMrr({ amount: a, interval, intervalCount }).plus(
            normalizeToMrr({ amount: b, interval, intervalCount }),
          );
          expect(sum.minus(parts).abs().lessThan('1e-30')).toBe(true);
        },
      ),
    );
  });

  it('twelve monthly MRRs of a yearly price sum back to the price, to the cent and far beyond', () => {
    fc.assert(
      fc.property(cents, (price) => {
        const monthly = normalizeToMrr({ amount: price, interval: 'year' });
        let total = toDecimal(0);
        for (let month = 0; month < 12; month += 1) total = total.plus(monthly);
        expect(total.toDecimalPlaces(20).equals(price)).toBe(true);
      }),
    );
  });

  it('a price every n intervals is 1/n of the price every interval', () => {
    fc.assert(
      fc.property(
        cents,
        fc.constantFrom(...intervals),
        fc.integer({ min: 1, max: 60 }),
        (price, interval, n) => {
          const every = normalizeToMrr({ amount: price, interval });
          const everyN = normalizeToMrr({ amount: price, interval, intervalCount: n });
          expect(everyN.times(n).minus(every).abs().lessThan('1e-30')).toBe(true);
        },
      ),
    );
  });
});
