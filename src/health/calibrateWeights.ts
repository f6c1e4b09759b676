import { MetricInputError } from '../core/errors.js';
import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue, relocateError } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { InputPath, Numeric } from '../core/types.js';
import { evaluateHealthScore } from './evaluateHealthScore.js';
import { apportionUnits } from './internal/apportionUnits.js';
import { assertChurnOutcomes } from './internal/assertChurnOutcomes.js';
import { fitNonNegativeLogistic } from './internal/logisticRegression.js';
import { roundScore } from './internal/scoreRule.js';
import { scoreHealthMany } from './scoreHealthMany.js';
import type { HealthScore, ScorecardConfig } from './types.js';

/**
 * Input of {@link calibrateWeights}: each account's raw measures (as `scoreHealth` takes them) at the start of an
 * observation window, and whether it churned during the window.
 *
 * @category Health
 */
export interface CalibrateWeightsInput {
  /** Raw measure values by measure id, one object per account. */
  readonly accounts: readonly Readonly<Record<string, unknown>>[];
  /** Churn outcomes, aligned with `accounts`. */
  readonly churned: readonly boolean[];
}

/**
 * Options of {@link calibrateWeights}.
 *
 * @category Health
 */
export interface CalibrateWeightsOptions {
  /** The L2 penalty λ on the standardised coefficients, > 0; default 1. Larger values shrink the weights together. */
  readonly l2?: Numeric;
  /** Convergence tolerance on the projected gradient per account, > 0; default 1e-10. */
  readonly tolerance?: Numeric;
  /** Newton iterations allowed, a whole number >= 1; default 100 (a fit usually takes 4 to 8). */
  readonly maxIterations?: number;
}

/**
 * Measure weights fitted to churn outcomes, and the fit behind them.
 *
 * @category Health
 */
export interface WeightCalibration {
  /**
   * Weights for the scorecard's measures, ≥ 0 with 6 decimals, summing to exactly 100 (as integer micro-units;
   * pass them to {@link withMeasureWeights}). Null when every coefficient is 0: no measure predicts churn.
   */
  readonly weights: Readonly<Record<string, number>> | null;
  /** βⱼ ≥ 0 on the standardised score: the drop in churn log-odds per standard deviation of the score (a double). */
  readonly coefficients: Readonly<Record<string, number>>;
  /** b₀: the churn log-odds of an account at the mean score of every measure (a double). */
  readonly intercept: number;
  /** The penalty λ used. */
  readonly l2: number;
  /** True when the projected gradient fell below the tolerance within `maxIterations`. */
  readonly converged: boolean;
  /** Newton iterations taken. */
  readonly iterations: number;
  /**
   * Measures with a varying score whose coefficient is 0 at the bound: given the other measures, their higher
   * scores do not go with less churn, so they get weight 0. In scorecard order.
   */
  readonly wrongDirection: readonly string[];
  /** Measures whose score is the same for every account (after imputation): no information, weight 0. */
  readonly constant: readonly string[];
  /** Number of accounts. */
  readonly accounts: number;
  /** Number of accounts that churned. */
  readonly churned: number;
  /**
   * ROC AUC (as `evaluateHealthScore`) of the calibrated score Σ wⱼ·sⱼ / 100 on the same accounts. In-sample,
   * hence optimistic: judge the weights on a later window. Null with `weights`.
   */
  readonly auc: Decimal | null;
}

