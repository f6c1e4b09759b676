import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionToMonths } from '../../src/core/apportionToMonths.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { normalizeToMrr } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const sum = (values: readonly Decimal[]) =>
  values.reduce((total, value) => total.plus(value), new Decimal(0));

describe('apportionToMonths: worked examples', () => {
  it('splits 1990 a year into cents that sum to 1990 (hand-computed)', () => {
    // 199 000 cents / 12 = 16 583 rest 4: four months of 165.84, eight of 165.83 → 663.36 + 1326.64 = 1990.
    const months = apportionToMonths({ amount: 1990, interval: 'year' });
    expect(months.map(String)).toEqual([...Array(4).fill('165.84'), ...Array(8).fill('165.83')]);
    expect(sum(months).toString()).toBe('1990');
    // The docs' old claim, measured: twelve normalizeToMrr values do NOT sum back exactly.
    const twelve = sum(Array(12).fill(normalizeToMrr({ amount: 1990, interval: 'year' })));
    expect(twelve.toString()).toBe('1989.999999999999999999999999999999999998');
  });

  it('handles quarters, multi-month cycles, yen and zero', () => {
    expect(apportionToMonths({ amount: '100', interval: 'quarter' }).map(String)).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
    expect(apportionToMonths({ amount: 50, interval: 'month', intervalCount: 2 }).map(String)).toEqual([
      '25',
      '25',
    ]);
    expect(apportionToMonths({ amount: 10_000, interval: 'year', decimals: 0 }).map(String)).toEqual([
      ...Array(4).fill('834'),
      ...Array(8).fill('833'),
    ]);
    expect(apportionToMonths({ amount: 0, interval: 'year' }).map(String)).toEqual(Array(12).fill('0'));
  });

  it('rejects what cannot be split exactly into months', () => {
    expect(errorOf(() => apportionToMonths({ amount: '10.005', interval: 'year' }))).toMatchObject({
      code: 'invalid_value',
      path: ['amount'],
    });
    expect(errorOf(() => apportionToMonths({ amount: 7, interval: 'week' as 'month' })).path).toEqual([
      'interval',
    ]);
    expect(errorOf(() => apportionToMonths({ amount: -1, interval: 'year' })).path).toEqual(['amount']);
    expect(errorOf(() => apportionToMonths({ amount: 1, interval: 'year', intervalCount: 0 })).path).toEqual([
      'intervalCount',
    ]);
    expect(errorOf(() => apportionToMonths({ amount: 1, interval: 'year', decimals: 2.5 })).path).toEqual([
      'decimals',
    ]);
  });
});

describe('apportionToMonths: properties', () => {
  const input = fc.record({
    cents: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    interval: fc.constantFrom<'month' | 'quarter' | 'year'>('month', 'quarter', 'year'),
    intervalCount: fc.integer({ min: 1, max: 36 }),
  });

  it('sums exactly to the price, in whole cents, each within a cent of normalizeToMrr, for any price', () => {
    fc.assert(
      fc.property(input, ({ cents, interval, intervalCount }) => {
        const amount = new Decimal(cents.toString()).div(100);
        const months = apportionToMonths({ amount, interval, intervalCount });
        expect(months).toHaveLength({ month: 1, quarter: 3, year: 12 }[interval] * intervalCount);
        expect(sum(months).eq(amount)).toBe(true);
        const mrr = normalizeToMrr({ amount, interval, intervalCount });
        for (const month of months) {
          expect(month.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(month.minus(mrr).abs().lt('0.01')).toBe(true);
        }
        // Largest remainder: never increasing, at most one cent apart.
        expect(months[0]!.minus(months[months.length - 1]!).lte('0.01')).toBe(true);
        expect(months.slice(1).every((month, index) => month.lte(months[index]!))).toBe(true);
      }),
    );
  });
});
