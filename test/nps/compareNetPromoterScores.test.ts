import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores, netPromoterScore, netPromoterScoreInterval } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const counts = fc
  .record({
    promoters: fc.integer({ min: 0, max: 300 }),
    passives: fc.integer({ min: 0, max: 300 }),
    detractors: fc.integer({ min: 0, max: 300 }),
  })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);
const method = fc.constantFrom('wald' as const, 'adjustedWald' as const);

describe('compareNetPromoterScores: worked examples', () => {
  it('compares two Wald estimates by hand', () => {
    // a: NPS 10, var = 0.4 + 0.3 − 0.1² = 0.69, SE = √(0.69 / 100) × 100 = 8.3066
    // b: NPS 30, var = 0.5 + 0.2 − 0.3² = 0.61, SE = 7.8102
    // difference = 30 − 10 = 20; SE = √(69 + 61) = √130 = 11.4018; z = 20 / 11.4018 = 1.7541
    const result = compareNetPromoterScores(
      { promoters: 40, passives: 30, detractors: 30 },
      { promoters: 50, passives: 30, detractors: 20 },
      { method: 'wald' },
    )!;
    expect(result.difference).toBe(20);
    expect(result.standardError).toBeCloseTo(Math.sqrt(130), 10);
    expect(result.zScore).toBeCloseTo(1.7541, 4);
    expect(result.significant).toBe(false);
  });

  it('gives difference 0 and p-value 1 for a result compared with itself', () => {
    const result = netPromoterScore([10, 9, 8, 6, 2, 10]);
    expect(compareNetPromoterScores(result, result)).toMatchObject({
      difference: 0,
      zScore: 0,
      pValue: 1,
      significant: false,
    });
  });

  it('is null when either sample is empty', () => {
    const empty = { promoters: 0, passives: 0, detractors: 0 };
    const some = { promoters: 1, passives: 0, detractors: 0 };
    expect(compareNetPromoterScores(empty, some)).toBeNull();
    expect(compareNetPromoterScores(some, empty, { method: 'wald' })).toBeNull();
  });

  it('handles the zero standard error of two one-category Wald samples', () => {
    const allPromoters = { promoters: 4, passives: 0, detractors: 0 };
    const allDetractors = { promoters: 0, passives: 0, detractors: 7 };
    expect(compareNetPromoterScores(allPromoters, allPromoters, { method: 'wald' })).toMatchObject({
      difference: 0,
      standardError: 0,
      zScore: null,
      pValue: 1,
      significant: false,
    });
    expect(compareNetPromoterScores(allPromoters, allDetractors, { method: 'wald' })).toMatchObject({
      difference: -200,
      lower: -200,
      upper: -200,
      zScore: null,
      pValue: 0,
      significant: true,
      clamped: false,
    });
  });

  it('clamps the difference interval to [-200, 200] and says so', () => {
    // adjusted: a = 0/0/1 → NPS −25, SE 39.53; b = 1/0/0 → NPS 25; difference 50 ± 1.96 × 55.9
    const result = compareNetPromoterScores(
      { promoters: 0, passives: 0, detractors: 1 },
      { promoters: 1, passives: 0, detractors: 0 },
    )!;
    expect(result.difference).toBe(50);
    expect(result.upper).toBeLessThanOrEqual(200);
    const wide = compareNetPromoterScores(
      { promoters: 0, passives: 0, detractors: 1 },
      { promoters: 1, passives: 0, detractors: 0 },
      { confidence: 0.9999 },
    )!;
    expect(wide).toMatchObject({ upper: 200, clamped: true });
    expect(wide.lower).toBeGreaterThan(-200);
  });
});

