import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_BANDS,
  defineScorecard,
  MetricInputError,
  type ScorecardConfig,
  scoreHealth,
  scoreHealthMany,
} from '../../src/index.js';
import { scorecardArb, valuesArb } from './healthArbitraries.js';

const rule = { type: 'linear', min: 0, max: 10, direction: 'higherIsBetter' } as const;

function errorOf(config: unknown): MetricInputError {
  try {
    defineScorecard(config as ScorecardConfig);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

describe('defineScorecard', () => {
  it('fills the defaults and keeps the config', () => {
    const card = defineScorecard({ measures: [{ id: 'a', weight: 1, rule }] });
    expect(card).toMatchObject({
      aggregation: 'weightedMean',
      missing: 'exclude',
      minimumCoverage: 0,
      groups: [],
    });
    expect(card.bands).toEqual(DEFAULT_HEALTH_BANDS);
    // Default bands stated explicitly: red [0, 50), yellow [50, 75), green [75, 100]
    expect(DEFAULT_HEALTH_BANDS.map((band) => `${band.label}${band.bounds}${band.min},${band.max}`)).toEqual([
      'red[)0,50',
      'yellow[)50,75',
      'green[]75,100',
    ]);
  });

  it('accepts Gainsight-style bands whose boundary falls in the lower band', () => {
    const bands = [
      { label: 'red', min: 0, max: 50, bounds: '[]' },
      { label: 'yellow', min: 50, max: 75, bounds: '(]' },
      { label: 'green', min: 75, max: 100, bounds: '(]' },
    ] as const;
    expect(defineScorecard({ bands, measures: [{ id: 'a', weight: 1, rule }] }).bands).toEqual(bands);
  });

  it('gives the path of an invalid field', () => {
    const config = {
      groups: [
        { id: 'a', weight: 1, measures: [{ id: 'x', weight: 1, rule }] },
        { id: 'b', weight: 1, measures: [{ id: 'y', weight: -1, rule }] },
      ],
    };
    expect(errorOf(config)).toMatchObject({
      code: 'out_of_range',
      path: ['groups', 1, 'measures', 0, 'weight'],
      received: '-1',
    });
    expect(errorOf({ measures: [{ id: 'x', weight: 1, rule }], extra: 1 })).toMatchObject({
      code: 'unknown_field',
    });
    expect(errorOf({ measures: [{ id: 'x', weight: 1, rule: { type: 'magic' } }] })).toMatchObject({
      path: ['measures', 0, 'rule', 'type'],
    });
    expect(errorOf({ measures: [{ id: 'x', weight: 1, rule }], minimumCoverage: 2 })).toMatchObject({
      path: ['minimumCoverage'],
    });
    expect(errorOf({ measures: [{ id: 'x', weight: Number.POSITIVE_INFINITY, rule }] })).toMatchObject({
      path: ['measures', 0, 'weight'],
    });
    expect(errorOf({ measures: [{ id: '', weight: 1, rule }] })).toMatchObject({
      path: ['measures', 0, 'id'],
    });
  });

  it('rejects duplicate ids, empty groups and all-zero weights', () => {
    expect(
      errorOf({
        measures: [{ id: 'x', weight: 1, rule }],
        groups: [{ id: 'x', weight: 1, measures: [{ id: 'y', weight: 1, rule }] }],
      }),
    ).toMatchObject({
      code: 'invalid_config',
      path: ['groups', 0, 'id'],
    });
    expect(
      errorOf({
        measures: [
          { id: 'x', weight: 1, rule },
          { id: 'x', weight: 1, rule },
        ],
      }),
    ).toMatchObject({ path: ['measures', 1, 'id'] });
    expect(errorOf({ groups: [{ id: 'g', weight: 1 }] })).toMatchObject({
      code: 'empty_input',
      path: ['groups', 0, 'measures'],
    });
    expect(errorOf({})).toMatchObject({ code: 'empty_input', path: ['measures'] });
    expect(errorOf({ measures: [{ id: 'x', weight: 0, rule }] })).toMatchObject({
      path: ['measures', 0, 'weight'],
    });
    expect(
      errorOf({
        groups: [
          { id: 'g', weight: 1, groups: [{ id: 'h', weight: 0, measures: [{ id: 'x', weight: 1, rule }] }] },
        ],
      }),
    ).toMatchObject({ path: ['groups', 0, 'groups', 0, 'weight'] });
    expect(
      errorOf({ groups: [{ id: 'g', weight: 0, measures: [{ id: 'x', weight: 1, rule }] }] }),
    ).toMatchObject({
      code: 'invalid_config',
      path: ['groups', 0, 'weight'],
    });
  });

  it('rejects linear rules without a range and with best below worst', () => {
    expect(errorOf({ measures: [{ id: 'x', weight: 1, rule: { ...rule, max: 0 } }] })).toMatchObject({
      path: ['measures', 0, 'rule', 'max'],
    });
    expect(
      errorOf({ measures: [{ id: 'x', weight: 1, rule: { ...rule, worstScore: 80, bestScore: 20 } }] }),
    ).toMatchObject({
      path: ['measures', 0, 'rule', 'bestScore'],
    });
  });

  it('rejects bands with gaps, overlaps, inner unbounded ends or an incomplete 0–100 cover', () => {
    const measureBands = (bands: unknown) => ({
      measures: [{ id: 'x', weight: 1, rule: { type: 'bands', bands } }],
    });
    const at = ['measures', 0, 'rule', 'bands'];
    // [0, 5) then (5, 10): 5 is in neither → gap
    expect(
      errorOf(
        measureBands([
          { min: 0, max: 5, score: 0 },
          { min: 5, max: 10, bounds: '()', score: 1 },
        ]),
      ),
    ).toMatchObject({
      path: [...at, 1, 'min'],
      received: '5, leaving a gap',
    });
    expect(
      errorOf(
        measureBands([
          { min: 0, max: 5, score: 0 },
          { min: 6, max: 10, score: 1 },
        ]),
      ),
    ).toMatchObject({ path: [...at, 1, 'min'] });
    // [0, 5] then [5, 10): 5 is in both → overlap
    expect(
      errorOf(
        measureBands([
          { min: 0, max: 5, bounds: '[]', score: 0 },
          { min: 5, max: 10, score: 1 },
        ]),
      ),
    ).toMatchObject({
      path: [...at, 1, 'min'],
      received: '5, overlapping band 0',
    });
    expect(
      errorOf(
        measureBands([
          { min: 0, max: 5, score: 0 },
          { min: 4, max: 10, score: 1 },
        ]),
      ),
    ).toMatchObject({ path: [...at, 1, 'min'] });
    expect(
      errorOf(
        measureBands([
          { min: 0, score: 0 },
          { min: 4, max: 10, score: 1 },
        ]),
      ),
    ).toMatchObject({ path: [...at, 0, 'max'] });
    expect(
      errorOf(
        measureBands([
          { min: 0, max: 5, score: 0 },
          { max: 10, score: 1 },
        ]),
      ),
    ).toMatchObject({ path: [...at, 1, 'min'] });
    expect(errorOf(measureBands([{ min: 5, max: 5, score: 0 }]))).toMatchObject({ path: [...at, 0, 'max'] });
    expect(errorOf(measureBands([{ min: 5, max: 1, score: 0 }]))).toMatchObject({ path: [...at, 0, 'max'] });
    expect(errorOf(measureBands([]))).toMatchObject({ code: 'empty_input', path: at });
    expect(
      defineScorecard(measureBands([{ min: 5, max: 5, bounds: '[]', score: 0 }]) as ScorecardConfig).measures,
    ).toHaveLength(1);
    const overall = (bands: unknown) => ({ bands, measures: [{ id: 'x', weight: 1, rule }] });
    expect(errorOf(overall([{ label: 'all', min: 1, max: 100, bounds: '[]' }]))).toMatchObject({
      path: ['bands', 0, 'min'],
    });
    expect(errorOf(overall([{ label: 'all', min: 0, max: 100 }]))).toMatchObject({
      path: ['bands', 0, 'max'],
    });
    expect(
      errorOf(
        overall([
          { label: 'a', min: 0, max: 50 },
          { label: 'a', min: 50, max: 100, bounds: '[]' },
        ]),
      ),
    ).toMatchObject({
      path: ['bands', 1, 'label'],
    });
  });
});

describe('defineScorecard: a compiled, branded scorecard that scoring trusts', () => {
  it('returns a deeply frozen scorecard, and the same object when given one it made', () => {
    const card = defineScorecard({ measures: [{ id: 'logins', weight: 1, rule }] });
    expect(Object.isFrozen(card)).toBe(true);
    expect(Object.isFrozen(card.measures[0]!.rule)).toBe(true);
    expect(defineScorecard(card)).toBe(card);
    // A copy is a plain object again: validated, and a new scorecard.
    const copy = { ...card };
    expect(defineScorecard(copy)).not.toBe(copy);
    expect(defineScorecard(copy)).toEqual(card);
  });

  it('a defined scorecard scores exactly as its plain config does, for any scorecard and values', () => {
    fc.assert(
      fc.property(
        scorecardArb.chain((config) => fc.tuple(fc.constant(config), valuesArb(config))),
        ([config, values]) => {
          const card = defineScorecard(config);
          expect(scoreHealth(card, values)).toEqual(scoreHealth(config, values));
          expect(scoreHealthMany(card, [{ measures: values }])).toEqual(
            scoreHealthMany(config, [{ measures: values }]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
