import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_SBG_DISCOUNT_RATE,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgExpectedLifetime,
  sbgSurvival,
} from '../../src/index.js';
import { expectInputError } from './helpers.js';

// An independent oracle: Σ_{t≥n} S(t) / S(n − 1) / (1 + d)^(t − n), summed directly to a long horizon.
function directSum(alpha: number, beta: number, d: number, renewals: number, horizon: number): number {
  const n = renewals + 1;
  const base = sbgSurvival({ alpha, beta }, n - 1);
  let survival = base;
  let total = 0;
  for (let t = n - 1; t < n + horizon; t += 1) {
    survival *= (beta + t) / (alpha + beta + t);
    total += survival / base / (1 + d) ** (t - n + 1);
  }
  return total;
}

describe('sbgDiscountedExpectedLifetime and sbgDiscountedExpectedResidualLifetime', () => {
  it('DEL of α = β = 1 is −ln(1 − z) / z (the ₂F₁(1, 1; 2; z) closed form)', () => {
    // d = 1: z = 1/2, DEL = 2 ln 2 = 1.3862943611198906
    expect(sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: 1 })).toBeCloseTo(
      2 * Math.LN2,
      14,
    );
  });

  it('match scipy.special.hyp2f1 for the Fader–Hardie parameters', () => {
    // python3, scipy 1.17: hyp2f1(1, b, a + b, 1 / (1 + d)) and (b + n − 1) / (a + b + n − 1) ×
    // hyp2f1(1, b + n, a + b + n, 1 / (1 + d)), computed for this test.
    const cases: [number, number, number, number, Record<number, number>][] = [
      [
        0.704,
        1.182,
        0.1,
        3.6951474055745748,
        { 1: 2.9646621461320284, 5: 5.894422859844158, 11: 7.4600610790880015 },
      ],
      [
        0.668,
        3.806,
        0.1,
        5.922596407612753,
        { 1: 5.414856048374033, 5: 6.89705739774609, 11: 7.977794721947969 },
      ],
      [
        2.5,
        4,
        0.01,
        3.4643071709553763,
        { 1: 2.4889502426649424, 5: 4.761463360151223, 11: 7.863492855571718 },
      ],
      [
        0.3,
        0.5,
        0.05,
        7.403149354881915,
        { 1: 6.723306822626, 5: 13.651510175425125, 11: 16.012629372708616 },
      ],
    ];
    for (const [alpha, beta, discountRate, del, derl] of cases) {
      const ours = sbgDiscountedExpectedLifetime({ alpha, beta }, { discountRate })!;
      expect(Math.abs(ours - del) / del).toBeLessThan(1e-12);
      for (const [n, value] of Object.entries(derl)) {
        const residual = sbgDiscountedExpectedResidualLifetime(
          { alpha, beta },
          { discountRate, renewals: Number(n) - 1 },
        )!;
        expect(Math.abs(residual - value) / value).toBeLessThan(1e-12);
      }
    }
  });

  it('use the closed forms at d = 0, and null when the mean lifetime is infinite', () => {
    // DEL(0) = (α + β − 1) / (α − 1) = 4 for α = 2, β = 3; DERL(0, n = 5) = (β + n − 1) / (α − 1) = 7
    expect(sbgDiscountedExpectedLifetime({ alpha: 2, beta: 3 }, { discountRate: 0 })).toBe(4);
    expect(
      sbgDiscountedExpectedResidualLifetime({ alpha: 2, beta: 3 }, { discountRate: 0, renewals: 4 }),
    ).toBe(7);
    expect(sbgDiscountedExpectedLifetime({ alpha: 0.7, beta: 3 }, { discountRate: 0 })).toBeNull();
    expect(
      sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 3 }, { discountRate: 0, renewals: 0 }),
    ).toBeNull();
  });

  it('agree with a direct long sum of discounted survival, for any parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: 2, max: 30 }).map((p) => p / 100),
        fc.integer({ min: 0, max: 20 }),
        (alpha, beta, d, renewals) => {
          // every term ratio is below 1 / (1 + d) <= 1 / 1.02, so 3000 terms leave < 1e-25 of the total
          const oracle = directSum(alpha, beta, d, renewals, 3000);
          const derl = sbgDiscountedExpectedResidualLifetime({ alpha, beta }, { discountRate: d, renewals })!;
          expect(Math.abs(derl - oracle) / oracle).toBeLessThan(1e-11);
          if (renewals === 0) {
            const del = sbgDiscountedExpectedLifetime({ alpha, beta }, { discountRate: d })!;
            // DEL(d) = 1 + DERL(d, n = 1) / (1 + d)
            expect(Math.abs(del - (1 + derl / (1 + d))) / del).toBeLessThan(1e-12);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('DEL falls with d, stays below the undiscounted lifetime, and DERL rises with renewals', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.2, max: 8, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.integer({ min: 1, max: 30 }).map((p) => p / 100),
        fc.integer({ min: 0, max: 30 }),
        (alpha, beta, d, renewals) => {
          const params = { alpha, beta };
          const del = sbgDiscountedExpectedLifetime(params, { discountRate: d })!;
          expect(del).toBeLessThan(sbgExpectedLifetime(params)!);
          expect(sbgDiscountedExpectedLifetime(params, { discountRate: d + 0.01 })!).toBeLessThan(del);
          const now = sbgDiscountedExpectedResidualLifetime(params, { discountRate: d, renewals })!;
          const later = sbgDiscountedExpectedResidualLifetime(params, {
            discountRate: d,
            renewals: renewals + 1,
          })!;
          expect(later).toBeGreaterThan(now);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('converge at the smallest accepted discount rate', () => {
    // at d = 1e-6 with α = 2, DEL is within about d × E[T²] of E[T] = (2 + 1 − 1) / 1 = 2
    const del = sbgDiscountedExpectedLifetime(
      { alpha: 2, beta: 1 },
      { discountRate: MIN_SBG_DISCOUNT_RATE },
    )!;
    expect(del).toBeLessThan(2);
    expect(del).toBeGreaterThan(1.99);
  });

  it('reject bad input with a code and path', () => {
    expectInputError(
      () => sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: -0.1 }),
      'negative_amount',
      ['options', 'discountRate'],
    );
    expectInputError(
      () => sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, { discountRate: 1e-9 }),
      'out_of_range',
      ['options', 'discountRate'],
    );
    expectInputError(
      () => sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, { discountRate: 0.1, renewals: -1 }),
      'out_of_range',
      ['options', 'renewals'],
    );
    expectInputError(
      () => sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, null as never),
      'invalid_type',
      ['options'],
    );
    expectInputError(
      () => sbgDiscountedExpectedLifetime({ alpha: 0, beta: 1 }, { discountRate: 0.1 }),
      'not_positive',
      ['params', 'alpha'],
    );
  });
});