/**
 * Fits a scorecard's measure weights to churn outcomes with a non-negative, L2-regularised logistic regression of
 * churn on the measures' 0–100 scores, and converts the coefficients into weights that a scorecard can use.
 * Fitted parameters are doubles.
 *
 * Formula: sᵢⱼ = measure j's score for account i by the scorecard's own rule; zᵢⱼ = (sᵢⱼ − meanⱼ) / sdⱼ with
 * the population sd (÷ n); P(churn) = σ(b₀ − Σⱼ βⱼ·zᵢⱼ); (b₀, β) minimises
 * Σᵢ −log-likelihood + λ/2·Σⱼ βⱼ² subject to βⱼ ≥ 0 (b₀ unpenalised), by projected Newton;
 * weightⱼ = 100 · (βⱼ / sdⱼ) / Σₖ (βₖ / sdₖ), apportioned in micro-units (10⁻⁶) by largest remainder so that the
 * weights sum to exactly 100. A missing score is the one the measure's missing-data policy gives (`'zero'`,
 * `neutral`); under `'exclude'` it is the measure's mean score over the accounts that have one (z = 0, neutral in
 * the fit); under `'fail'` it is an error.
 * Units: weights in points of 100; coefficients in log-odds per standard deviation; intercept in log-odds.
 * Source: ridge logistic regression (le Cessie & van Houwelingen 1992) on inputs standardised first (Hastie,
 * Tibshirani & Friedman, ESL §3.4.1); glmnet with alpha = 0 and lower.limits = 0 fits the same family, its λ being
 * ours / n; Hosmer & Lemeshow for the model; the non-negativity,
 * the imputation and the conversion to weights are our conventions (docs/health.md).
 * Edge cases: no accounts → `empty_input`; lengths differ → `length_mismatch`; a non-boolean outcome →
 * `invalid_type` at `['churned', i]`; a bad raw value → the scoring error at `['accounts', i, id]`; nobody or
 * everybody churned → null (the maximum-likelihood intercept is ±∞, as evaluateHealthScore's AUC is null); every
 * coefficient 0 → `weights` and `auc` null (no equal-weight fallback, which would pretend evidence).
 *
 * @category Health
 * @example
 * const card = defineScorecard({ measures: [
 *   { id: 'logins', weight: 1, rule: { type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' } },
 *   { id: 'tickets', weight: 1, rule: { type: 'linear', min: 0, max: 10, direction: 'lowerIsBetter' } },
 * ] })
 * const calibration = calibrateWeights(card, {
 *   accounts: [
 *     { logins: 2, tickets: 1 }, { logins: 4, tickets: 6 }, { logins: 5, tickets: 2 }, { logins: 9, tickets: 3 },
 *     { logins: 12, tickets: 2 }, { logins: 15, tickets: 7 }, { logins: 18, tickets: 1 }, { logins: 20, tickets: 4 },
 *   ],
 *   churned: [true, true, false, true, false, false, false, false],
 * })
 * calibration.weights
 * //=> { logins: 82.759595, tickets: 17.240405 }
 * calibration.wrongDirection
 * //=> []
 * calibration.auc.toFixed(4)
 * //=> '0.9333'
 */
