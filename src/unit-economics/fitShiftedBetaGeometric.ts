import { MetricInputError } from '../core/errors.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import type { Numeric } from '../core/types.js';
import { nelderMead } from './internal/nelderMead.js';
import { sbgLogLikelihood } from './internal/sbgInternals.js';

/**
 * The data {@link fitShiftedBetaGeometric} fits: one cohort, as customers alive at t = 0, 1, 2, … (`survivors`,
 * non-increasing, starting with the cohort size), or as customers lost in each period 1, 2, … plus those still
 * alive at the end (`lostPerPeriod` and `stillAlive`). All counts are whole numbers.
 *
 * @category Unit economics
 */
export type FitShiftedBetaGeometricInput =
  | {
      /** Customers alive at t = 0, 1, …, n: at least two counts, the first > 0, never increasing. */
      readonly survivors: readonly Numeric[];
    }
  | {
      /** Customers lost in periods 1 … n, at least one period. */
      readonly lostPerPeriod: readonly Numeric[];
      /** Customers still alive after period n. */
      readonly stillAlive: Numeric;
    };

/**
 * The maximum-likelihood sBG fit of {@link fitShiftedBetaGeometric}.
 *
 * @category Unit economics
 */
export interface ShiftedBetaGeometricFit {
  /** α, a double. */
  readonly alpha: number;
  /** β, a double. */
  readonly beta: number;
  /** The maximised log-likelihood Σ lost_t ln P(T = t) + alive_n ln S(n) (natural log, a double). */
  readonly logLikelihood: number;
  /** Nelder–Mead iterations over all restarts. */
  readonly iterations: number;
  /** True if the optimizer met its tolerances (false only if it ran out of iterations). */
  readonly converged: boolean;
  /**
   * True if the optimum lies on the search bound (α or β at e^±12): the cohort shows no more heterogeneity than a
   * single churn rate would (or less), the likelihood keeps rising as α, β grow with α / (α + β) fixed, and only
   * that ratio (the constant churn rate) is meaningful.
   */
  readonly atBound: boolean;
}

const LOG_BOUND = 12;

/**
 * Fits the shifted-beta-geometric model to one cohort's survivor counts by maximum likelihood.
 *
 * Formula: maximise LL(α, β) = Σ_{t=1..n} lost_t × ln P(T = t) + alive_n × ln S(n), with P and S from the sBG
 * recursions (see {@link sbgChurnProbability}, {@link sbgSurvival}), computed in log space.
 * Method: Nelder–Mead on (ln α, ln β), bounded to [−12, 12]; start α₀ = 1 and β₀ = (1 − p₁) / p₁ where p₁ is the
 * observed first-period churn (clamped to [0.001, 0.999]), which matches the first period exactly; first simplex
 * edge 0.5, restarts with edge 0.1 from the best point until a restart improves LL by less than 1e-13 relative
 * (at most 10); each run stops when all vertices are within 1e-13 (relative) in LL and 1e-10 in both log
 * parameters, or after 5000 iterations. Agrees with scipy.optimize.minimize to the sixth significant digit on the
 * paper's data (test/unit-economics/fitShiftedBetaGeometric.test.ts).
 * Units: α, β and the log-likelihood are doubles (fitted model parameters).
 * Source: Fader and Hardie (2007) "How to Project Customer Retention", J. Interactive Marketing 21(1),
 * Appendix B; their regular cohort, years 0–7, gives α = 0.704, β = 1.182 (docs/unit-economics.md).
 * Edge cases: fewer than three survivor counts (two periods; one period identifies only α / (α + β)), a first count of 0, an increasing count, a count that is not a
 * whole number >= 0, no customer lost at all, or every customer lost in the first period (no finite maximum) is
 * a MetricInputError.
 *
 * @category Unit economics
 * @example
 * const fit = fitShiftedBetaGeometric({ survivors: [1000, 631, 468, 382, 326, 289, 262, 241] });
 * [fit.alpha.toFixed(3), fit.beta.toFixed(3)]
 * //=> ['0.704', '1.182']
 */
