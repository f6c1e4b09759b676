import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, netPromoterScore, netPromoterScoreFromCounts } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('netPromoterScoreFromCounts', () => {
  it('scores 50 promoters, 30 passives, 20 detractors as 30', () => {
    // (50 - 20) / 100 × 100 = 30
    const result = netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 });
    expect(result.score?.toString()).toBe('30');
    expect(result.responses).toBe(100);
    expect(result.detractorShare?.toString()).toBe('0.2');
  });

  it('accepts counts as strings and gives null with no responses', () => {
    expect(
      netPromoterScoreFromCounts({ promoters: '3', passives: '1', detractors: '4' }).score?.toString(),
    ).toBe('-12.5');
    expect(netPromoterScoreFromCounts({ promoters: 0, passives: 0, detractors: 0 }).score).toBeNull();
    expectTypeOf(
      netPromoterScoreFromCounts({ promoters: 0, passives: 0, detractors: 0 }).score,
    ).toEqualTypeOf<Decimal | null>();
  });

  it('names the bad count', () => {
    expect(
      errorOf(() => netPromoterScoreFromCounts({ promoters: -1, passives: 0, detractors: 0 })),
    ).toMatchObject({
      code: 'negative_amount',
      path: ['promoters'],
    });
    expect(
      errorOf(() => netPromoterScoreFromCounts({ promoters: 1, passives: 0.5, detractors: 0 })),
    ).toMatchObject({
      code: 'not_integer',
      path: ['passives'],
    });
    expect(errorOf(() => netPromoterScoreFromCounts({ promoters: 1, passives: 0 } as never))).toMatchObject({
      code: 'invalid_type',
      path: ['detractors'],
    });
    expect(errorOf(() => netPromoterScoreFromCounts(null as never))).toMatchObject({
      code: 'invalid_type',
      path: [],
    });
    const huge = Number.MAX_SAFE_INTEGER;
    expect(
      errorOf(() => netPromoterScoreFromCounts({ promoters: huge, passives: huge, detractors: 0 })).code,
    ).toBe('out_of_range');
  });

  it('agrees with netPromoterScore on any list of answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 80 }), (scores) => {
        const fromList = netPromoterScore(scores);
        const fromCounts = netPromoterScoreFromCounts({
          promoters: scores.filter((score) => score >= 9).length,
          passives: scores.filter((score) => score === 7 || score === 8).length,
          detractors: scores.filter((score) => score <= 6).length,
        });
        expect(fromCounts).toEqual(fromList);
      }),
    );
  });
});
