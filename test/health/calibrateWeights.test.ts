import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CalibrateWeightsInput,
  calibrateWeights,
  type Decimal,
  defineScorecard,
  type ScorecardConfig,
  type WeightCalibration,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { allMeasures, scorecardArb, valuesArb } from './healthArbitraries.js';

const linear = (
  id: string,
  max: number,
  direction: 'higherIsBetter' | 'lowerIsBetter' = 'higherIsBetter',
) => ({
  id,
  weight: 1,
  rule: { type: 'linear' as const, min: 0, max, direction },
});

const TWO = defineScorecard({ measures: [linear('logins', 20), linear('tickets', 10, 'lowerIsBetter')] });

// The reference portfolio (scores: logins/20·100, (1 − tickets/10)·100, min(100, 2·seats)).
const REFERENCE_CARD = defineScorecard({
  measures: [
    linear('logins', 20),
    linear('tickets', 10, 'lowerIsBetter'),
    { id: 'seats', weight: 1, rule: { type: 'percentOfTarget', target: 50 } },
  ],
});
const LOGINS = [2, 4, 5, 9, 12, 15, 18, 20, 7, 11, 3, 16, 25, 1];
const TICKETS = [1, 6, 2, 3, 2, 7, 1, 4, 9, 0, 5, 3, 2, 8];
const SEATS = [10, 40, 25, 30, 45, 20, 50, 35, 15, 60, 5, 30, 40, 25];
const REFERENCE_INPUT: CalibrateWeightsInput = {
  accounts: LOGINS.map((logins, i) => ({ logins, tickets: TICKETS[i], seats: SEATS[i] })),
  churned: [1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1].map(Boolean),
};

// Portfolios for random scorecards: raw values (some missing) and outcomes with both classes present.
const portfolioArb = scorecardArb.chain((card) =>
  fc
    .record({
      card: fc.constant(card),
      accounts: fc.array(valuesArb(card), { minLength: 4, maxLength: 24 }),
      outcomes: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    })
    .map(({ card, accounts, outcomes }) => ({
      card,
      input: {
        accounts,
        churned: accounts.map((_, i) => (i === 0 ? true : i === 1 ? false : outcomes[i]!)),
      },
    })),
);

// Two fits compared with each other stop at a tighter gradient tolerance than the default, so that they agree to
// far better than the 1e-7 compared.
const TIGHT = { tolerance: 1e-13 };

function totalMicroUnits(weights: Readonly<Record<string, number>>): number {
  return Object.values(weights).reduce((sum, weight) => sum + Math.round(weight * 1e6), 0);
}

