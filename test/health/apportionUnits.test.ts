import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionUnits } from '../../src/health/internal/apportionUnits.js';

function run(exact: readonly number[], remaining: number): number[] {
  const units = Float64Array.from(exact, Math.floor);
  apportionUnits(Float64Array.from(exact), units, exact.length, remaining);
  return [...units];
}

describe('apportionUnits', () => {
  it('gives units to the largest remainders first, earlier leaf on ties (hand-computed)', () => {
    // floors 1, 2, 3; remainders .2, .7, .5 → one unit to 2.7, a second to 3.5
    expect(run([1.2, 2.7, 3.5], 2)).toEqual([1, 3, 4]);
    expect(run([1.5, 2.5], 1)).toEqual([2, 2]);
    // removing takes from the smallest remainder, never below zero
    expect(run([0.9, 1.2, 2.7], -1)).toEqual([0, 0, 2]);
    expect(run([0.1, 0, 2.7], -2)).toEqual([0, 0, 0]);
  });

  it('keeps cycling when more units are asked than there are leaves', () => {
    expect(run([0.5, 0.25], 5)).toEqual([3, 2]);
  });

  it('reaches the target total and moves each leaf by at most ⌈|remaining| / count⌉', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -3, max: 15 }),
        (exact, remaining) => {
          const floors = exact.map(Math.floor);
          const total = floors.reduce((sum, value) => sum + value, 0);
          fc.pre(total + remaining >= 0);
          const units = run(exact, remaining);
          expect(units.reduce((sum, value) => sum + value, 0)).toBe(total + remaining);
          const bound = Math.ceil(Math.abs(remaining) / exact.length);
          units.forEach((unit, index) => {
            expect(unit).toBeGreaterThanOrEqual(0);
            expect(Math.abs(unit - floors[index]!)).toBeLessThanOrEqual(
              Math.max(bound, remaining < 0 ? Math.abs(remaining) : 0),
            );
          });
        },
      ),
    );
  });
});
