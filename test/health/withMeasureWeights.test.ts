import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrateWeights,
  defineScorecard,
  type GroupConfig,
  type ScorecardConfig,
  scoreHealth,
  withMeasureWeights,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { allMeasures, scorecardArb } from './healthArbitraries.js';

const linear = (id: string, weight = 1) => ({
  id,
  weight,
  rule: { type: 'linear' as const, min: 0, max: 100, direction: 'higherIsBetter' as const },
});

const NESTED = defineScorecard({
  measures: [linear('nps', 5)],
  groups: [
    {
      id: 'usage',
      weight: 2,
      measures: [linear('logins'), linear('seats')],
      groups: [{ id: 'depth', weight: 1, measures: [linear('features')] }],
    },
    { id: 'support', weight: 1, measures: [linear('tickets')] },
  ],
});

// Turns every `min` level into a weighted mean, so that weights can be expressed.
function meanOnly<T extends { aggregation?: string; groups?: readonly GroupConfig[] }>(level: T): T {
  return { ...level, aggregation: 'weightedMean', groups: (level.groups ?? []).map(meanOnly) };
}

describe('withMeasureWeights: worked examples', () => {
  it('sets leaf weights and group weights to the sums of their leaves', () => {
    const card = withMeasureWeights(NESTED, { nps: 10, logins: 30, seats: 20, features: 15, tickets: 25 });
    // usage = 30 + 20 + 15 = 65 (depth = 15); support = 25; top total = 10 + 65 + 25 = 100
    expect(card.measures[0]?.weight).toBe(10);
    expect(card.groups.map((group) => group.weight)).toEqual([65, 25]);
    expect(card.groups[0]?.groups?.[0]?.weight).toBe(15);
    const health = scoreHealth(card, { nps: 50, logins: 80, seats: 40, features: 100, tickets: 0 });
    // effective weights 0.10, 0.30, 0.20, 0.15, 0.25 (depth-first: nps, logins, seats, features, tickets)
    const shares = health.measures.map((measure) => measure.effectiveWeight);
    [0.1, 0.3, 0.2, 0.15, 0.25].forEach((share, i) => {
      expect(shares[i]).toBeCloseTo(share, 14);
    });
    // 0.1·50 + 0.3·80 + 0.2·40 + 0.15·100 + 0.25·0 = 5 + 24 + 8 + 15 + 0 = 52
    expect(health.score).toBe(52);
  });

  it('a group whose measures all get 0 gets weight 0 and keeps its children’s weights', () => {
    const card = withMeasureWeights(NESTED, { nps: 40, logins: 0, seats: 0, features: 0, tickets: 60 });
    expect(card.groups[0]).toEqual({ ...NESTED.groups[0], weight: 0 });
    const health = scoreHealth(card, { nps: 50, logins: 80, seats: 40, features: 100, tickets: 0 });
    // 0.4·50 + 0.6·0 = 20
    expect(health.score).toBe(20);
    expect(health.measures.map((measure) => measure.effectiveWeight)).toEqual([0.4, 0, 0, 0, 0.6]);
  });

  it('a group holding only groups gets the sum of its grandchildren', () => {
    const card = withMeasureWeights(
      {
        groups: [
          {
            id: 'outer',
            weight: 1,
            groups: [{ id: 'inner', weight: 1, measures: [linear('a'), linear('b')] }],
          },
        ],
      },
      { a: 3, b: 1 },
    );
    // outer = inner = 3 + 1 = 4
    expect(card.groups[0]?.weight).toBe(4);
    expect(card.groups[0]?.groups?.[0]?.weight).toBe(4);
  });

  it('keeps everything else and does not change its input', () => {
    const config: ScorecardConfig = {
      id: 'smb',
      missing: 'zero',
      minimumCoverage: 0.5,
      measures: [linear('a'), linear('b')],
    };
    const before = JSON.stringify(config);
    const card = withMeasureWeights(config, { a: '2.5', b: 1 });
    expect(JSON.stringify(config)).toBe(before);
    expect(card).toMatchObject({ id: 'smb', missing: 'zero', minimumCoverage: 0.5 });
    expect(card.measures.map((measure) => measure.weight)).toEqual([2.5, 1]);
  });
});

