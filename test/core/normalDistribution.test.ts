import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/internal/normalDistribution.js';
import { MetricInputError } from '../../src/index.js';

// Reference values computed independently with CPython 3.11: 0.5 * math.erfc(-z / sqrt(2)) for Φ, and
// statistics.NormalDist().inv_cdf (Wichura's AS 241) for Φ⁻¹, printed with repr().
const CDF_TABLE: [number, number][] = [
  [-8, 6.220960574271819e-16],
  [-5, 2.866515718791946e-7],
  [-3, 0.0013498980316300957],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145707],
  [0.5, 0.6914624612740131],
  [1.96, 0.9750021048517795],
  [2.9999, 0.998649658717045],
  [3.0001, 0.9986505450867393],
  [6, 0.9999999990134123],
];
const QUANTILE_TABLE: [number, number][] = [
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400538],
  [0.1, -1.2815515655446008],
  [0.5, 0],
  [0.9, 1.2815515655446008],
  [0.95, 1.6448536269514715],
  [0.975, 1.9599639845400536],
  [0.995, 2.5758293035489],
];

describe('normalCdf', () => {
  it('matches CPython erfc to 1e-14 (relative in the tails)', () => {
    for (const [z, expected] of CDF_TABLE) {
      expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-14 + 1e-12 * expected);
    }
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(() => normalCdf(Number.NaN)).toThrow(MetricInputError);
  });

  it('is symmetric and non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (z, step) => {
          expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
          expect(normalCdf(z + step)).toBeGreaterThanOrEqual(normalCdf(z));
        },
      ),
    );
  });
});

describe('normalQuantile', () => {
  it('matches CPython NormalDist.inv_cdf to 1e-12', () => {
    for (const [p, expected] of QUANTILE_TABLE) {
      expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(MetricInputError);
  });

  it('inverts normalCdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-15 + 1e-13 * p);
      }),
    );
  });
});