describe('compareNetPromoterScores: reference values computed with scipy 1.17', () => {
  // python3: each sample's estimate and SE as in netPromoterScoreInterval; diff = b − a; se = hypot(se_a, se_b);
  // z = diff / se; p = 2·scipy.stats.norm.sf(|z|); bounds = diff ∓ norm.ppf((1 + conf) / 2)·se
  const cases = [
    {
      a: [30, 30, 40],
      b: [50, 30, 20],
      confidence: 0.95,
      method: 'adjustedWald',
      expected: [38.8349514563, 11.2089160231, 3.4646482654, 0.0005309254, 16.8658797453, 60.8040231673],
      significant: true,
    },
    {
      a: [40, 30, 30],
      b: [50, 30, 20],
      confidence: 0.95,
      method: 'adjustedWald',
      expected: [19.4174757282, 11.2089160231, 1.7323241327, 0.0832158675, -2.5515959828, 41.3865474391],
      significant: false,
    },
    {
      a: [40, 30, 30],
      b: [50, 30, 20],
      confidence: 0.95,
      method: 'wald',
      expected: [20, 11.401754251, 1.7541160386, 0.079410626, -2.3470276925, 42.3470276925],
      significant: false,
    },
    {
      a: [40, 30, 30],
      b: [50, 30, 20],
      confidence: 0.9,
      method: 'adjustedWald',
      expected: [19.4174757282, 11.2089160231, 1.7323241327, 0.0832158675, 0.9804495534, 37.8545019029],
      significant: true,
    },
  ] as const;
  for (const { a, b, confidence, method: m, expected, significant } of cases) {
    it(`${m} ${a.join('/')} → ${b.join('/')} at ${confidence}`, () => {
      const toCounts = ([promoters, passives, detractors]: readonly number[]) => ({
        promoters: promoters!,
        passives: passives!,
        detractors: detractors!,
      });
      const result = compareNetPromoterScores(toCounts(a), toCounts(b), { confidence, method: m })!;
      const [difference, standardError, zScore, pValue, lower, upper] = expected;
      expect(result.difference).toBeCloseTo(difference, 8);
      expect(result.standardError).toBeCloseTo(standardError, 8);
      expect(result.zScore).toBeCloseTo(zScore, 8);
      expect(result.pValue).toBeCloseTo(pValue, 9);
      expect(result.lower).toBeCloseTo(lower, 8);
      expect(result.upper).toBeCloseTo(upper, 8);
      expect(result.significant).toBe(significant);
    });
  }
});

describe('compareNetPromoterScores: bad input', () => {
  it('names which sample is bad', () => {
    const good = { promoters: 1, passives: 1, detractors: 1 };
    expect(errorOf(() => compareNetPromoterScores({ ...good, promoters: -1 }, good))).toMatchObject({
      code: 'negative_amount',
      path: ['a', 'promoters'],
    });
    expect(errorOf(() => compareNetPromoterScores(good, null as never))).toMatchObject({
      code: 'invalid_type',
      path: ['b'],
    });
    expect(errorOf(() => compareNetPromoterScores(good, good, { confidence: 2 }))).toMatchObject({
      code: 'out_of_range',
      path: ['options', 'confidence'],
    });
    expect(errorOf(() => compareNetPromoterScores(good, good, { method: 'bootstrap' as never })).code).toBe(
      'invalid_option',
    );
  });
});

describe('compareNetPromoterScores: properties', () => {
  it('is b − a of the two one-sample estimates, with SE² = SEa² + SEb²', () => {
    fc.assert(
      fc.property(counts, counts, method, (a, b, m) => {
        const result = compareNetPromoterScores(a, b, { method: m })!;
        const ciA = netPromoterScoreInterval(a, { method: m })!;
        const ciB = netPromoterScoreInterval(b, { method: m })!;
        expect(result.difference).toBeCloseTo(ciB.adjustedCenter - ciA.adjustedCenter, 9);
        expect(result.standardError ** 2).toBeCloseTo(ciA.standardError ** 2 + ciB.standardError ** 2, 6);
      }),
    );
  });

  it('is antisymmetric: swapping the samples negates the difference and keeps the p-value', () => {
    fc.assert(
      fc.property(counts, counts, method, (a, b, m) => {
        const forward = compareNetPromoterScores(a, b, { method: m })!;
        const backward = compareNetPromoterScores(b, a, { method: m })!;
        expect(backward.difference).toBeCloseTo(-forward.difference, 9);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(backward.significant).toBe(forward.significant);
      }),
    );
  });

  it('keeps the p-value in [0, 1] and calls a difference significant exactly when its interval excludes 0', () => {
    fc.assert(
      fc.property(counts, counts, method, (a, b, m) => {
        const result = compareNetPromoterScores(a, b, { method: m })!;
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        expect(result.lower).toBeGreaterThanOrEqual(-200);
        expect(result.upper).toBeLessThanOrEqual(200);
        const excludesZero = result.lower > 0 || result.upper < 0;
        // Away from the boundary (|z| within 1e-9 of the critical value) the two readings must agree.
        if (result.zScore === null || Math.abs(Math.abs(result.zScore) - 1.959963984540054) > 1e-9) {
          expect(result.significant).toBe(excludesZero);
        }
      }),
    );
  });
});
