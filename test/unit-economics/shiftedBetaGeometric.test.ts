import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { sbgChurnProbability, sbgExpectedLifetime, sbgRetentionRate, sbgSurvival } from '../../src/index.js';
import { expectInputError } from './helpers.js';

const shape = fc.double({ min: 0.05, max: 20, noNaN: true });

describe('sBG closed forms', () => {
  it('match hand-computed values for α = 1, β = 1 (θ uniform)', () => {
    // S(t) = 1 / (t + 1): S(1) = 1/2, S(3) = 1/4. P(T=1) = 1/2, P(T=2) = 1/2 × 1/3 = 1/6 = S(1) − S(2)
    expect(sbgSurvival({ alpha: 1, beta: 1 }, 0)).toBe(1);
    expect(sbgSurvival({ alpha: 1, beta: 1 }, 3)).toBeCloseTo(0.25, 15);
    expect(sbgChurnProbability({ alpha: 1, beta: 1 }, 2)).toBeCloseTo(1 / 6, 15);
    // r_t = t / (t + 1): r_1 = 1/2, r_4 = 4/5
    expect(sbgRetentionRate({ alpha: 1, beta: 1 }, 4)).toBeCloseTo(0.8, 15);
    // E[T] = (α + β − 1) / (α − 1) = (2 + 3 − 1) / 1 = 4
    expect(sbgExpectedLifetime({ alpha: 2, beta: 3 })).toBe(4);
    expect(sbgExpectedLifetime({ alpha: 1, beta: 3 })).toBeNull();
    expectTypeOf(sbgExpectedLifetime).returns.toEqualTypeOf<number | null>();
  });

  it('survival equals the beta-function ratio B(α, β + t) / B(α, β) (scipy.special.betaln)', () => {
    // python3: exp(betaln(0.704, 1.182 + 7) − betaln(0.704, 1.182)) = 0.23903… (scipy 1.17); here the same
    // value from the Gamma-function product Π (β + k) / (α + β + k), written out independently:
    const direct = [0, 1, 2, 3, 4, 5, 6].reduce((s, k) => (s * (1.182 + k)) / (0.704 + 1.182 + k), 1);
    expect(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 7)).toBeCloseTo(direct, 14);
  });

  it('survival is non-increasing in t and stays in (0, 1]', () => {
    fc.assert(
      fc.property(shape, shape, fc.integer({ min: 0, max: 200 }), (alpha, beta, t) => {
        const now = sbgSurvival({ alpha, beta }, t);
        const next = sbgSurvival({ alpha, beta }, t + 1);
        expect(now).toBeGreaterThan(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(next).toBeLessThanOrEqual(now);
      }),
      { numRuns: 150 },
    );
  });

  it('retention rate increases with t and equals S(t) / S(t − 1)', () => {
    fc.assert(
      fc.property(shape, shape, fc.integer({ min: 1, max: 100 }), (alpha, beta, t) => {
        const r = sbgRetentionRate({ alpha, beta }, t);
        expect(sbgRetentionRate({ alpha, beta }, t + 1)).toBeGreaterThan(r);
        const ratio = sbgSurvival({ alpha, beta }, t) / sbgSurvival({ alpha, beta }, t - 1);
        expect(Math.abs(ratio - r)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('P(T = 1) + … + P(T = n) + S(n) = 1, and P(T = t) = S(t − 1) − S(t)', () => {
    fc.assert(
      fc.property(shape, shape, fc.integer({ min: 1, max: 60 }), (alpha, beta, n) => {
        let total = sbgSurvival({ alpha, beta }, n);
        for (let t = 1; t <= n; t += 1) {
          const p = sbgChurnProbability({ alpha, beta }, t);
          total += p;
          const difference = sbgSurvival({ alpha, beta }, t - 1) - sbgSurvival({ alpha, beta }, t);
          expect(Math.abs(p - difference)).toBeLessThan(1e-12);
        }
        expect(Math.abs(total - 1)).toBeLessThan(1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('expected lifetime equals a long direct sum of S(t) when α > 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 10, noNaN: true }), shape, (alpha, beta) => {
        let sum = 0;
        let s = 1;
        // the tail after t terms is O(t^(1 − α)); α >= 2 and 200 000 terms leave < 1e-4 relative
        for (let t = 0; t < 200_000; t += 1) {
          sum += s;
          s *= (beta + t) / (alpha + beta + t);
        }
        const expected = sbgExpectedLifetime({ alpha, beta })!;
        expect(Math.abs(sum - expected) / expected).toBeLessThan(1e-4);
      }),
      { numRuns: 10 },
    );
  });

  it('rejects bad parameters and periods with a code and path', () => {
    expectInputError(() => sbgSurvival({ alpha: 0, beta: 1 }, 1), 'not_positive', ['params', 'alpha']);
    expectInputError(() => sbgSurvival({ alpha: 1, beta: -1 }, 1), 'not_positive', ['params', 'beta']);
    expectInputError(() => sbgSurvival({ alpha: '1e400', beta: 1 }, 1), 'out_of_range', ['params', 'alpha']);
    expectInputError(() => sbgSurvival({ alpha: 1, beta: 1 }, 1.5), 'not_integer', ['t']);
    expectInputError(() => sbgSurvival({ alpha: 1, beta: 1 }, -1), 'out_of_range', ['t']);
    expectInputError(() => sbgChurnProbability({ alpha: 1, beta: 1 }, 0), 'out_of_range', ['t']);
    expectInputError(() => sbgRetentionRate({ alpha: 1, beta: 1 }, 0), 'out_of_range', ['t']);
    expectInputError(() => sbgExpectedLifetime(null as never), 'invalid_type', ['params']);
  });
});
