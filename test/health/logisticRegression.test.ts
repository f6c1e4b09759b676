import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitNonNegativeLogistic, logisticObjective } from '../../src/health/internal/logisticRegression.js';

const SETTINGS = { l2: 1, tolerance: 1e-10, maxIterations: 100 };
// The stopping rule bounds the gradient, not the distance to the optimum (that is gradient / curvature, larger
// for small λ); comparisons of two fits to 1e-7 use a tighter tolerance.
const TIGHT = { ...SETTINGS, tolerance: 1e-13 };

// The slow oracle: the objective and its gradient written naively, term by term.
function naiveObjective(x: number[][], y: boolean[], theta: number[], l2: number): number {
  let total = 0;
  x.forEach((row, i) => {
    const eta = theta[0]! + row.reduce((sum, value, j) => sum + value * theta[j + 1]!, 0);
    total += Math.log(1 + Math.exp(eta)) - (y[i] ? eta : 0);
  });
  return total + (l2 / 2) * theta.slice(1).reduce((sum, beta) => sum + beta * beta, 0);
}

function naiveGradient(x: number[][], y: boolean[], theta: number[], l2: number): number[] {
  const gradient = theta.map((value, j) => (j === 0 ? 0 : l2 * value));
  x.forEach((row, i) => {
    const eta = theta[0]! + row.reduce((sum, value, j) => sum + value * theta[j + 1]!, 0);
    const residual = 1 / (1 + Math.exp(-eta)) - (y[i] ? 1 : 0);
    gradient[0]! += residual;
    row.forEach((value, j) => {
      gradient[j + 1]! += residual * value;
    });
  });
  return gradient;
}

// Random design matrices with both outcomes present.
const dataset = fc
  .record({
    p: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(
      fc.tuple(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
      ),
      { minLength: 4, maxLength: 30 },
    ),
    l2: fc.double({ min: 0.05, max: 20, noNaN: true }),
  })
  .map(({ p, rows, l2 }) => ({
    x: rows.map(([row]) => row.slice(0, p)),
    y: rows.map(([, outcome], i) => (i === 0 ? true : i === 1 ? false : outcome)),
    l2,
  }));

const PLAIN_X = [
  [0.5, 1.2, 0.3],
  [1.5, -0.4, -0.8],
  [-1.0, 0.3, -0.1],
  [2.0, 1.1, 1.2],
  [-0.7, -1.5, -0.6],
  [0.2, 0.9, -1.4],
  [-1.8, -0.2, 0.5],
  [1.1, 0.4, -0.9],
  [-0.3, -1.1, 1.6],
  [0.9, 2.0, -0.2],
  [-1.2, 0.7, -1.1],
  [0.0, -0.8, 0.9],
];
const PLAIN_Y = [1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0].map(Boolean);

describe('fitNonNegativeLogistic: worked examples', () => {
  it('without columns the intercept is logit of the churn share, with no iteration', () => {
    // 1 churned of 4: b₀ = log(1/3); the gradient Σ(p − y) = 4·¼ − 1 = 0 at the start
    const fit = fitNonNegativeLogistic([[], [], [], []], [true, false, false, false], SETTINGS);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 15);
    expect(fit.coefficients).toEqual([]);
    expect(fit.iterations).toBe(0);
    expect(fit.converged).toBe(true);
  });

  it('two mirrored accounts: b₀ = 0 and β solves λβ = 2σ(−β)', () => {
    // x = (1, −1), y = (1, 0); by symmetry b₀ = 0 and ∂f/∂β = (σ(β) − 1) − σ(−β) + λβ = −2σ(−β) + λβ = 0.
    // With λ = 1: β·(1 + e^β) = 2; 0.675·(1 + 1.9640) = 2.0007 and 0.674·(1 + 1.9621) = 1.9965, so β ≈ 0.6748
    // (scipy brentq: 0.6748316143423994).
    const fit = fitNonNegativeLogistic([[1], [-1]], [true, false], SETTINGS);
    const beta = fit.coefficients[0]!;
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(beta - 2 / (1 + Math.exp(beta))).toBeCloseTo(0, 10);
    expect(beta).toBeCloseTo(0.6748316143423994, 10);
  });

  it('the same accounts with the column reversed: β is held at 0', () => {
    // at β = 0, b₀ = 0 (p = ½): ∂f/∂β = (½ − 1)(−1) + (½ − 0)(1) = 1 > 0, so the bound binds; f = 2·log 2
    const fit = fitNonNegativeLogistic([[-1], [1]], [true, false], SETTINGS);
    expect(fit.coefficients).toEqual([0]);
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(fit.objective).toBeCloseTo(2 * Math.log(2), 12);
  });

  it('stops unconverged when maxIterations is too small', () => {
    const fit = fitNonNegativeLogistic(PLAIN_X, PLAIN_Y, { ...SETTINGS, maxIterations: 1 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(1);
  });

  it('converges on badly scaled columns, where a full Newton step overshoots and is halved', () => {
    const x = [
      [2, 34],
      [-2, -37],
      [-23, -9],
      [1, -26],
      [-1, 15],
    ];
    const y = [true, false, false, true, true];
    const fit = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2: 0.1 });
    expect(fit.converged).toBe(true);
    const gradient = naiveGradient(x, y, [fit.intercept, ...fit.coefficients], 0.1);
    expect(Math.abs(gradient[0]!)).toBeLessThan(1e-8);
    fit.coefficients.forEach((beta, j) => {
      if (beta > 0) expect(Math.abs(gradient[j + 1]!)).toBeLessThan(1e-8);
      else expect(gradient[j + 1]!).toBeGreaterThan(-1e-8);
    });
  });

  it('converges on perfectly separated data (the penalty keeps β finite)', () => {
    const x = Array.from({ length: 40 }, (_, i) => [i < 20 ? 10 + i : -10 - i]);
    const y = x.map((_, i) => i < 20);
    const fit = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2: 1e-3 });
    expect(fit.converged).toBe(true);
    const gradient = naiveGradient(x, y, [fit.intercept, ...fit.coefficients], 1e-3);
    expect(Math.abs(gradient[1]!)).toBeLessThan(1e-6);
  });
});

