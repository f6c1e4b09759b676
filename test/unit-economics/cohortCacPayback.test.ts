import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { cacPaybackMonths, cohortCacPayback } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('cohortCacPayback', () => {
  it('counts the periods until cumulative gross profit reaches the cost', () => {
    // 400, 380, 360, 350 × 0.8 = 320, 304, 288, 280; cumulative 320, 624, 912, 1192 ≥ 1000 in period 4
    expect(cohortCacPayback({ cac: 1000, mrrByPeriod: [400, 380, 360, 350], grossMargin: 0.8 })).toBe(4);
    // reaching the cost exactly counts: 500 + 500 = 1000 in period 2
    expect(cohortCacPayback({ cac: 1000, grossProfitByPeriod: [500, 500, 500] })).toBe(2);
    // a loss-making period delays payback: 600, 600 − 300 = 300, 300 + 800 = 1100 ≥ 1000 in period 3
    expect(cohortCacPayback({ cac: 1000, grossProfitByPeriod: [600, -300, 800] })).toBe(3);
  });

  it('is null when the data never reach the cost, and 0 when there is nothing to pay back', () => {
    expect(cohortCacPayback({ cac: 1000, grossProfitByPeriod: [300, 300] })).toBeNull();
    expect(cohortCacPayback({ cac: 1000, mrrByPeriod: [] })).toBeNull();
    expect(cohortCacPayback({ cac: 0, mrrByPeriod: [] })).toBe(0);
    expectTypeOf(cohortCacPayback).returns.toEqualTypeOf<number | null>();
  });

  it('with flat MRR is the Bessemer payback rounded up, for any inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 20, max: 100 }),
        (cac, mrr, marginPercent) => {
          const grossMargin = marginPercent / 100;
          const months = cacPaybackMonths({ cac, arpa: mrr, grossMargin })!;
          const horizon = Math.ceil(months.toNumber()) + 2;
          const series = new Array<number>(horizon).fill(mrr);
          expect(cohortCacPayback({ cac: cac, mrrByPeriod: series, grossMargin })).toBe(
            months.ceil().toNumber(),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is the first index of an independent running-total scan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: -500, max: 1000 }), { maxLength: 24 }),
        (cost, profits) => {
          let total = 0;
          let expected: number | null = cost === 0 ? 0 : null;
          for (let i = 0; i < profits.length && expected === null; i += 1) {
            total += profits[i]!;
            if (total >= cost) expected = i + 1;
          }
          expect(cohortCacPayback({ cac: cost, grossProfitByPeriod: profits })).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects bad input with a code and path', () => {
    expectInputError(() => cohortCacPayback({ cac: -1, mrrByPeriod: [1] }), 'negative_amount', ['cac']);
    expectInputError(() => cohortCacPayback({ cac: 1, mrrByPeriod: [1, -2] }), 'negative_amount', [
      'mrrByPeriod',
      1,
    ]);
    expectInputError(() => cohortCacPayback({ cac: 1, mrrByPeriod: [1], grossMargin: 2 }), 'out_of_range', [
      'grossMargin',
    ]);
    expectInputError(() => cohortCacPayback({ cac: 1 } as never), 'missing_field', ['grossProfitByPeriod']);
    expectInputError(
      () => cohortCacPayback({ cac: 1, mrrByPeriod: [1], grossProfitByPeriod: [1] } as never),
      'invalid_config',
      ['mrrByPeriod'],
    );
    expectInputError(
      () => cohortCacPayback({ cac: 1, grossProfitByPeriod: [1], grossMargin: 0.5 } as never),
      'invalid_config',
      ['grossMargin'],
    );
    expectInputError(() => cohortCacPayback({ cac: 1, mrrByPeriod: 'x' as never }), 'invalid_type', [
      'mrrByPeriod',
    ]);
    expectInputError(() => cohortCacPayback({ cac: 1, grossProfitByPeriod: [1, 'x'] }), 'invalid_number', [
      'grossProfitByPeriod',
      1,
    ]);
  });
});
