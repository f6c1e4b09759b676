import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('survivalAt: worked examples', () => {
  it('reads the step at or before t, 1 before the first step and null past the last observation', () => {
    // Events at 2 and 4, censoring at 6, n = 4 with one more event at 6: S(2) = 3/4, S(4) = 3/4 · 2/3 = 1/2,
    // t = 6: n = 2, d = 1 → S = 1/4.
    const curve = kaplanMeier([
      { duration: 2, event: true },
      { duration: 4, event: true },
      { duration: 6, event: true },
      { duration: 6, event: false },
    ]);
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 2)).toBe(0.75);
    expect(survivalAt(curve, 3.5)).toBe(0.75);
    expect(survivalAt(curve, 4)).toBeCloseTo(0.5, 15);
    expect(survivalAt(curve, 6)).toBeCloseTo(0.25, 15);
    expect(survivalAt(curve, 6.5)).toBeNull();
  });

  it('stays at 0 after the curve reaches 0, and is null for an empty curve', () => {
    const curve = kaplanMeier([{ duration: 1, event: true }]);
    expect(survivalAt(curve, 100)).toBe(0);
    expect(survivalAt(kaplanMeier([]), 0)).toBeNull();
  });
});

describe('survivalAt: properties', () => {
  it('equals each step survival at its time and just before the next step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ duration: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
          minLength: 1,
          maxLength: 30,
        }),
        (observations) => {
          const curve = kaplanMeier(observations);
          curve.steps.forEach((step, index) => {
            expect(survivalAt(curve, step.time)).toBe(step.survival);
            const next = curve.steps[index + 1];
            if (next !== undefined) expect(survivalAt(curve, next.time - 0.5)).toBe(step.survival);
          });
          if (curve.steps[0]!.time > 0) expect(survivalAt(curve, curve.steps[0]!.time / 2)).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('survivalAt: bad input', () => {
  it('rejects a negative or non-finite time', () => {
    const curve = kaplanMeier([{ duration: 1, event: true }]);
    expect(errorOf(() => survivalAt(curve, -1))).toMatchObject({ code: 'negative_amount', path: ['time'] });
    expect(errorOf(() => survivalAt(curve, Number.POSITIVE_INFINITY))).toMatchObject({
      code: 'not_finite',
      path: ['time'],
    });
    expect(errorOf(() => survivalAt(curve, '3' as never))).toMatchObject({ code: 'not_finite' });
    expect(errorOf(() => survivalAt(null as never, 1))).toMatchObject({
      code: 'invalid_type',
      path: ['curve'],
    });
    expect(errorOf(() => survivalAt({} as never, 1))).toMatchObject({
      code: 'invalid_type',
      path: ['curve', 'steps'],
    });
  });

  it('returns number | null', () => {
    expectTypeOf(survivalAt).returns.toEqualTypeOf<number | null>();
  });
});
