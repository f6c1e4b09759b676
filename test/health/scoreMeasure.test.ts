import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, type ScoringRule, scoreMeasure, toDecimal } from '../../src/index.js';

const tickets: ScoringRule = {
  type: 'bands',
  bands: [
    { max: 2, bounds: '()', score: 100 },
    { min: 2, max: 5, bounds: '[]', score: 50 },
    { min: 5, bounds: '()', score: 0 },
  ],
};

function errorOf(rule: unknown, value: unknown): MetricInputError {
  try {
    scoreMeasure(rule as ScoringRule, value);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

describe('scoreMeasure: worked examples', () => {
  it('bands respect the stated boundaries', () => {
    // 2 and 5 both belong to the middle band '[]'; 1.99 is below it, 5.01 above
    expect([1.99, 2, 5, 5.01, -1000, 1e9].map((value) => scoreMeasure(tickets, value))).toEqual([
      100, 50, 50, 0, 100, 0,
    ]);
  });

  it('linear maps the range onto the score range and clamps', () => {
    const rule: ScoringRule = {
      type: 'linear',
      min: 10,
      max: 30,
      direction: 'lowerIsBetter',
      worstScore: 20,
      bestScore: 80,
    };
    // value 15: t = (15 − 10) / 20 = 0.25; lower is better → 1 − 0.25 = 0.75; 20 + 60 × 0.75 = 65
    expect(scoreMeasure(rule, 15)).toBe(65);
    expect([scoreMeasure(rule, 0), scoreMeasure(rule, 99)]).toEqual([80, 20]);
    // 1/3 of the way: 33.3333333… rounded to micro-points
    expect(scoreMeasure({ type: 'linear', min: 0, max: 3, direction: 'higherIsBetter' }, 1)).toBe(33.333333);
    expect(scoreMeasure({ type: 'linear', min: 0, max: 3, direction: 'higherIsBetter' }, '2')).toBe(
      66.666667,
    );
  });

  it('categorical looks the value up, booleans as "true"/"false"', () => {
    const rule: ScoringRule = { type: 'categorical', scores: { true: 100, false: 0, unknown: 40 } };
    expect([scoreMeasure(rule, true), scoreMeasure(rule, false), scoreMeasure(rule, 'unknown')]).toEqual([
      100, 0, 40,
    ]);
  });

  it('percentOfTarget caps at 100 in both directions', () => {
    // 30 of a 40 target: 75 %; 50: capped at 100
    expect([
      scoreMeasure({ type: 'percentOfTarget', target: 40 }, 30),
      scoreMeasure({ type: 'percentOfTarget', target: 40 }, 50),
    ]).toEqual([75, 100]);
    // lower is better, target 4 days: 5 days → 4/5 = 80; 0 days → 100
    const lower: ScoringRule = { type: 'percentOfTarget', target: 4, direction: 'lowerIsBetter' };
    expect([scoreMeasure(lower, 5), scoreMeasure(lower, 0), scoreMeasure(lower, 16)]).toEqual([80, 100, 25]);
  });
});

describe('scoreMeasure: properties', () => {
  it('linear agrees with the exact Decimal formula to the micro-point and stays within its score range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -2000, max: 3000 }),
        fc.constantFrom('higherIsBetter' as const, 'lowerIsBetter' as const),
        (min, span, value, direction) => {
          const score = scoreMeasure({ type: 'linear', min, max: min + span, direction }, value);
          let t = toDecimal(Math.min(Math.max(value, min), min + span) - min).dividedBy(span);
          if (direction === 'lowerIsBetter') t = toDecimal(1).minus(t);
          expect(toDecimal(score).minus(t.times(100)).abs().lessThanOrEqualTo('0.0000005')).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('percentOfTarget never falls as the value moves in its better direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.nat(1000),
        fc.nat(1000),
        fc.boolean(),
        (target, a, b, lower) => {
          const rule: ScoringRule = {
            type: 'percentOfTarget',
            target,
            direction: lower ? 'lowerIsBetter' : 'higherIsBetter',
          };
          const [worse, better] = lower ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
          expect(scoreMeasure(rule, better)).toBeGreaterThanOrEqual(scoreMeasure(rule, worse));
        },
      ),
    );
  });
});

describe('scoreMeasure: bad input', () => {
  it('names the field', () => {
    expect(errorOf(tickets, 'x')).toMatchObject({ code: 'invalid_number', path: ['value'] });
    expect(errorOf({ type: 'bands', bands: [{ min: 0, max: 1, score: 1 }] }, 3)).toMatchObject({
      code: 'out_of_range',
      path: ['value'],
    });
    expect(errorOf({ type: 'categorical', scores: { a: 1 } }, 'b')).toMatchObject({
      code: 'invalid_option',
      path: ['value'],
      expected: 'one of "a"',
    });
    expect(errorOf({ type: 'categorical', scores: { a: 1 } }, 'toString')).toMatchObject({
      code: 'invalid_option',
    });
    expect(errorOf({ type: 'percentOfTarget', target: 1 }, -1)).toMatchObject({
      code: 'negative_amount',
      path: ['value'],
    });
    expect(errorOf({ type: 'percentOfTarget', target: 0 }, 1)).toMatchObject({
      code: 'out_of_range',
      path: ['rule', 'target'],
    });
    expect(errorOf({ type: 'linear', min: 1, max: 1, direction: 'higherIsBetter' }, 1)).toMatchObject({
      path: ['rule', 'max'],
    });
    expect(
      errorOf(
        {
          type: 'bands',
          bands: [
            { min: 0, max: 1, score: 1 },
            { min: 2, max: 3, score: 1 },
          ],
        },
        1,
      ),
    ).toMatchObject({
      path: ['rule', 'bands', 1, 'min'],
    });
    expect(errorOf({ type: 'linear', min: 0, max: 1, direction: 'up' }, 1)).toMatchObject({
      path: ['rule', 'direction'],
    });
  });
});
