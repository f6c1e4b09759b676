import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreBySegment } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const responses = fc.array(
  fc.record({
    score: fc.integer({ min: 0, max: 10 }),
    segment: fc.constantFrom('smb', 'mid-market', 'enterprise', 'Enterprise', 'é', ''),
  }),
  { maxLength: 60 },
);

describe('netPromoterScoreBySegment', () => {
  it('scores each segment by hand', () => {
    // smb: 10, 9, 3 → (2 − 1) / 3 × 100 = 33.33…; enterprise: 8, 0 → (0 − 1) / 2 × 100 = −50
    const rows = netPromoterScoreBySegment([
      { score: 10, segment: 'smb' },
      { score: 8, segment: 'enterprise' },
      { score: '9', segment: 'smb' },
      { score: 0, segment: 'enterprise' },
      { score: 3, segment: 'smb' },
    ]);
    expect(rows.map((row) => row.segment)).toEqual(['enterprise', 'smb']);
    expect(rows[0]).toMatchObject({ promoters: 0, passives: 1, detractors: 1, responses: 2 });
    expect(rows[0]?.score?.toString()).toBe('-50');
    expect(rows[1]?.score?.toDecimalPlaces(4).toString()).toBe('33.3333');
  });

  it('sorts keys in code-unit order, not by locale', () => {
    const rows = netPromoterScoreBySegment([
      { score: 9, segment: 'b' },
      { score: 9, segment: 'é' },
      { score: 9, segment: 'B' },
      { score: 9, segment: 'a' },
    ]);
    expect(rows.map((row) => row.segment)).toEqual(['B', 'a', 'b', 'é']);
  });

  it('is empty for no responses', () => {
    expect(netPromoterScoreBySegment([])).toEqual([]);
  });

  it('names the bad field', () => {
    expect(
      errorOf(() =>
        netPromoterScoreBySegment([
          { score: 9, segment: 'a' },
          { score: 12, segment: 'a' },
        ]),
      ),
    ).toMatchObject({
      code: 'out_of_range',
      path: ['responses', 1, 'score'],
    });
    expect(errorOf(() => netPromoterScoreBySegment([{ score: 9, segment: 3 as never }]))).toMatchObject({
      code: 'invalid_type',
      path: ['responses', 0, 'segment'],
    });
    expect(errorOf(() => netPromoterScoreBySegment([null as never]))).toMatchObject({
      path: ['responses', 0],
    });
    expect(errorOf(() => netPromoterScoreBySegment({} as never))).toMatchObject({ path: ['responses'] });
  });

  it('gives each segment what netPromoterScore gives its answers, and the segments recombine to the whole', () => {
    fc.assert(
      fc.property(responses, (rows) => {
        const bySegment = netPromoterScoreBySegment(rows);
        const whole = netPromoterScore(rows.map((row) => row.score));
        for (const result of bySegment) {
          const { segment, ...rest } = result;
          expect(rest).toEqual(
            netPromoterScore(rows.filter((row) => row.segment === segment).map((row) => row.score)),
          );
        }
        const sum = (key: 'promoters' | 'passives' | 'detractors' | 'responses') =>
          bySegment.reduce((total, result) => total + result[key], 0);
        expect(sum('promoters')).toBe(whole.promoters);
        expect(sum('passives')).toBe(whole.passives);
        expect(sum('detractors')).toBe(whole.detractors);
        expect(sum('responses')).toBe(whole.responses);
        expect(bySegment.map((row) => row.segment)).toEqual(
          [...new Set(rows.map((row) => row.segment))].sort(),
        );
      }),
    );
  });

  it('does not depend on the order of the responses', () => {
    fc.assert(
      fc.property(
        responses.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(netPromoterScoreBySegment(shuffled)).toEqual(netPromoterScoreBySegment(rows));
        },
      ),
    );
  });
});