describe('calibrateWeights: worked examples', () => {
  it('one measure, one churned account at 0 and one retained at 100', () => {
    // mean 50, population sd 50 → z = (−1, 1); churn log-odds b₀ − β·z. By symmetry b₀ = 0, and
    // ∂/∂β [log(1 + e^(β)) − β + log(1 + e^(−β))] + β = 0 → β = 2/(1 + e^β) → β = 0.6748316143… (scipy brentq)
    const card = defineScorecard({ measures: [linear('usage', 100)] });
    const result = calibrateWeights(card, {
      accounts: [{ usage: 0 }, { usage: 100 }],
      churned: [true, false],
    });
    expect(result?.coefficients.usage).toBeCloseTo(0.6748316143423994, 10);
    expect(result?.intercept).toBeCloseTo(0, 10);
    expect(result?.weights).toEqual({ usage: 100 });
    expect(result?.auc?.toString()).toBe('1');
    expect(result).toMatchObject({
      l2: 1,
      converged: true,
      accounts: 2,
      churned: 1,
      wrongDirection: [],
      constant: [],
    });
  });

  it('the documented example: logins carry most of the signal, tickets some', () => {
    const result = calibrateWeights(TWO, {
      accounts: [
        { logins: 2, tickets: 1 },
        { logins: 4, tickets: 6 },
        { logins: 5, tickets: 2 },
        { logins: 9, tickets: 3 },
        { logins: 12, tickets: 2 },
        { logins: 15, tickets: 7 },
        { logins: 18, tickets: 1 },
        { logins: 20, tickets: 4 },
      ],
      churned: [true, true, false, true, false, false, false, false],
    });
    // churned 10, 20, 45 vs retained 25, 60, 75, 90, 100 on logins: 14 of 15 pairs ordered → logins' AUC 14/15;
    // the calibrated score keeps that order: AUC 0.9333
    expect(result?.weights).toEqual({ logins: 82.759595, tickets: 17.240405 });
    expect(result?.auc?.toFixed(4)).toBe('0.9333');
  });

  it('a measure associated the wrong way gets weight 0 and is listed', () => {
    // the churned accounts have the fewest tickets (scores 90, 100, 80), so tickets would raise churn risk
    const result = calibrateWeights(TWO, {
      accounts: [
        { logins: 2, tickets: 1 },
        { logins: 4, tickets: 0 },
        { logins: 5, tickets: 5 },
        { logins: 9, tickets: 2 },
        { logins: 12, tickets: 6 },
        { logins: 15, tickets: 3 },
        { logins: 18, tickets: 7 },
        { logins: 20, tickets: 4 },
      ],
      churned: [true, true, false, true, false, false, false, false],
    });
    expect(result?.weights).toEqual({ logins: 100, tickets: 0 });
    expect(result?.coefficients.tickets).toBe(0);
    expect(result?.wrongDirection).toEqual(['tickets']);
  });

  it('a missing score under exclude is the measure’s mean score: the same fit as giving that score', () => {
    // tickets present: 2, 8, 5 → scores 80, 20, 50 → mean 50 = the score of 5 tickets
    const accounts = [
      { logins: 3, tickets: 2 },
      { logins: 10 },
      { logins: 6, tickets: 8 },
      { logins: 18, tickets: 5 },
    ];
    const churned = [true, false, true, false];
    const withGap = calibrateWeights(TWO, { accounts, churned });
    const filled = calibrateWeights(TWO, { accounts: accounts.map((a) => ({ tickets: 5, ...a })), churned });
    expect(withGap).toEqual(filled);
  });

  it('a missing score under zero or neutral is the score the policy gives', () => {
    const zero = defineScorecard({ missing: 'zero', measures: TWO.measures });
    const neutral = defineScorecard({ missing: { neutral: 30 }, measures: TWO.measures });
    const accounts = [
      { logins: 3, tickets: 2 },
      { logins: 10 },
      { logins: 6, tickets: 8 },
      { logins: 18, tickets: 5 },
    ];
    const churned = [true, false, true, false];
    // 10 tickets score 0; 7 tickets score 30
    expect(calibrateWeights(zero, { accounts, churned })).toEqual(
      calibrateWeights(TWO, { accounts: accounts.map((a) => ({ tickets: 10, ...a })), churned }),
    );
    expect(calibrateWeights(neutral, { accounts, churned })).toEqual(
      calibrateWeights(TWO, { accounts: accounts.map((a) => ({ tickets: 7, ...a })), churned }),
    );
  });

  it('a constant measure is listed and gets weight 0', () => {
    const result = calibrateWeights(TWO, {
      accounts: [1, 5, 9, 14].map((logins) => ({ logins, tickets: 3 })),
      churned: [true, true, false, false],
    });
    expect(result?.constant).toEqual(['tickets']);
    expect(result?.weights).toEqual({ logins: 100, tickets: 0 });
    expect(result?.wrongDirection).toEqual([]);
  });

  it('when no measure predicts churn the weights and AUC are null, never NaN', () => {
    const card = defineScorecard({ measures: [linear('usage', 100)] });
    const result = calibrateWeights(card, {
      accounts: [{ usage: 90 }, { usage: 10 }],
      churned: [true, false],
    });
    expect(result?.weights).toBeNull();
    expect(result?.auc).toBeNull();
    expect(result?.coefficients).toEqual({ usage: 0 });
    expect(result?.wrongDirection).toEqual(['usage']);
  });

  it('nobody or everybody churned: null, as the fit does not exist', () => {
    const accounts = [{ logins: 1 }, { logins: 2 }];
    expect(calibrateWeights(TWO, { accounts, churned: [false, false] })).toBeNull();
    expect(calibrateWeights(TWO, { accounts, churned: [true, true] })).toBeNull();
  });
});

