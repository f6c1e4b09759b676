import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineScorecard,
  type HealthScore,
  type HealthSummary,
  scoreHealth,
  scoreHealthMany,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { scorecardArb, valuesArb } from './healthArbitraries.js';

const rule = { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } as const;
const card = defineScorecard({
  measures: [
    { id: 'a', weight: 1, rule },
    { id: 'b', weight: 1, rule },
  ],
});

describe('scoreHealthMany', () => {
  it('scores each row (hand-computed)', () => {
    // (20 + 40) / 2 = 30; only b = 90 → 90; previous 80 → up 10
    const results = scoreHealthMany(card, [
      { measures: { a: 20, b: 40 } },
      { measures: { b: 90 }, previous: 80 },
    ]);
    expect(results.map((result) => [result.score, result.band, result.trend?.change ?? null])).toEqual([
      [30, 'red', null],
      [90, 'green', 10],
    ]);
    expect(scoreHealthMany(card, [])).toEqual([]);
  });

  it('applies per-row overrides with the shared asOf', () => {
    const rows = [
      {
        measures: { a: 20, b: 40 },
        overrides: [{ scope: 'account' as const, score: 99, reason: 'QBR', expiresAt: '2024-02-01' }],
      },
    ];
    expect(scoreHealthMany(card, rows, { asOf: '2024-01-31' })[0]?.score).toBe(99);
    expect(scoreHealthMany(card, rows, { asOf: '2024-02-01' })[0]?.score).toBe(30);
  });

  it('gives the same result as scoreHealth row by row, for any scorecard', () => {
    fc.assert(
      fc.property(
        scorecardArb.chain((config) =>
          fc.tuple(fc.constant(config), fc.array(valuesArb(config), { maxLength: 5 })),
        ),
        ([config, rows]) => {
          const many = scoreHealthMany(
            config,
            rows.map((measures) => ({ measures })),
          );
          expect(many).toEqual(rows.map((measures) => scoreHealth(config, measures)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('prefixes error paths with the row', () => {
    expect(
      errorOf(() => scoreHealthMany(card, [{ measures: { a: 1 } }, { measures: { a: 'x' } }])),
    ).toMatchObject({
      code: 'invalid_number',
      path: ['rows', 1, 'measures', 'a'],
    });
    expect(errorOf(() => scoreHealthMany(card, [null as never]))).toMatchObject({ path: ['rows', 0] });
    expect(errorOf(() => scoreHealthMany(card, [{ measures: {}, previous: -1 }]))).toMatchObject({
      path: ['rows', 0, 'previous'],
    });
    expect(errorOf(() => scoreHealthMany(card, {} as never))).toMatchObject({ path: ['rows'] });
    expect(errorOf(() => scoreHealthMany(card, [], null as never))).toMatchObject({ path: ['options'] });
    expect(
      errorOf(() =>
        scoreHealthMany(card, [
          { measures: {}, overrides: [{ scope: 'group', id: 'a', score: 1, reason: 'r' }] },
        ]),
      ),
    ).toMatchObject({ path: ['rows', 0, 'overrides', 0, 'id'] });
  });

  it("returns only { score, computedScore, band, coverage } with detail 'summary' (hand-computed)", () => {
    // a = 20, b missing → 20 with coverage 0.5; an account override of 80 on the second row wins
    const rows = [
      { measures: { a: 20 } },
      { measures: { a: 20, b: 40 }, overrides: [{ scope: 'account' as const, score: 80, reason: 'QBR' }] },
    ];
    expect(scoreHealthMany(card, rows, { detail: 'summary' })).toEqual([
      { score: 20, computedScore: 20, band: 'red', coverage: 0.5 },
      { score: 80, computedScore: 30, band: 'green', coverage: 1 },
    ]);
    const strict = defineScorecard({ ...card, minimumCoverage: 0.75 });
    expect(scoreHealthMany(strict, [{ measures: { a: 20 } }], { detail: 'summary' })).toEqual([
      { score: null, computedScore: 20, band: null, coverage: 0.5 },
    ]);
  });

  it('gives summaries equal to the same four fields of the full results, for any scorecard and rows', () => {
    fc.assert(
      fc.property(
        scorecardArb.chain((config) =>
          fc.tuple(
            fc.constant(config),
            fc.array(
              fc.record({
                measures: valuesArb(config),
                previous: fc.option(fc.integer({ min: 0, max: 100 })),
              }),
              {
                maxLength: 6,
              },
            ),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
        ),
        ([config, rows, minimumCoverage]) => {
          const withCoverage = { ...config, minimumCoverage };
          const full = scoreHealthMany(withCoverage, rows);
          const summary = scoreHealthMany(withCoverage, rows, { detail: 'summary' });
          expect(summary).toEqual(
            full.map(({ score, computedScore, band, coverage }) => ({
              score,
              computedScore,
              band,
              coverage,
            })),
          );
          expect(scoreHealthMany(withCoverage, rows, { detail: 'full' })).toEqual(full);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('throws the same errors in both detail modes', () => {
    const strict = defineScorecard({ ...card, missing: 'fail' });
    const badRows = [
      [card, [{ measures: { a: 1 } }, { measures: { a: 'x' } }]],
      [strict, [{ measures: { a: 1 } }]],
      [card, [{ measures: [] }]],
      [card, [{ measures: {}, previous: 101 }]],
      [card, [{ measures: {}, overrides: [{ scope: 'measure', id: 'zz', score: 1, reason: 'r' }] }]],
    ] as const;
    for (const [scorecard, rows] of badRows) {
      const full = errorOf(() => scoreHealthMany(scorecard, rows as never));
      const summary = errorOf(() => scoreHealthMany(scorecard, rows as never, { detail: 'summary' }));
      expect(summary).toEqual(full);
      expect([summary.code, summary.path]).toEqual([full.code, full.path]);
    }
    expect(
      errorOf(() => scoreHealthMany(strict, [{ measures: { a: 1 } }], { detail: 'summary' })),
    ).toMatchObject({
      code: 'missing_field',
      path: ['rows', 0, 'measures', 'b'],
    });
    expect(errorOf(() => scoreHealthMany(card, [], { detail: 'brief' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'detail'],
    });
  });

  it('types each detail mode by its result', () => {
    expectTypeOf(scoreHealthMany(card, [])).toEqualTypeOf<HealthScore[]>();
    expectTypeOf(scoreHealthMany(card, [], { detail: 'full' })).toEqualTypeOf<HealthScore[]>();
    expectTypeOf(scoreHealthMany(card, [], { detail: 'summary' })).toEqualTypeOf<HealthSummary[]>();
  });
});
