import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/unit-economics/internal/nelderMead.js';

const settings = {
  step: 0.5,
  valueTolerance: 1e-14,
  pointTolerance: 1e-10,
  maxIterations: 5000,
  maxRestarts: 5,
};

describe('nelderMead (private optimizer)', () => {
  it('finds the minimum of the Rosenbrock function (1, 1)', () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], settings);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });

  it('treats Infinity as a forbidden region and stays inside', () => {
    // minimum of (x − 3)² + y² restricted to x <= 2 is at (2, 0)
    const bounded = ([x, y]: readonly number[]) =>
      x! > 2 ? Number.POSITIVE_INFINITY : (x! - 3) ** 2 + y! ** 2;
    const result = nelderMead(bounded, [0, 1], settings);
    expect(result.point[0]).toBeLessThanOrEqual(2);
    expect(result.point[0]).toBeCloseTo(2, 4);
  });

  it('says when it ran out of iterations', () => {
    const bowl = ([x, y]: readonly number[]) => x! ** 2 + y! ** 2;
    const result = nelderMead(bowl, [5, 5], { ...settings, maxIterations: 3, maxRestarts: 0 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });
});