export function calibrateWeights(
  scorecard: ScorecardConfig,
  input: CalibrateWeightsInput,
  options: CalibrateWeightsOptions = {},
): WeightCalibration | null {
  assertObject(input, ['input']);
  const { accounts, churned } = input;
  assertArray(accounts, ['accounts']);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const l2 = positiveDouble(options.l2 ?? 1, ['options', 'l2']);
  const tolerance = positiveDouble(options.tolerance ?? 1e-10, ['options', 'tolerance']);
  const maxIterations = toCount(options.maxIterations ?? 100, ['options', 'maxIterations']);
  if (maxIterations === 0) {
    throw new MetricInputError({
      code: 'not_positive',
      path: ['options', 'maxIterations'],
      expected: 'a whole number >= 1',
      received: '0',
    });
  }
  assertChurnOutcomes(churned, accounts, ['accounts'], 'account');

  const { ids, columns } = measureScores(scorecard, accounts);
  const n = accounts.length;
  const nChurned = churned.filter(Boolean).length;
  if (nChurned === 0 || nChurned === n) return null;

  const informative: number[] = [];
  const sds = columns.map((column, j) => {
    const mean = column.reduce((sum, score) => sum + score, 0) / n;
    const sd = Math.sqrt(column.reduce((sum, score) => sum + (score - mean) ** 2, 0) / n);
    if (column.some((score) => score !== column[0])) informative.push(j);
    return { mean, sd };
  });
  // x = −z, so that a non-negative coefficient on x is "a higher score lowers churn risk".
  const x = accounts.map((_, i) => informative.map((j) => (sds[j]!.mean - columns[j]![i]!) / sds[j]!.sd));
  const fit = fitNonNegativeLogistic(x, churned, { l2, tolerance, maxIterations });

  const beta = new Array<number>(ids.length).fill(0);
  informative.forEach((j, k) => {
    beta[j] = fit.coefficients[k]!;
  });
  const weights = toWeights(beta.map((b, j) => (b === 0 ? 0 : b / sds[j]!.sd)));
  const auc =
    weights === null
      ? null
      : evaluateHealthScore({
          scores: churned.map((_, i) =>
            roundScore(columns.reduce((sum, column, j) => sum + weights[j]! * column[i]!, 0) / 100),
          ),
          churned,
        }).auc;
  return {
    weights: weights === null ? null : Object.fromEntries(ids.map((id, j) => [id, weights[j]!])),
    coefficients: Object.fromEntries(ids.map((id, j) => [id, beta[j]!])),
    intercept: fit.intercept,
    l2,
    converged: fit.converged,
    iterations: fit.iterations,
    wrongDirection: informative.filter((j) => beta[j] === 0).map((j) => ids[j]!),
    constant: ids.filter((_, j) => !informative.includes(j)),
    accounts: n,
    churned: nChurned,
    auc,
  };
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['l2', 'tolerance', 'maxIterations']);

const MICRO_UNITS = 100_000_000;

// Each measure's score per account, by scoreHealthMany (the scorecard's own rules and missing-data policies), with
// scores still missing under 'exclude' replaced by the measure's mean over the accounts that have one.
function measureScores(
  scorecard: ScorecardConfig,
  accounts: readonly unknown[],
): { ids: string[]; columns: number[][] } {
  let results: HealthScore[];
  try {
    results = scoreHealthMany(
      scorecard,
      accounts.map((measures) => ({ measures: measures as Readonly<Record<string, unknown>> })),
    );
  } catch (error) {
    const path = (error as MetricInputError).path;
    // Row errors name ['rows', i, 'measures', …]; the caller's field is ['accounts', i, …].
    throw path?.[0] === 'rows'
      ? relocateError(error as MetricInputError, ['accounts', path[1]!, ...path.slice(3)])
      : error;
  }
  const ids = results[0]!.measures.map((measure) => measure.id);
  const columns = ids.map((_, j) => {
    const scores = results.map((result) => result.measures[j]!.score);
    const present = scores.filter((score): score is number => score !== null);
    const mean = present.reduce((sum, score) => sum + score, 0) / Math.max(1, present.length);
    return scores.map((score) => score ?? mean);
  });
  return { ids, columns };
}

// Rates per score point → weights in micro-units summing to exactly 100, or null when all rates are 0.
function toWeights(rates: readonly number[]): number[] | null {
  const total = rates.reduce((sum, rate) => sum + rate, 0);
  if (total === 0) return null;
  const exact = Float64Array.from(rates, (rate) => (MICRO_UNITS * rate) / total);
  const units = exact.map(Math.floor);
  const remaining = MICRO_UNITS - units.reduce((sum, unit) => sum + unit, 0);
  apportionUnits(exact, units, rates.length, remaining);
  return Array.from(units, (unit) => unit / 1e6);
}

function positiveDouble(value: unknown, path: InputPath): number {
  const number = toDecimal(value, path, 'positive').toNumber();
  if (!(number > 0 && Number.isFinite(number))) {
    throw new MetricInputError({
      code: 'out_of_range',
      path,
      expected: 'a positive number within the range of doubles',
      received: describeValue(value),
    });
  }
  return number;
}