describe('calibrateWeights: scipy reference', () => {
  // scipy 1.17, computed here: scores s as in REFERENCE_CARD, z = (s − s.mean(0)) / s.std(0) (population sd),
  //   minimize(f, np.zeros(4), jac=g, method='L-BFGS-B', bounds=[(None, None)] + [(0, None)]*3,
  //            options={'ftol': 1e-16, 'gtol': 1e-12})
  //   f(t) = Σ logaddexp(0, η) − y·η + λ/2·‖t[1:]‖², η = t[0] + (−z) @ t[1:];  weights = 100·r/Σr, r = β/sd
  it.each([
    [
      1,
      [-0.51450535077, 1.264356568714, 0.569401559749, 0.467014439237],
      [50.506907970111, 27.405298403419, 22.087793626471],
    ],
    [
      3,
      [-0.389197461807, 0.756670973794, 0.378414089426, 0.383870517868],
      [45.388559230345, 27.348989893869, 27.262450875786],
    ],
  ])('λ = %s agrees with L-BFGS-B', (l2, theta, weights) => {
    const result = calibrateWeights(REFERENCE_CARD, REFERENCE_INPUT, { l2 });
    expect(Math.abs(result!.intercept - theta[0]!)).toBeLessThan(1e-8);
    ['logins', 'tickets', 'seats'].forEach((id, j) => {
      expect(Math.abs(result!.coefficients[id]! - theta[j + 1]!)).toBeLessThan(1e-8);
      expect(Math.abs(result!.weights![id]! - weights[j]!)).toBeLessThanOrEqual(1.5e-6);
    });
    expect(totalMicroUnits(result!.weights!)).toBe(100_000_000);
  });
});