describe('fitNonNegativeLogistic: scipy reference', () => {
  // scipy 1.17, computed here:
  //   f = lambda t: np.sum(np.logaddexp(0, t[0] + X @ t[1:]) - y*(t[0] + X @ t[1:])) + lam/2*np.sum(t[1:]**2)
  //   minimize(f, np.zeros(4), jac=<analytic gradient>, method='L-BFGS-B',
  //            bounds=[(None, None)] + [(0, None)]*3, options={'ftol': 1e-16, 'gtol': 1e-12})
  // with X = PLAIN_X, y = PLAIN_Y. The third column goes the wrong way: its gradient at 0 is 2.10 > 0.
  it.each([
    [1, [-0.171916273634, 0.702252120497, 0.516200816566, 0], 6.5260552732043555],
    [0.25, [-0.210268657625, 0.877449417164, 0.647687339763, 0], 6.1717631533996835],
  ])('λ = %s agrees with L-BFGS-B to 1e-8', (l2, expected, objective) => {
    const fit = fitNonNegativeLogistic(PLAIN_X, PLAIN_Y, { ...SETTINGS, l2 });
    const theta = [fit.intercept, ...fit.coefficients];
    theta.forEach((value, j) => {
      expect(Math.abs(value - expected[j]!)).toBeLessThan(1e-8);
    });
    expect(fit.coefficients[2]).toBe(0);
    expect(fit.objective).toBeCloseTo(objective, 10);
    expect(fit.converged).toBe(true);
  });
});

describe('fitNonNegativeLogistic: properties', () => {
  it('the solution satisfies the KKT conditions, for any data', () => {
    fc.assert(
      fc.property(dataset, ({ x, y, l2 }) => {
        const fit = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2 });
        expect(fit.converged).toBe(true);
        const gradient = naiveGradient(x, y, [fit.intercept, ...fit.coefficients], l2);
        const slack = 1e-7 * y.length;
        expect(Math.abs(gradient[0]!)).toBeLessThan(slack);
        fit.coefficients.forEach((beta, j) => {
          expect(beta).toBeGreaterThanOrEqual(0);
          if (beta > 0) expect(Math.abs(gradient[j + 1]!)).toBeLessThan(slack);
          else expect(gradient[j + 1]!).toBeGreaterThan(-slack);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the objective at the solution is at most its value at random feasible points (slow oracle)', () => {
    fc.assert(
      fc.property(
        dataset,
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 5, maxLength: 5 }),
        ({ x, y, l2 }, point) => {
          const fit = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2 });
          const best = naiveObjective(x, y, [fit.intercept, ...fit.coefficients], l2);
          expect(fit.objective).toBeCloseTo(best, 9);
          expect(logisticObjective(x, y, fit.intercept, fit.coefficients, l2)).toBeCloseTo(best, 9);
          const p = x[0]!.length;
          const other = [point[0]!, ...point.slice(1, p + 1).map(Math.abs)];
          expect(best).toBeLessThanOrEqual(naiveObjective(x, y, other, l2) + 1e-9);
          // and a small feasible move away from the solution never helps
          const nudged = [
            fit.intercept + 1e-3 * point[0]!,
            ...fit.coefficients.map((b, j) => Math.max(0, b + 1e-3 * point[j + 1]!)),
          ];
          expect(best).toBeLessThanOrEqual(naiveObjective(x, y, nudged, l2) + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reordering the accounts gives the same fit', () => {
    fc.assert(
      fc.property(dataset, fc.integer(), ({ x, y, l2 }, seed) => {
        const order = x
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const fit = fitNonNegativeLogistic(x, y, { ...TIGHT, l2 });
        const shuffled = fitNonNegativeLogistic(
          order.map((i) => x[i]!),
          order.map((i) => y[i]!),
          { ...TIGHT, l2 },
        );
        expect(shuffled.intercept).toBeCloseTo(fit.intercept, 7);
        shuffled.coefficients.forEach((beta, j) => {
          expect(beta).toBeCloseTo(fit.coefficients[j]!, 7);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('duplicating every account with λ doubled gives the same fit (the objective doubles)', () => {
    fc.assert(
      fc.property(dataset, ({ x, y, l2 }) => {
        const fit = fitNonNegativeLogistic(x, y, { ...TIGHT, l2 });
        const twice = fitNonNegativeLogistic([...x, ...x], [...y, ...y], { ...TIGHT, l2: 2 * l2 });
        expect(twice.objective).toBeCloseTo(2 * fit.objective, 7);
        expect(twice.intercept).toBeCloseTo(fit.intercept, 7);
        twice.coefficients.forEach((beta, j) => {
          expect(beta).toBeCloseTo(fit.coefficients[j]!, 7);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('a larger penalty never lengthens the coefficient vector', () => {
    fc.assert(
      fc.property(dataset, fc.double({ min: 1.01, max: 10, noNaN: true }), ({ x, y, l2 }, factor) => {
        const norm = (beta: number[]): number => Math.hypot(...beta);
        const loose = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2 });
        const tight = fitNonNegativeLogistic(x, y, { ...SETTINGS, l2: l2 * factor });
        expect(norm(tight.coefficients)).toBeLessThanOrEqual(norm(loose.coefficients) + 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
