import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  customerMrrTimeline,
  MetricInputError,
  mrrMovements,
  trailingGrossRevenueRetention,
  trailingNetRevenueRetention,
} from '../../src/index.js';

// 44 significant digits: a 40-digit sum would round each value, and the total, at the 40th digit.
const THIRD = '1000000.3333333333333333333333333333333333333';
const TWO_THIRDS = '2000000.6666666666666666666666666666666666666';

describe('sums of money over customers are exact (docs/core.md, "Limits and exactness")', () => {
  const rows = ['a', 'b', 'c'].map((customerId) => ({ customerId, start: '2024-01-10', mrr: THIRD }));

  it('cohortRetention sums the cohort MRR exactly', () => {
    const result = cohortRetention(rows, { from: '2024-01-01', to: '2024-02-01' });
    const cohort = result.cohorts[0]!;
    expect(cohort.startingMrr.toFixed()).toBe('3000000.9999999999999999999999999999999999999');
    expect(cohort.cells.map((cell) => cell.mrr.toFixed())).toEqual([
      '3000000.9999999999999999999999999999999999999',
      '3000000.9999999999999999999999999999999999999',
    ]);
  });

  it("cohortRetention keeps each customer's summed MRR exact", () => {
    const twoRows = [
      { customerId: 'a', subscriptionId: 's1', start: '2024-01-10', mrr: THIRD },
      { customerId: 'a', subscriptionId: 's2', start: '2024-01-10', mrr: THIRD },
    ];
    const result = cohortRetention(twoRows, { from: '2024-01-01', to: '2024-01-01' });
    expect(result.cohorts[0]!.startingMrr.toFixed()).toBe(TWO_THIRDS);
    const timeline = customerMrrTimeline(twoRows, { from: '2024-01-01', to: '2024-01-01' });
    expect(JSON.stringify(timeline)).toContain(`"${TWO_THIRDS}"`);
  });

  it('trailing net and gross revenue retention sum starting and ending MRR exactly', () => {
    const options = { asOf: '2024-06-30', months: 3 };
    for (const retention of [trailingNetRevenueRetention, trailingGrossRevenueRetention]) {
      const result = retention(rows, options);
      expect(result.startingMrr.toFixed()).toBe('3000000.9999999999999999999999999999999999999');
      expect(result.endingMrr.toFixed()).toBe('3000000.9999999999999999999999999999999999999');
      expect(result.value?.toFixed()).toBe('1');
    }
  });
});

describe('minor-units columns are held to the input limits (below 10^21 in major units)', () => {
  const columns = (minorUnits: ArrayLike<number | bigint>, scale: number) => ({
    customerId: ['a', 'b'],
    start: ['2024-01-01', '2024-01-01'],
    mrr: { minorUnits, scale },
  });

  it('accepts the largest value below the limit', () => {
    const largest = 10n ** 23n - 1n; // 999999999999999999999.99
    const table = mrrMovements(columns([1n, largest], 2) as never, { from: '2024-01-01', to: '2024-01-01' });
    expect(table.periods[0]!.endingMrr.toFixed()).toBe('1000000000000000000000');
  });

  it.each([
    ['a bigint of 10^21 major units', [1n, 10n ** 23n], 2],
    ['a bigint of exactly 10^21 at scale 0', [1n, 10n ** 21n], 0],
    ['a bigint past the limit at the largest scale', [1n, 10n ** 59n], 38],
    ['a number of 10^21 minor units at scale 0', [1, 1e21], 0],
    ['a huge integral number', [1, 1e300], 2],
  ] as const)('refuses %s as out_of_range naming the column and row', (_, minorUnits, scale) => {
    let error: unknown;
    try {
      mrrMovements(columns(minorUnits as ArrayLike<number | bigint>, scale) as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'out_of_range', path: ['subscriptions', 'mrr', 1] });
    expect((error as MetricInputError).expected).toContain('10^21');
  });
});

describe('conversions at the period-start rate are exact', () => {
  it('mrrMovements and cohortRetention convert amount × rate without rounding', () => {
    const rows = [{ customerId: 'a', start: '2024-01-10', mrr: THIRD, currency: 'EUR' }];
    const currency = { reporting: 'USD', rates: [{ currency: 'EUR', date: '2024-01-01', rate: '3' }] };
    const movements = mrrMovements(rows, { from: '2024-01-01', to: '2024-01-01', currency });
    expect(movements.periods[0]!.endingMrr.toFixed()).toBe('3000000.9999999999999999999999999999999999999');
    const cohorts = cohortRetention(rows, { from: '2024-01-01', to: '2024-01-01', currency });
    expect(cohorts.cohorts[0]!.startingMrr.toFixed()).toBe('3000000.9999999999999999999999999999999999999');
  });
});