describe('withMeasureWeights: properties', () => {
  const weightedCase = scorecardArb.map(meanOnly).chain((card) => {
    const ids = allMeasures(card).map((measure) => measure.id);
    return fc
      .record({
        card: fc.constant(card),
        weights: fc.tuple(
          ...ids.map(() => fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true }))),
        ),
        values: fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 300 }))),
      })
      .map(({ card, weights, values }) => ({
        card,
        weights: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? weights[i]! + 1 : weights[i]!])),
        values: Object.fromEntries(ids.map((id, i) => [id, values[i]!])),
      }));
  });

  it('with no missing data every measure’s effective weight is its weight over the total, for any weightedMean scorecard', () => {
    fc.assert(
      fc.property(weightedCase, ({ card, weights, values }) => {
        const health = scoreHealth(withMeasureWeights(card, weights), values);
        const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
        for (const measure of health.measures) {
          expect(Math.abs(measure.effectiveWeight - weights[measure.id]! / total)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scaling all weights by a constant changes no score', () => {
    fc.assert(
      fc.property(weightedCase, fc.integer({ min: 2, max: 1000 }), ({ card, weights, values }, factor) => {
        const scaled = Object.fromEntries(
          Object.entries(weights).map(([id, weight]) => [id, weight * factor]),
        );
        const a = scoreHealth(withMeasureWeights(card, weights), values).score!;
        const b = scoreHealth(withMeasureWeights(card, scaled), values).score!;
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('round trip: calibrated weights give the calibrated score, and calibrating again gives the same weights', () => {
    fc.assert(
      fc.property(
        scorecardArb.map(meanOnly).chain((card) => {
          const ids = allMeasures(card).map((measure) => measure.id);
          const account = fc
            .tuple(...ids.map(() => fc.integer({ min: 0, max: 300 })))
            .map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]!])));
          return fc.record({
            card: fc.constant(card),
            accounts: fc.array(account, { minLength: 4, maxLength: 20 }),
            outcomes: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
          });
        }),
        ({ card, accounts, outcomes }) => {
          const churned = accounts.map((_, i) => (i === 0 ? true : i === 1 ? false : outcomes[i]!));
          const calibration = calibrateWeights(card, { accounts, churned })!;
          if (calibration.weights === null) return;
          const calibrated = withMeasureWeights(card, calibration.weights);
          for (const account of accounts) {
            const health = scoreHealth(calibrated, account);
            const direct = health.measures.reduce(
              (sum, m) => sum + (calibration.weights![m.id]! * m.score!) / 100,
              0,
            );
            expect(Math.abs(health.score! - direct)).toBeLessThanOrEqual(2e-6);
          }
          // the fit only sees the scores, never the configured weights
          const again = calibrateWeights(calibrated, { accounts, churned })!;
          expect(again.weights).toEqual(calibration.weights);
          expect(again.auc?.toString()).toBe(calibration.auc?.toString());
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('withMeasureWeights: bad input', () => {
  const all = { nps: 1, logins: 1, seats: 1, features: 1, tickets: 1 };
  it.each([
    ['weights not an object', () => withMeasureWeights(NESTED, [] as never), 'invalid_type', ['weights']],
    [
      'a weight missing',
      () => withMeasureWeights(NESTED, { ...all, seats: undefined } as never),
      'invalid_type',
      ['weights', 'seats'],
    ],
    [
      'a measure without a weight',
      () => withMeasureWeights(NESTED, { nps: 1, logins: 1, features: 1, tickets: 1 }),
      'missing_field',
      ['weights', 'seats'],
    ],
    [
      'an unknown id',
      () => withMeasureWeights(NESTED, { ...all, usage: 3 }),
      'unknown_field',
      ['weights', 'usage'],
    ],
    [
      'a negative weight',
      () => withMeasureWeights(NESTED, { ...all, logins: -1 }),
      'negative_amount',
      ['weights', 'logins'],
    ],
    [
      'all weights 0',
      () => withMeasureWeights(NESTED, { nps: 0, logins: 0, seats: 0, features: 0, tickets: 0 }),
      'invalid_config',
      ['weights'],
    ],
    [
      'a min group',
      () =>
        withMeasureWeights(
          { ...NESTED, groups: [NESTED.groups[0]!, { ...NESTED.groups[1]!, aggregation: 'min' }] },
          all,
        ),
      'invalid_config',
      ['groups', 1, 'aggregation'],
    ],
    [
      'a min top level',
      () => withMeasureWeights({ ...NESTED, aggregation: 'min' }, all),
      'invalid_config',
      ['aggregation'],
    ],
    ['an invalid scorecard', () => withMeasureWeights({ measures: [] }, {}), 'empty_input', ['measures']],
  ])('%s', (_, run, code, path) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });
});