describe('calibrateWeights: properties', () => {
  it('weights are >= 0 with 6 decimals and sum to exactly 100 micro-units, for any scorecard and portfolio', () => {
    fc.assert(
      fc.property(portfolioArb, ({ card, input }) => {
        const result = calibrateWeights(card, input)!;
        expect(result.converged).toBe(true);
        const ids = allMeasures(card).map((measure) => measure.id);
        expect(Object.keys(result.coefficients).sort()).toEqual([...ids].sort());
        for (const id of ids) {
          expect(result.coefficients[id]).toBeGreaterThanOrEqual(0);
          const zero = result.coefficients[id] === 0;
          expect(zero).toBe(result.wrongDirection.includes(id) || result.constant.includes(id));
        }
        if (result.weights === null) {
          expect(Object.values(result.coefficients).every((beta) => beta === 0)).toBe(true);
          expect(result.auc).toBeNull();
          return;
        }
        for (const weight of Object.values(result.weights)) {
          expect(weight).toBeGreaterThanOrEqual(0);
          expect(Math.round(weight * 1e6) / 1e6).toBe(weight);
        }
        expect(totalMicroUnits(result.weights)).toBe(100_000_000);
        expect(ids.filter((id) => result.weights![id]! > 0).every((id) => result.coefficients[id]! > 0)).toBe(
          true,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('reordering the accounts gives the same fit', () => {
    fc.assert(
      fc.property(portfolioArb, fc.nat(), ({ card, input }, seed) => {
        const order = input.accounts
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
        const fit = calibrateWeights(card, input, TIGHT)!;
        const shuffled = calibrateWeights(
          card,
          {
            accounts: order.map((i) => input.accounts[i]!),
            churned: order.map((i) => input.churned[i]!),
          },
          TIGHT,
        )!;
        expect(shuffled.intercept).toBeCloseTo(fit.intercept, 7);
        for (const [id, beta] of Object.entries(fit.coefficients))
          expect(shuffled.coefficients[id]).toBeCloseTo(beta, 7);
        for (const [id, weight] of Object.entries(fit.weights ?? {})) {
          expect(Math.abs(shuffled.weights![id]! - weight)).toBeLessThanOrEqual(1.5e-6);
        }
        expect(shuffled.auc?.toString()).toBe(fit.auc?.toString());
      }),
      { numRuns: 40 },
    );
  });

  it('duplicating every account with λ doubled gives the same fit', () => {
    fc.assert(
      fc.property(portfolioArb, ({ card, input }) => {
        const fit = calibrateWeights(card, input, TIGHT)!;
        const twice = calibrateWeights(
          card,
          { accounts: [...input.accounts, ...input.accounts], churned: [...input.churned, ...input.churned] },
          { ...TIGHT, l2: 2 },
        )!;
        expect(twice.intercept).toBeCloseTo(fit.intercept, 7);
        for (const [id, beta] of Object.entries(fit.coefficients))
          expect(twice.coefficients[id]).toBeCloseTo(beta, 7);
        expect(twice.churned).toBe(2 * fit.churned);
        expect(twice.auc?.toString()).toBe(fit.auc?.toString());
      }),
      { numRuns: 40 },
    );
  });

  it('a measure whose score tracks churn perfectly gets the largest coefficient and weight', () => {
    // churned accounts score 0 on `tracker` and retained ones 100; the noise measures are paired so that each
    // noise value occurs once among the churned and once among the retained accounts
    const noiseArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(noiseArb, { minLength: 1, maxLength: 3 }), (noises) => {
        const pairs = Math.min(...noises.map((noise) => noise.length));
        const measures = [linear('tracker', 1), ...noises.map((_, k) => linear(`noise${k}`, 100))];
        const card = defineScorecard({ measures });
        const accounts = Array.from({ length: 2 * pairs }, (_, i) => ({
          tracker: i < pairs ? 0 : 1,
          ...Object.fromEntries(noises.map((noise, k) => [`noise${k}`, noise[i % pairs]])),
        }));
        const result = calibrateWeights(card, { accounts, churned: accounts.map((_, i) => i < pairs) })!;
        for (const [id, beta] of Object.entries(result.coefficients)) {
          if (id !== 'tracker') {
            expect(result.coefficients.tracker).toBeGreaterThan(beta);
            expect(result.weights!.tracker).toBeGreaterThan(result.weights![id]!);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rescaling a linear measure’s raw units (values and rule together) changes no weight', () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 2, max: 1000 }), ({ card, input }, factor) => {
        const target = allMeasures(card).find((measure) => measure.rule.type === 'linear');
        if (target === undefined || target.rule.type !== 'linear') return;
        const rule = target.rule;
        const rescaled = JSON.parse(JSON.stringify(card)) as ScorecardConfig;
        const copy = allMeasures(rescaled).find((measure) => measure.id === target.id)!;
        Object.assign(copy, { rule: { ...rule, min: rule.min * factor, max: rule.max * factor } });
        const accounts = input.accounts.map((account) => {
          const value = account[target.id];
          return value === undefined ? account : { ...account, [target.id]: value * factor };
        });
        const fit = calibrateWeights(card, input)!;
        const scaled = calibrateWeights(rescaled, { accounts, churned: input.churned })!;
        for (const [id, weight] of Object.entries(fit.weights ?? {})) {
          expect(Math.abs(scaled.weights![id]! - weight)).toBeLessThanOrEqual(2e-6);
        }
        for (const [id, beta] of Object.entries(fit.coefficients))
          expect(scaled.coefficients[id]).toBeCloseTo(beta, 6);
      }),
      { numRuns: 40 },
    );
  });

  it('an affine change of a measure’s score scale leaves the coefficients unchanged and divides its rate', () => {
    // scores 0–100 → 20–60 (worstScore 20, bestScore 60): the same z, hence the same β; r = β/sd grows 2.5×
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.boolean()), {
          minLength: 4,
          maxLength: 30,
        }),
        (rows) => {
          const accounts = rows.map(([logins, tickets]) => ({ logins, tickets }));
          const churned = rows.map(([, , outcome], i) => (i === 0 ? true : i === 1 ? false : outcome));
          const squeezed = defineScorecard({
            measures: [
              {
                ...linear('logins', 20),
                rule: { ...linear('logins', 20).rule, worstScore: 20, bestScore: 60 },
              },
              TWO.measures[1]!,
            ],
          });
          const fit = calibrateWeights(TWO, { accounts, churned })!;
          const other = calibrateWeights(squeezed, { accounts, churned })!;
          expect(other.coefficients.logins).toBeCloseTo(fit.coefficients.logins!, 7);
          expect(other.coefficients.tickets).toBeCloseTo(fit.coefficients.tickets!, 7);
          if (fit.weights !== null && fit.weights.tickets! > 0 && fit.weights.logins! > 0) {
            const ratio = (weights: Readonly<Record<string, number>>) => weights.logins! / weights.tickets!;
            expect(ratio(other.weights!) / ratio(fit.weights)).toBeCloseTo(2.5, 3);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('calibrateWeights: bad input', () => {
  const accounts = [{ logins: 1 }, { logins: 2 }];
  const churned = [true, false];
  it.each([
    ['input not an object', () => calibrateWeights(TWO, null as never), 'invalid_type', ['input']],
    [
      'accounts not an array',
      () => calibrateWeights(TWO, { accounts: {}, churned } as never),
      'invalid_type',
      ['accounts'],
    ],
    [
      'churned not an array',
      () => calibrateWeights(TWO, { accounts, churned: 1 } as never),
      'invalid_type',
      ['churned'],
    ],
    [
      'options not an object',
      () => calibrateWeights(TWO, { accounts, churned }, 1 as never),
      'invalid_type',
      ['options'],
    ],
    [
      'an unknown option',
      () => calibrateWeights(TWO, { accounts, churned }, { lambda: 1 } as never),
      'unknown_field',
      ['options', 'lambda'],
    ],
    [
      'l2 = 0',
      () => calibrateWeights(TWO, { accounts, churned }, { l2: 0 }),
      'not_positive',
      ['options', 'l2'],
    ],
    [
      'l2 not a number',
      () => calibrateWeights(TWO, { accounts, churned }, { l2: 'x' }),
      'invalid_number',
      ['options', 'l2'],
    ],
    [
      'l2 below the doubles',
      () => calibrateWeights(TWO, { accounts, churned }, { l2: '1e-400' }),
      'out_of_range',
      ['options', 'l2'],
    ],
    [
      'tolerance < 0',
      () => calibrateWeights(TWO, { accounts, churned }, { tolerance: -1 }),
      'not_positive',
      ['options', 'tolerance'],
    ],
    [
      'maxIterations = 0',
      () => calibrateWeights(TWO, { accounts, churned }, { maxIterations: 0 }),
      'not_positive',
      ['options', 'maxIterations'],
    ],
    [
      'maxIterations fractional',
      () => calibrateWeights(TWO, { accounts, churned }, { maxIterations: 1.5 }),
      'not_integer',
      ['options', 'maxIterations'],
    ],
    ['no accounts', () => calibrateWeights(TWO, { accounts: [], churned: [] }), 'empty_input', ['accounts']],
    [
      'lengths differ',
      () => calibrateWeights(TWO, { accounts, churned: [true] }),
      'length_mismatch',
      ['churned'],
    ],
    [
      'an outcome not boolean',
      () => calibrateWeights(TWO, { accounts, churned: [true, 'no'] } as never),
      'invalid_type',
      ['churned', 1],
    ],
    [
      'an account not an object',
      () => calibrateWeights(TWO, { accounts: [{}, 3], churned } as never),
      'invalid_type',
      ['accounts', 1],
    ],
    [
      'a bad raw value',
      () => calibrateWeights(TWO, { accounts: [{}, { logins: 'many' }], churned }),
      'invalid_number',
      ['accounts', 1, 'logins'],
    ],
    [
      'a missing value under fail',
      () =>
        calibrateWeights(defineScorecard({ missing: 'fail', measures: TWO.measures }), { accounts, churned }),
      'missing_field',
      ['accounts', 0, 'tickets'],
    ],
    [
      'an invalid scorecard',
      () => calibrateWeights({ measures: [{ ...linear('a', 1), weight: -1 }] }, { accounts, churned }),
      'out_of_range',
      ['measures', 0, 'weight'],
    ],
  ])('%s', (_, run, code, path) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('a bad raw value is an error even when one class is empty (validation comes first)', () => {
    expect(
      errorOf(() => calibrateWeights(TWO, { accounts: [{ logins: -Infinity }], churned: [true] })).path,
    ).toEqual(['accounts', 0, 'logins']);
  });
});

describe('calibrateWeights: types', () => {
  it('returns a calibration or null, with a Decimal | null AUC', () => {
    expectTypeOf(calibrateWeights).returns.toEqualTypeOf<WeightCalibration | null>();
    expectTypeOf<WeightCalibration['auc']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<WeightCalibration['weights']>().toEqualTypeOf<Readonly<Record<string, number>> | null>();
  });
});
