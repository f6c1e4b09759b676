import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, netPromoterScore } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const answer = fc.integer({ min: 0, max: 10 });
const answers = fc.array(answer, { maxLength: 60 });

describe('netPromoterScore: worked examples', () => {
  it('scores ten answers by hand', () => {
    // promoters 10, 9, 9, 10, '9' = 5; passives 8, 7 = 2; detractors 6, 3, 0 = 3; n = 10
    // score = (5 - 3) / 10 × 100 = 20; shares 0.5, 0.2, 0.3
    const result = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, '9', 0]);
    expect(result).toMatchObject({ promoters: 5, passives: 2, detractors: 3, responses: 10 });
    expect(result.score?.toString()).toBe('20');
    expect(result.promoterShare?.toString()).toBe('0.5');
    expect(result.passiveShare?.toString()).toBe('0.2');
    expect(result.detractorShare?.toString()).toBe('0.3');
  });

  it('puts the category boundaries where Bain puts them: 0–6, 7–8, 9–10', () => {
    const categories = [0, 6, 7, 8, 9, 10].map((value) => {
      const result = netPromoterScore([value]);
      if (result.promoters === 1) return 'promoter';
      return result.passives === 1 ? 'passive' : 'detractor';
    });
    expect(categories).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('keeps a repeating score exact to 40 significant digits', () => {
    // (2 - 0) / 3 × 100 = 66.666…
    const score = netPromoterScore([10, 10, 8]).score;
    expect(score?.toDecimalPlaces(2).toString()).toBe('66.67');
    expect(score?.times(3).toDecimalPlaces(30).toString()).toBe('200');
  });

  it('reaches both ends of the scale', () => {
    expect(netPromoterScore([9, 10]).score?.toString()).toBe('100');
    expect(netPromoterScore([0, 6]).score?.toString()).toBe('-100');
    expect(netPromoterScore([7, 8]).score?.toString()).toBe('0');
  });

  it('accepts numeric strings from spreadsheets and Decimals', () => {
    const result = netPromoterScore([' 9 ', '10', '9.0', '6', new DecimalJs(7)]);
    expect(result).toMatchObject({ promoters: 3, passives: 1, detractors: 1 });
  });

  it('gives null score and shares for no responses', () => {
    expect(netPromoterScore([])).toEqual({
      score: null,
      promoters: 0,
      passives: 0,
      detractors: 0,
      responses: 0,
      promoterShare: null,
      passiveShare: null,
      detractorShare: null,
    });
  });

  it('promises Decimal | null for the score and shares', () => {
    expectTypeOf(netPromoterScore([]).score).toEqualTypeOf<Decimal | null>();
    expectTypeOf(netPromoterScore([]).promoterShare).toEqualTypeOf<Decimal | null>();
    expectTypeOf(netPromoterScore([]).responses).toEqualTypeOf<number>();
  });
});

describe('netPromoterScore: bad input', () => {
  it('names the index and the value of a score outside 0–10', () => {
    const error = errorOf(() => netPromoterScore([9, 8, 10, 11]));
    expect(error).toMatchObject({ code: 'out_of_range', path: ['scores', 3], received: '11' });
    expect(error.message).toBe('scores[3] must be an integer from 0 to 10, received 11');
    expect(errorOf(() => netPromoterScore([-1])).code).toBe('out_of_range');
    expect(errorOf(() => netPromoterScore(['12'])).path).toEqual(['scores', 0]);
  });

  it('rejects fractions, non-numbers and holes with their own codes', () => {
    expect(errorOf(() => netPromoterScore([7.5]))).toMatchObject({
      code: 'not_integer',
      path: ['scores', 0],
    });
    expect(errorOf(() => netPromoterScore([1, Number.NaN])).code).toBe('not_finite');
    expect(errorOf(() => netPromoterScore(['abc'])).code).toBe('invalid_number');
    expect(errorOf(() => netPromoterScore([''])).code).toBe('invalid_number');
    expect(errorOf(() => netPromoterScore([null as never])).code).toBe('invalid_type');
    expect(errorOf(() => netPromoterScore([true as never])).code).toBe('invalid_type');
    // biome-ignore lint/suspicious/noSparseArray: a hole is what a spreadsheet export can leave behind
    const sparse = [9, , 10] as unknown as number[];
    expect(errorOf(() => netPromoterScore(sparse))).toMatchObject({
      code: 'invalid_type',
      path: ['scores', 1],
    });
  });

  it('rejects a non-array', () => {
    expect(errorOf(() => netPromoterScore('9,10' as never))).toMatchObject({
      code: 'invalid_type',
      path: ['scores'],
    });
  });
});

describe('netPromoterScore: properties', () => {
  it('counts each category as a slow filter does, and the counts add up to the responses', () => {
    fc.assert(
      fc.property(answers, (scores) => {
        const result = netPromoterScore(scores);
        expect(result.promoters).toBe(scores.filter((score) => score >= 9).length);
        expect(result.detractors).toBe(scores.filter((score) => score <= 6).length);
        expect(result.promoters + result.passives + result.detractors).toBe(result.responses);
        expect(result.responses).toBe(scores.length);
      }),
    );
  });

  it('keeps the score within [-100, 100] and equal to 100 × (promoter share − detractor share)', () => {
    fc.assert(
      fc.property(answers, (scores) => {
        const { score, promoterShare, passiveShare, detractorShare } = netPromoterScore(scores);
        if (score === null) {
          expect(scores).toHaveLength(0);
          return;
        }
        expect(score.greaterThanOrEqualTo(-100) && score.lessThanOrEqualTo(100)).toBe(true);
        const difference = promoterShare!.minus(detractorShare!).times(100);
        expect(difference.minus(score).abs().lessThan('1e-30')).toBe(true);
        const total = promoterShare!.plus(passiveShare!).plus(detractorShare!);
        expect(total.minus(1).abs().lessThan('1e-35')).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(
        answers.chain((scores) =>
          fc.tuple(fc.constant(scores), fc.shuffledSubarray(scores, { minLength: scores.length })),
        ),
        ([scores, shuffled]) => {
          expect(netPromoterScore(shuffled)).toEqual(netPromoterScore(scores));
        },
      ),
    );
  });

  it('never lowers the score when a promoter is added, never raises it when a detractor is added', () => {
    fc.assert(
      fc.property(
        answers,
        fc.constantFrom(9, 10),
        fc.integer({ min: 0, max: 6 }),
        (scores, promoter, detractor) => {
          const before = netPromoterScore(scores).score;
          const withPromoter = netPromoterScore([...scores, promoter]).score!;
          const withDetractor = netPromoterScore([...scores, detractor]).score!;
          if (before === null) {
            expect(withPromoter.toString()).toBe('100');
            expect(withDetractor.toString()).toBe('-100');
            return;
          }
          expect(withPromoter.greaterThanOrEqualTo(before)).toBe(true);
          expect(withDetractor.lessThanOrEqualTo(before)).toBe(true);
        },
      ),
    );
  });

  it('gives the same result for an answer as a number or as a string', () => {
    fc.assert(
      fc.property(answers, (scores) => {
        expect(netPromoterScore(scores.map(String))).toEqual(netPromoterScore(scores));
      }),
    );
  });
});
