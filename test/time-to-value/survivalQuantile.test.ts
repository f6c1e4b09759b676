import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { kaplanMeier, survivalQuantile } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const events = (durations: readonly number[]) => durations.map((duration) => ({ duration, event: true }));

describe('survivalQuantile: worked examples', () => {
  it('takes the first time 1 − S reaches p, and the midpoint of a flat stretch at exactly 1 − S = p', () => {
    // Four events at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0. S = 0.5 exactly on [2, 3) → median (2 + 3)/2 = 2.5;
    // p = 0.6: first time 1 − S >= 0.6 is t = 3.
    const curve = kaplanMeier(events([1, 2, 3, 4]));
    expect(survivalQuantile(curve, 0.5)).toBe(2.5);
    expect(survivalQuantile(curve, 0.6)).toBe(3);
    expect(survivalQuantile(curve, '0.25')).toBe(1.5);
    expect(survivalQuantile(curve, 1)).toBe(4);
    expect(survivalQuantile(curve, 0)).toBe(0);
  });

  it('runs a flat stretch at the end of the curve to the last observed time', () => {
    // Event at 1 (n = 2 → S = 0.5), censoring at 7: S stays 0.5 to the end → median (1 + 7)/2 = 4.
    const curve = kaplanMeier([
      { duration: 1, event: true },
      { duration: 7, event: false },
    ]);
    expect(survivalQuantile(curve, 0.5)).toBe(4);
    expect(survivalQuantile(curve, 0.75)).toBeNull();
  });

  it('treats a level within 1.5e-8 of 1 − p as equal to it, as R does', () => {
    // 10 subjects: 3 events at 1, 1 at 2, 1 at 3 → S = 0.7 · 6/7 · 5/6 = 0.5 exactly, 0.49999999999999983 in
    // floating point; next event at 5. Median = (3 + 5)/2 = 4, not 3.
    const curve = kaplanMeier([
      ...events([1, 1, 1, 2, 3, 5]),
      ...[8, 8, 8, 8].map((duration) => ({ duration, event: false })),
    ]);
    expect(curve.steps[2]!.survival).not.toBe(0.5);
    expect(survivalQuantile(curve, 0.5)).toBe(4);
    expect(curve.median).toBe(4);
  });

  it('is null when nothing happened or nothing was observed', () => {
    expect(survivalQuantile(kaplanMeier([]), 0.5)).toBeNull();
    expect(survivalQuantile(kaplanMeier([{ duration: 3, event: false }]), 0.5)).toBeNull();
  });
});

describe('survivalQuantile: published reference (Freireich et al. 1963, 6-MP arm)', () => {
  it('reads the 25 % and 50 % quantiles of the 6-MP curve and no 75 % quantile', () => {
    // Data as in kaplanMeier.test.ts. 1 − S: 0.143 (6), 0.193 (7), 0.247 (10), 0.310 (13), 0.373 (16),
    // 0.462 (22), 0.552 (23), then flat: p = 0.25 is first reached at 13, p = 0.5 at 23, p = 0.75 never.
    const times = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
    const censored = new Set([3, 5, 7, 8, 11, 12, 13, 16, 17, 18, 19, 20]);
    const curve = kaplanMeier(times.map((duration, index) => ({ duration, event: !censored.has(index) })));
    expect([0.25, 0.5, 0.75].map((p) => survivalQuantile(curve, p))).toEqual([13, 23, null]);
  });
});

/** R's quantile(x, type = 2): the order statistic x(⌈np⌉), averaged with the next when np is whole. */
function type2Quantile(sorted: readonly number[], percent: number): number {
  const n = sorted.length;
  if ((n * percent) % 100 === 0) {
    const k = (n * percent) / 100;
    return k === n ? sorted[n - 1]! : (sorted[k - 1]! + sorted[k]!) / 2;
  }
  return sorted[Math.ceil((n * percent) / 100) - 1]!;
}

describe('survivalQuantile: properties', () => {
  it('equals the averaging sample quantile (R type 2) when nothing is censored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (durations, percent) => {
          const sorted = [...durations].sort((a, b) => a - b);
          const curve = kaplanMeier(events(durations));
          expect(survivalQuantile(curve, percent / 100)).toBe(type2Quantile(sorted, percent));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is non-decreasing in p, and null from the first p the curve cannot reach', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ duration: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
          maxLength: 30,
        }),
        (observations) => {
          const curve = kaplanMeier(observations);
          let previous = 0;
          let reachedNull = false;
          for (let percent = 1; percent <= 100; percent += 1) {
            const quantile = survivalQuantile(curve, percent / 100);
            if (quantile === null) {
              reachedNull = true;
              continue;
            }
            expect(reachedNull).toBe(false);
            expect(quantile).toBeGreaterThanOrEqual(previous);
            previous = quantile;
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('survivalQuantile: bad input', () => {
  it('rejects a probability outside [0, 1]', () => {
    const curve = kaplanMeier(events([1]));
    expect(errorOf(() => survivalQuantile(curve, 1.5))).toMatchObject({ code: 'out_of_range', path: ['p'] });
    expect(errorOf(() => survivalQuantile(curve, Number.NaN))).toMatchObject({
      code: 'not_finite',
      path: ['p'],
    });
  });

  it('returns number | null', () => {
    expectTypeOf(survivalQuantile).returns.toEqualTypeOf<number | null>();
  });
});
