import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  defineScorecard,
  type GroupConfig,
  type HealthScore,
  type MeasureConfig,
  type ScorecardConfig,
  scoreHealth,
  scoreMeasure,
  toDecimal,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { allMeasures, scorecardArb, valuesArb } from './healthArbitraries.js';

const identity = { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } as const;
const gainsight = defineScorecard({
  measures: [
    { id: 'tickets', weight: 20, rule: identity },
    { id: 'resolution', weight: 15, rule: identity },
    { id: 'frequency', weight: 22, rule: identity },
  ],
});

function decimalSum(values: readonly (number | null)[]): Decimal {
  return values.reduce<Decimal>((sum, value) => sum.plus(value ?? 0), toDecimal(0));
}

describe('scoreHealth: worked examples', () => {
  it('nested groups with weightedMean and min (hand-computed)', () => {
    const card = defineScorecard({
      groups: [
        {
          id: 'usage',
          weight: 3,
          measures: [
            {
              id: 'logins',
              weight: 1,
              rule: { type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' },
            },
            { id: 'seats', weight: 1, rule: { type: 'percentOfTarget', target: 50 } },
          ],
        },
        {
          id: 'risk',
          weight: 1,
          aggregation: 'min',
          measures: [
            {
              id: 'tickets',
              weight: 1,
              rule: { type: 'linear', min: 0, max: 10, direction: 'lowerIsBetter' },
            },
            {
              id: 'sentiment',
              weight: 1,
              rule: { type: 'categorical', scores: { happy: 100, neutral: 60, angry: 0 } },
            },
          ],
        },
      ],
    });
    const health = scoreHealth(card, { logins: 15, seats: 40, tickets: 2, sentiment: 'neutral' });
    // logins 15/20 → 75; seats 40/50 → 80; usage = (75 + 80) / 2 = 77.5
    // tickets 2 of 0..10 lower-is-better → 80; sentiment 60; risk = min(80, 60) = 60
    // overall = (3 × 77.5 + 1 × 60) / 4 = 292.5 / 4 = 73.125 → yellow
    expect(health.score).toBe(73.125);
    expect(health.band).toBe('yellow');
    expect(health.groups.map((group) => [group.id, group.score])).toEqual([
      ['usage', 77.5],
      ['risk', 60],
    ]);
    // effective weights: logins 3/4 × 1/2 = 0.375, seats 0.375, tickets 0 (not the min), sentiment 0.25
    expect(health.measures.map((measure) => measure.effectiveWeight)).toEqual([0.375, 0.375, 0, 0.25]);
    // contributions: 0.375 × 75 = 28.125, 0.375 × 80 = 30, 0, 0.25 × 60 = 15; sum 73.125
    expect(health.measures.map((measure) => measure.contribution)).toEqual([28.125, 30, 0, 15]);
    // points lost: 0.375 × 25 = 9.375, 0.375 × 20 = 7.5, 0, 0.25 × 40 = 10 → sentiment is the thing to fix
    expect(health.measures.map((measure) => measure.pointsLost)).toEqual([9.375, 7.5, 0, 10]);
    expect(health.groups.map((group) => group.contribution)).toEqual([58.125, 15]);
  });

  it('missing data: exclude renormalises, zero and neutral impute, fail names the measure', () => {
    const measures = (missing: MeasureConfig['missing']): MeasureConfig[] => [
      { id: 'a', weight: 1, rule: identity },
      { id: 'b', weight: 3, rule: identity, ...(missing === undefined ? {} : { missing }) },
    ];
    // exclude: only a (80) remains → 80, coverage 1/4
    const excluded = scoreHealth({ measures: measures(undefined) }, { a: 80 });
    expect([excluded.score, excluded.coverage, excluded.measures[1]?.status]).toEqual([80, 0.25, 'excluded']);
    // zero: (1 × 80 + 3 × 0) / 4 = 20
    expect(scoreHealth({ measures: measures('zero') }, { a: 80, b: null }).score).toBe(20);
    // neutral 50: (80 + 150) / 4 = 57.5, status imputed, coverage still 1/4
    const neutral = scoreHealth({ measures: measures({ neutral: 50 }) }, { a: 80 });
    expect([neutral.score, neutral.measures[1]?.status, neutral.coverage]).toEqual([57.5, 'imputed', 0.25]);
    expect(errorOf(() => scoreHealth({ measures: measures('fail') }, { a: 80 }))).toMatchObject({
      code: 'missing_field',
      path: ['measures', 'b'],
    });
    // minimum coverage 0.5 > 0.25 → null score, but the computed score is kept
    const thin = scoreHealth({ measures: measures(undefined), minimumCoverage: 0.5 }, { a: 80 });
    expect([thin.score, thin.computedScore, thin.band]).toEqual([null, 80, null]);
    // nothing present → null everywhere
    const empty = scoreHealth({ measures: measures(undefined) }, {});
    expect([empty.score, empty.computedScore, empty.coverage, empty.measures[0]?.contribution]).toEqual([
      null,
      null,
      0,
      null,
    ]);
  });

  it('a group-level missing policy is inherited by its measures', () => {
    const card: ScorecardConfig = {
      missing: 'fail',
      groups: [
        {
          id: 'g',
          weight: 1,
          missing: 'zero',
          measures: [
            { id: 'a', weight: 1, rule: identity },
            { id: 'b', weight: 1, rule: identity },
          ],
        },
      ],
    };
    // (100 + 0) / 2
    expect(scoreHealth(card, { a: 100 }).score).toBe(50);
  });

  it('overrides replace a measure, a group or the account until they expire', () => {
    const card: ScorecardConfig = {
      groups: [
        { id: 'usage', weight: 1, measures: [{ id: 'logins', weight: 1, rule: identity }] },
        {
          id: 'support',
          weight: 1,
          measures: [
            { id: 'tickets', weight: 1, rule: identity },
            { id: 'csat', weight: 1, rule: identity },
          ],
        },
      ],
    };
    const values = { logins: 40, tickets: 20, csat: 60 };
    // no override: (40 + (20 + 60) / 2) / 2 = 40
    expect(scoreHealth(card, values).score).toBe(40);
    // measure override: tickets := 100 → support 80 → (40 + 80) / 2 = 60
    const measure = scoreHealth(card, values, {
      overrides: [{ scope: 'measure', id: 'tickets', score: 100, reason: 'bug backlog cleared' }],
    });
    expect([measure.score, measure.measures[1]?.status, measure.overrides.length]).toEqual([
      60,
      'overridden',
      1,
    ]);
    // group override: support := 90, its measures stop contributing → (40 + 90) / 2 = 65
    const group = scoreHealth(card, values, {
      overrides: [
        { scope: 'group', id: 'support', score: 90, reason: 'exec sponsor engaged', expiresAt: '2024-07-01' },
      ],
      asOf: '2024-06-30',
    });
    expect(group.score).toBe(65);
    expect(group.measures.map((m) => m.contribution)).toEqual([20, 0, 0]);
    expect(group.groups.map((g) => [g.status, g.contribution])).toEqual([
      ['scored', 20],
      ['overridden', 45],
    ]);
    expect(group.coverage).toBe(1);
    // on the expiry date the override no longer applies
    expect(
      scoreHealth(card, values, {
        overrides: [{ scope: 'group', id: 'support', score: 90, reason: 'x', expiresAt: '2024-07-01' }],
        asOf: '2024-07-01',
      }).score,
    ).toBe(40);
    // account override: the reported score is the override; contributions still explain the computed score
    const account = scoreHealth(card, values, {
      overrides: [{ scope: 'account', score: 10, reason: 'announced non-renewal' }],
      previous: 12,
    });
    expect([account.score, account.computedScore, account.band, account.overridden]).toEqual([
      10,
      40,
      'red',
      true,
    ]);
    expect(account.trend).toEqual({ previous: 12, change: -2, direction: 'down' });
    // an overridden measure with no raw value is still covered
    const manual = scoreHealth(
      card,
      { logins: 40, csat: 60 },
      {
        overrides: [{ scope: 'measure', id: 'tickets', score: 20, reason: 'from the QBR' }],
      },
    );
    expect([manual.score, manual.coverage]).toEqual([40, 1]);
  });

  it('keeps full precision with subnormal and huge weights (weights are rescaled by powers of two)', () => {
    // (1 × 30 + 3 × 70) / 4 = 60, whatever the common scale of the weights
    for (const unit of [5e-324, 1e-300, 1, 1e300]) {
      const card = {
        measures: [
          { id: 'a', weight: unit, rule: identity },
          { id: 'b', weight: unit * 3, rule: identity },
        ],
      };
      expect(scoreHealth(card, { a: 30, b: 70 }).score).toBe(60);
    }
  });

  it('reports the change against the previous score', () => {
    const health = scoreHealth(gainsight, { tickets: 50, resolution: 50, frequency: 50 }, { previous: 50 });
    expect(health.trend).toEqual({ previous: 50, change: 0, direction: 'flat' });
    expect(
      scoreHealth(gainsight, { tickets: 60, resolution: 60, frequency: 60 }, { previous: 50 }).trend
        ?.direction,
    ).toBe('up');
    expect(scoreHealth(gainsight, {}, { previous: 50 }).trend).toBeNull();
    expect(scoreHealth(gainsight, { tickets: 1 }, { previous: null }).trend).toBeNull();
  });
});

describe('scoreHealth: published reference', () => {
  it("matches Gainsight's documented group score: weights 20, 15, 22 and scores 47, 59, 21 give 40.122", () => {
    // Gainsight NXT, "Calculation of Measure Group Scores and Overall Score":
    // (20×47 + 15×59 + 22×21) / (20+15+22) = (940 + 885 + 462) / 57 = 2287 / 57 = 40.1228…, displayed as 40.
    const health = scoreHealth(gainsight, { tickets: 47, resolution: 59, frequency: 21 });
    expect(health.score).toBe(40.122807);
    expect(Math.round(health.score ?? 0)).toBe(40);
    // 940/57 = 16.4912280…, 885/57 = 15.5263157…, 462/57 = 8.1052631… (rounded to micro-points, sum 40.122807)
    expect(health.measures.map((measure) => measure.contribution)).toEqual([16.491228, 15.526316, 8.105263]);
  });
});

// An independent exact oracle: the same tree evaluated with Decimals and plain recursion.
function oracle(
  level: {
    readonly measures?: readonly MeasureConfig[];
    readonly groups?: readonly GroupConfig[];
    readonly aggregation?: string;
  },
  values: Record<string, number | undefined>,
): Decimal | null {
  const children: { weight: number; score: Decimal }[] = [];
  for (const measure of level.measures ?? []) {
    const value = values[measure.id];
    if (value !== undefined)
      children.push({ weight: measure.weight, score: toDecimal(scoreMeasure(measure.rule, value)) });
  }
  for (const group of level.groups ?? []) {
    const score = oracle(group, values);
    if (score !== null) children.push({ weight: group.weight, score });
  }
  if (level.aggregation === 'min') {
    const candidates = children.filter((child) => child.weight > 0).map((child) => child.score);
    return candidates.length === 0 ? null : Decimal.min(...candidates);
  }
  const total = children.reduce((sum, child) => sum.plus(child.weight), toDecimal(0));
  if (total.isZero()) return null;
  return children
    .reduce((sum, child) => sum.plus(child.score.times(child.weight)), toDecimal(0))
    .dividedBy(total);
}

function withoutMeasure(level: ScorecardConfig | GroupConfig, id: string): ScorecardConfig {
  return {
    ...level,
    measures: (level.measures ?? []).filter((measure) => measure.id !== id),
    groups: (level.groups ?? []).map((group) => ({ ...group, ...withoutMeasure(group, id) }) as GroupConfig),
  };
}

const cases = scorecardArb.chain((card) => fc.tuple(fc.constant(card), valuesArb(card)));

describe('scoreHealth: properties', () => {
  it('the score lies within [0, 100] and the contributions sum to it exactly, for any scorecard and data', () => {
    fc.assert(
      fc.property(cases, ([card, values]) => {
        const health = scoreHealth(card, values);
        if (health.computedScore === null) return;
        expect(health.computedScore).toBeGreaterThanOrEqual(0);
        expect(health.computedScore).toBeLessThanOrEqual(100);
        const contributions = health.measures.map((measure) => measure.contribution);
        const overriddenGroups = health.groups.filter((group) => group.status === 'overridden');
        expect(overriddenGroups).toEqual([]);
        expect(decimalSum(contributions).equals(toDecimal(health.computedScore))).toBe(true);
        for (const measure of health.measures) expect(measure.contribution ?? 0).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with an exact Decimal evaluation of the same tree to within 1 micro-point', () => {
    fc.assert(
      fc.property(cases, ([card, values]) => {
        const exact = oracle(card, values);
        const health = scoreHealth(card, values);
        if (exact === null) {
          expect(health.computedScore).toBeNull();
          return;
        }
        expect(toDecimal(health.computedScore!).minus(exact).abs().lessThanOrEqualTo('0.000001')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('raising one measure’s raw value in its better direction never lowers the score', () => {
    fc.assert(
      fc.property(cases, fc.nat(), fc.integer({ min: 1, max: 100 }), ([card, values], pick, step) => {
        const measures = allMeasures(card);
        const measure = measures[pick % measures.length]!;
        const before = values[measure.id] ?? 0;
        const direction = 'direction' in measure.rule ? measure.rule.direction : 'higherIsBetter';
        const after = direction === 'lowerIsBetter' ? Math.max(0, before - step) : before + step;
        const low = scoreHealth(card, { ...values, [measure.id]: before }).computedScore;
        const high = scoreHealth(card, { ...values, [measure.id]: after }).computedScore;
        if (low === null)
          expect(high).toBeNull(); // only zero-weight parts present: no score either way
        else expect(high).toBeGreaterThanOrEqual(low);
      }),
      { numRuns: 150 },
    );
  });

  it('scaling all weights by a constant changes nothing (exactly for powers of two, within a micro-point otherwise)', () => {
    const scale = (level: ScorecardConfig | GroupConfig, by: number): ScorecardConfig => ({
      ...level,
      measures: (level.measures ?? []).map((measure) => ({ ...measure, weight: measure.weight * by })),
      groups: (level.groups ?? []).map(
        (group) => ({ ...group, ...scale(group, by), weight: group.weight * by }) as GroupConfig,
      ),
    });
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: -4, max: 10 }),
        fc.integer({ min: 1, max: 1000 }),
        ([card, values], power, factor) => {
          const base = scoreHealth(card, values);
          const doubled = scoreHealth(scale(card, 2 ** power), values);
          expect(doubled.computedScore).toBe(base.computedScore);
          expect(doubled.measures.map((m) => m.contribution)).toEqual(
            base.measures.map((m) => m.contribution),
          );
          const scaled = scoreHealth(scale(card, factor), values).computedScore;
          if (base.computedScore === null) expect(scaled).toBeNull();
          else expect(Math.abs(scaled! - base.computedScore)).toBeLessThanOrEqual(1e-6 + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('with exclude, a missing measure gives the same score as a scorecard without it', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ([card, values], pick) => {
        const measures = allMeasures(card);
        const measure = measures[pick % measures.length]!;
        const reduced = withoutMeasure(card, measure.id);
        let valid = true;
        try {
          defineScorecard(reduced);
        } catch {
          valid = false; // the measure was the only (or only weighted) child of its level
        }
        fc.pre(valid);
        const missing = scoreHealth(card, { ...values, [measure.id]: undefined });
        const without = scoreHealth(reduced, values);
        expect(missing.computedScore).toBe(without.computedScore);
        const others = missing.measures.filter((m) => m.id !== measure.id).map((m) => [m.id, m.contribution]);
        expect(others).toEqual(without.measures.map((m) => [m.id, m.contribution]));
      }),
      { numRuns: 150 },
    );
  });

  it('the points lost sum to 100 minus the score, to within a micro-point per measure', () => {
    fc.assert(
      fc.property(cases, ([card, values]) => {
        const health = scoreHealth(card, values);
        if (health.computedScore === null) return;
        const lost = health.measures.reduce((sum, measure) => sum + (measure.pointsLost ?? 0), 0);
        expect(Math.abs(lost - (100 - health.computedScore))).toBeLessThanOrEqual(
          1e-6 * (health.measures.length + 1),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('scoreHealth: bad input', () => {
  it('names the measure whose raw value is invalid', () => {
    expect(errorOf(() => scoreHealth(gainsight, { tickets: 'lots' }))).toMatchObject({
      code: 'invalid_number',
      path: ['measures', 'tickets'],
    });
    expect(errorOf(() => scoreHealth(gainsight, { tickets: Number.NaN }))).toMatchObject({
      code: 'not_finite',
      path: ['measures', 'tickets'],
    });
    expect(errorOf(() => scoreHealth(gainsight, null as never))).toMatchObject({
      code: 'invalid_type',
      path: ['measures'],
    });
    expect(errorOf(() => scoreHealth(gainsight, {}, null as never))).toMatchObject({
      code: 'invalid_type',
      path: ['options'],
    });
  });

  it('rejects bad previous scores and overrides with their path', () => {
    expect(errorOf(() => scoreHealth(gainsight, {}, { previous: 101 }))).toMatchObject({
      code: 'out_of_range',
      path: ['previous'],
    });
    expect(errorOf(() => scoreHealth(gainsight, {}, { previous: '5' as never }))).toMatchObject({
      code: 'invalid_type',
      path: ['previous'],
    });
    const override = { scope: 'measure', id: 'tickets', score: 50, reason: 'r' } as const;
    expect(errorOf(() => scoreHealth(gainsight, {}, { overrides: [override, override] }))).toMatchObject({
      code: 'invalid_config',
      path: ['overrides', 1],
    });
    expect(
      errorOf(() => scoreHealth(gainsight, {}, { overrides: [{ ...override, id: 'nope' }] })),
    ).toMatchObject({
      code: 'invalid_value',
      path: ['overrides', 0, 'id'],
    });
    expect(
      errorOf(() => scoreHealth(gainsight, {}, { overrides: [{ ...override, score: 120 }] })),
    ).toMatchObject({
      code: 'out_of_range',
      path: ['overrides', 0, 'score'],
    });
    expect(
      errorOf(() => scoreHealth(gainsight, {}, { overrides: [{ ...override, reason: '' }] })),
    ).toMatchObject({
      path: ['overrides', 0, 'reason'],
    });
    expect(
      errorOf(() => scoreHealth(gainsight, {}, { overrides: [{ ...override, expiresAt: '2024-01-01' }] })),
    ).toMatchObject({
      code: 'missing_field',
      path: ['options', 'asOf'],
    });
    expect(
      errorOf(() =>
        scoreHealth(
          gainsight,
          {},
          { asOf: '2024-01-01', overrides: [{ ...override, expiresAt: '2024-13-01' }] },
        ),
      ),
    ).toMatchObject({ code: 'invalid_date', path: ['overrides', 0, 'expiresAt'] });
    expect(errorOf(() => scoreHealth(gainsight, {}, { asOf: 'yesterday' }))).toMatchObject({
      code: 'invalid_date',
      path: ['options', 'asOf'],
    });
  });

  it('has the documented result types', () => {
    expectTypeOf(scoreHealth).returns.toEqualTypeOf<HealthScore>();
    expectTypeOf<HealthScore['score']>().toEqualTypeOf<number | null>();
  });
});
