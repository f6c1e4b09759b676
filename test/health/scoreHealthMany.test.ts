import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineScorecard, MetricInputError, scoreHealth, scoreHealthMany } from '../../src/index.js';
import { scorecardArb, valuesArb } from './healthArbitraries.js';

const rule = { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } as const;
const card = defineScorecard({
  measures: [
    { id: 'a', weight: 1, rule },
    { id: 'b', weight: 1, rule },
  ],
});

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

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
});
