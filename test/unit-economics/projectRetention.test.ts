import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRetention, sbgChurnProbability, sbgSurvival } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('projectRetention', () => {
  it('projects survivors, losses, retention and revenue by hand for α = β = 1', () => {
    // S(t) = 1 / (t + 1): 1200, 600, 400, 300 alive; lost 600, 200, 100; r_t = t / (t + 1); revenue × 10
    const rows = projectRetention(
      { alpha: 1, beta: 1 },
      { periodCount: 3, startingCustomers: 1200, revenuePerCustomer: 10 },
    );
    expect(rows.map((row) => row.period)).toEqual([0, 1, 2, 3]);
    expect(rows.map((row) => Math.round(row.expectedCustomers * 1e9) / 1e9)).toEqual([1200, 600, 400, 300]);
    expect(rows.map((row) => Math.round(row.expectedLost * 1e9) / 1e9)).toEqual([0, 600, 200, 100]);
    expect(rows.map((row) => row.retentionRate)).toEqual([null, 0.5, 2 / 3, 0.75]);
    expect(rows[1]!.revenue!.toString()).toBe('6000');
  });

  it('has no revenue without a price, and one row for zero periods', () => {
    const rows = projectRetention({ alpha: 2, beta: 5 }, { periodCount: 0, startingCustomers: 10 });
    expect(rows).toEqual([
      { period: 0, survival: 1, expectedCustomers: 10, expectedLost: 0, retentionRate: null },
    ]);
  });

  it('matches the sBG closed forms, and survivors plus cumulative losses give the cohort size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        (alpha, beta, n) => {
          const rows = projectRetention(
            { alpha, beta },
            { periodCount: 24, startingCustomers: n, revenuePerCustomer: 50 },
          );
          let lost = 0;
          for (const row of rows) {
            lost += row.expectedLost;
            expect(Math.abs(row.survival - sbgSurvival({ alpha, beta }, row.period))).toBeLessThan(1e-12);
            if (row.period > 0) {
              const p = sbgChurnProbability({ alpha, beta }, row.period);
              expect(Math.abs(row.expectedLost - n * p)).toBeLessThan(1e-9 * n);
            }
            expect(Math.abs(row.expectedCustomers + lost - n)).toBeLessThan(1e-9 * n);
            expect(Math.abs(row.revenue!.toNumber() - 50 * row.expectedCustomers)).toBeLessThan(1e-6 * n);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects bad input with a code and path', () => {
    const params = { alpha: 1, beta: 1 };
    expectInputError(
      () => projectRetention(params, { periodCount: -1, startingCustomers: 1 }),
      'out_of_range',
      ['options', 'periodCount'],
    );
    expectInputError(
      () => projectRetention(params, { periodCount: 1, startingCustomers: 1.5 }),
      'not_integer',
      ['options', 'startingCustomers'],
    );
    expectInputError(
      () => projectRetention(params, { periodCount: 1, startingCustomers: 1, revenuePerCustomer: -1 }),
      'negative_amount',
      ['options', 'revenuePerCustomer'],
    );
    expectInputError(
      () => projectRetention({ alpha: 1, beta: 0 }, { periodCount: 1, startingCustomers: 1 }),
      'not_positive',
      ['params', 'beta'],
    );
  });
});
