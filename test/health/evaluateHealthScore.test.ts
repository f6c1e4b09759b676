import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, evaluateHealthScore, MetricInputError } from '../../src/index.js';

function errorOf(input: unknown): MetricInputError {
  try {
    evaluateHealthScore(input as never);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

// The slow oracle: Mann–Whitney U over every (retained, churned) pair, ties counted half.
function pairwiseAuc(scores: readonly number[], churned: readonly boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((retainedScore, i) => {
    if (churned[i]) return;
    scores.forEach((churnedScore, j) => {
      if (!churned[j]) return;
      pairs += 1;
      wins += retainedScore > churnedScore ? 1 : retainedScore === churnedScore ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

const sample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 60 })
  .map((rows) => ({ scores: rows.map(([score]) => score), churned: rows.map(([, churned]) => churned) }));

describe('evaluateHealthScore: worked examples', () => {
  it('small portfolio (hand-computed)', () => {
    // retained 30, 60, 90; churned 10, 45. Pairs won: 30>10, 60>10, 60>45, 90>10, 90>45 → 5 of 6
    const result = evaluateHealthScore({
      scores: [10, 30, 45, 60, 90],
      churned: [true, false, true, false, false],
    });
    expect(result.auc?.toFixed(10)).toBe('0.8333333333');
    // Gini = 2 × 5/6 − 1 = 2/3
    expect(result.gini?.toFixed(10)).toBe('0.6666666667');
    // KS: after 45, F_churned = 1 and F_retained = 1/3 → 2/3
    expect(result.ks?.toFixed(10)).toBe('0.6666666667');
    // red holds 10, 30, 45 (2 churned of 3); yellow 60; green 90
    expect(result.bands.map((band) => [band.label, band.accounts, band.churned])).toEqual([
      ['red', 3, 2],
      ['yellow', 1, 0],
      ['green', 1, 0],
    ]);
    expect(result.churnFallsAsBandsImprove).toBe(true);
    // worst decile = 0.5 account: half of the churned account at 10 → 0.5 churned; lift = 10 × 0.5 / 2 = 2.5
    expect(result.worstDecileLift?.toString()).toBe('2.5');
  });

  it('ties at the decile cut count fractionally', () => {
    // 20 accounts, decile = 2; the three lowest tie at 5 (1 churned of 3) → 2/3 churned in the decile;
    // 4 churned overall → lift = 10 × (2/3) / 4 = 5/3
    const scores = [5, 5, 5, ...Array.from({ length: 17 }, (_, i) => 20 + i)];
    const churned = [true, false, false, true, true, true, ...Array.from({ length: 14 }, () => false)];
    expect(evaluateHealthScore({ scores, churned }).worstDecileLift?.toFixed(10)).toBe('1.6666666667');
  });

  it('flags churn that rises in a better band, and is null for one populated band or one class', () => {
    expect(
      evaluateHealthScore({ scores: [10, 60, 80], churned: [false, true, false] }).churnFallsAsBandsImprove,
    ).toBe(false);
    const one = evaluateHealthScore({ scores: [10, 20], churned: [false, false] });
    expect([one.churnFallsAsBandsImprove, one.auc, one.gini, one.ks, one.worstDecileLift]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // everybody churned: decile = 0.2 account, all of it churned → 10 × 0.2 / 2 = 1 (no better than average)
    expect(evaluateHealthScore({ scores: [10, 90], churned: [true, true] }).worstDecileLift?.toString()).toBe(
      '1',
    );
  });

  it('uses custom bands', () => {
    const bands = [
      { label: 'at risk', min: 0, max: 40, bounds: '[]' as const },
      { label: 'fine', min: 40, max: 100, bounds: '(]' as const },
    ];
    const result = evaluateHealthScore({ scores: [40, 41], churned: [true, false], bands });
    expect(result.bands.map((band) => band.accounts)).toEqual([1, 1]);
  });
});

describe('evaluateHealthScore: published reference', () => {
  it('matches scipy 1.17 mannwhitneyu and ks_2samp on a tied sample', () => {
    // python3: scipy.stats.mannwhitneyu(retained, churned).statistic = 71.0 (n1 = 13, n0 = 7) → AUC = 71/91;
    // scipy.stats.ks_2samp(retained, churned).statistic = 0.4175824175824176 = 38/91
    const scores = [12, 35, 35, 48, 50, 50, 50, 61, 62, 70, 74, 75, 75, 80, 88, 91, 95, 33, 47, 52];
    const churned = [1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0].map((flag) => flag === 1);
    const result = evaluateHealthScore({ scores, churned });
    expect(result.auc?.toNumber()).toBe(71 / 91);
    expect(result.ks?.toNumber()).toBe(0.4175824175824176);
  });
});

describe('evaluateHealthScore: properties', () => {
  it('AUC equals the Mann–Whitney U / (n₁n₀) of a slow pairwise oracle', () => {
    fc.assert(
      fc.property(sample, ({ scores, churned }) => {
        const auc = evaluateHealthScore({ scores, churned }).auc;
        const expected = pairwiseAuc(scores, churned);
        if (expected === null) expect(auc).toBeNull();
        else expect(Math.abs(auc!.toNumber() - expected)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('a perfectly separating score has AUC 1 and KS 1; the reversed score has AUC 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (stayers, leavers) => {
        const scores = [
          ...Array.from({ length: leavers }, (_, i) => i),
          ...Array.from({ length: stayers }, (_, i) => 50 + i),
        ];
        const churned = [
          ...Array.from({ length: leavers }, () => true),
          ...Array.from({ length: stayers }, () => false),
        ];
        const result = evaluateHealthScore({ scores, churned });
        expect([result.auc?.toString(), result.gini?.toString(), result.ks?.toString()]).toEqual([
          '1',
          '1',
          '1',
        ]);
        const reversed = evaluateHealthScore({ scores, churned: churned.map((flag) => !flag) });
        expect([reversed.auc?.toString(), reversed.gini?.toString()]).toEqual(['0', '-1']);
      }),
    );
  });

  it('AUC and KS are invariant under strictly increasing transforms and reordering', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 1000 }), ({ scores, churned }, seed) => {
        const base = evaluateHealthScore({ scores, churned });
        const transformed = evaluateHealthScore({ scores: scores.map((s) => Math.sqrt(s) * 10), churned });
        expect(transformed.auc?.toString()).toBe(base.auc?.toString());
        expect(transformed.ks?.toString()).toBe(base.ks?.toString());
        const order = scores
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const shuffled = evaluateHealthScore({
          scores: order.map((i) => scores[i]!),
          churned: order.map((i) => churned[i]!),
        });
        expect(shuffled.auc?.toString()).toBe(base.auc?.toString());
        expect(shuffled.worstDecileLift?.toString()).toBe(base.worstDecileLift?.toString());
      }),
      { numRuns: 150 },
    );
  });

  it('AUC and KS lie in [0, 1] and band counts add up', () => {
    fc.assert(
      fc.property(sample, ({ scores, churned }) => {
        const result = evaluateHealthScore({ scores, churned });
        for (const value of [result.auc, result.ks]) {
          if (value !== null) expect(value.greaterThanOrEqualTo(0) && value.lessThanOrEqualTo(1)).toBe(true);
        }
        expect(result.bands.reduce((sum, band) => sum + band.accounts, 0)).toBe(scores.length);
        expect(result.bands.reduce((sum, band) => sum + band.churned, 0)).toBe(result.churned);
      }),
    );
  });
});

describe('evaluateHealthScore: bad input', () => {
  it('names the field', () => {
    expect(errorOf({ scores: [], churned: [] })).toMatchObject({ code: 'empty_input', path: ['scores'] });
    expect(errorOf({ scores: [1], churned: [] })).toMatchObject({
      code: 'length_mismatch',
      path: ['churned'],
    });
    expect(errorOf({ scores: [1, Number.NaN], churned: [true, false] })).toMatchObject({
      code: 'not_finite',
      path: ['scores', 1],
    });
    expect(errorOf({ scores: ['1'], churned: [true] })).toMatchObject({
      code: 'invalid_type',
      path: ['scores', 0],
    });
    expect(errorOf({ scores: [101], churned: [true] })).toMatchObject({
      code: 'out_of_range',
      path: ['scores', 0],
    });
    expect(errorOf({ scores: [1], churned: [1] })).toMatchObject({
      code: 'invalid_type',
      path: ['churned', 0],
    });
    expect(errorOf({ scores: 1, churned: [] })).toMatchObject({ code: 'invalid_type', path: ['scores'] });
    expect(errorOf(null)).toMatchObject({ code: 'invalid_type', path: [] });
    expect(
      errorOf({ scores: [1], churned: [true], bands: [{ label: 'x', min: 0, max: 90, bounds: '[]' }] }),
    ).toMatchObject({
      path: ['bands', 0, 'max'],
    });
  });

  it('promises Decimal | null for the ratios', () => {
    expectTypeOf(evaluateHealthScore).returns.toHaveProperty('auc').toEqualTypeOf<Decimal | null>();
    expectTypeOf(evaluateHealthScore)
      .returns.toHaveProperty('worstDecileLift')
      .toEqualTypeOf<Decimal | null>();
  });
});