export function fitShiftedBetaGeometric(input: FitShiftedBetaGeometricInput): ShiftedBetaGeometricFit {
  const { lost, alive } = toLostAndAlive(input);
  const cohort = lost.reduce((sum, count) => sum + count, alive);
  const firstChurn = Math.min(0.999, Math.max(0.001, lost[0]! / cohort));
  const logLikelihood = (logAlpha: number, logBeta: number): number =>
    sbgLogLikelihood(Math.exp(logAlpha), Math.exp(logBeta), lost, alive);
  const objective = (point: readonly number[]): number => {
    const [logAlpha, logBeta] = point as [number, number];
    if (Math.abs(logAlpha) > LOG_BOUND || Math.abs(logBeta) > LOG_BOUND) return Number.POSITIVE_INFINITY;
    return -logLikelihood(logAlpha, logBeta);
  };
  const start = [0, Math.log((1 - firstChurn) / firstChurn)];
  const first = nelderMead(objective, start, {
    step: 0.5,
    valueTolerance: 1e-13,
    pointTolerance: 1e-10,
    maxIterations: 5000,
    maxRestarts: 0,
  });
  const polished = nelderMead(objective, first.point, {
    step: 0.1,
    valueTolerance: 1e-13,
    pointTolerance: 1e-10,
    maxIterations: 5000,
    maxRestarts: 10,
  });
  const [logAlpha, logBeta] = polished.point as [number, number];
  return {
    alpha: Math.exp(logAlpha),
    beta: Math.exp(logBeta),
    logLikelihood: -polished.value,
    iterations: first.iterations + polished.iterations,
    converged: polished.converged,
    atBound: Math.max(Math.abs(logAlpha), Math.abs(logBeta)) > LOG_BOUND - 1e-3,
  };
}

function toLostAndAlive(input: unknown): { lost: number[]; alive: number } {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  let lost: number[];
  let alive: number;
  const survivorsGiven = 'survivors' in input && input.survivors !== undefined;
  if (survivorsGiven) {
    assertArray(input.survivors, ['survivors']);
    const survivors = Array.from(input.survivors, (count, index) => toCount(count, ['survivors', index]));
    if (survivors[0] === 0) {
      throw new MetricInputError({
        code: 'not_positive',
        path: ['survivors', 0],
        expected: 'a cohort size > 0',
        received: describeValue(input.survivors[0]),
      });
    }
    lost = [];
    for (let t = 1; t < survivors.length; t += 1) {
      const change = survivors[t - 1]! - survivors[t]!;
      if (change < 0) {
        throw new MetricInputError({
          code: 'not_monotonic',
          path: ['survivors', t],
          expected: `at most the previous count (${survivors[t - 1]})`,
          received: String(survivors[t]),
        });
      }
      lost.push(change);
    }
    alive = survivors[survivors.length - 1]!;
  } else {
    if (!('lostPerPeriod' in input) || input.lostPerPeriod === undefined) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['survivors'],
        expected: 'survivors, or lostPerPeriod with stillAlive',
        received: 'undefined',
      });
    }
    assertArray(input.lostPerPeriod, ['lostPerPeriod']);
    lost = Array.from(input.lostPerPeriod, (count, index) => toCount(count, ['lostPerPeriod', index]));
    alive = toCount(input.stillAlive, ['stillAlive']);
  }
  if (lost.length < 2) {
    throw new MetricInputError({
      code: 'empty_input',
      path: [survivorsGiven ? 'survivors' : 'lostPerPeriod'],
      expected: survivorsGiven
        ? 'at least three counts (t = 0, 1, 2): one period identifies only α / (α + β)'
        : 'at least two periods: one period identifies only α / (α + β)',
      received: `an array of ${survivorsGiven ? lost.length + 1 : lost.length}`,
    });
  }
  rejectDegenerate(lost, alive);
  return { lost, alive };
}

function rejectDegenerate(lost: readonly number[], alive: number): void {
  const totalLost = lost.reduce((sum, count) => sum + count, 0);
  if (totalLost === 0) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: [],
      expected: 'at least one customer lost (with none lost the likelihood has no finite maximum)',
      received: 'no customer lost',
    });
  }
  if (alive === 0 && totalLost === lost[0]) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: [],
      expected: 'some customer surviving the first period (else the likelihood has no finite maximum)',
      received: 'every customer lost in period 1',
    });
  }
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['survivors', 'lostPerPeriod', 'stillAlive']);
