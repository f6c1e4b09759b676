import { MetricInputError } from '../core/errors.js';
import { Decimal } from '../core/internal/decimal.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { assertChurnOutcomes } from './internal/assertChurnOutcomes.js';
import { assertContiguous, bandIndexOf } from './internal/bandIndexOf.js';
import { DEFAULT_HEALTH_BANDS } from './scorecard.js';
import type { HealthBand } from './types.js';

/**
 * Input of {@link evaluateHealthScore}: each account's health score at the start of an observation window and
 * whether it churned during the window.
 *
 * @category Health
 */
export interface EvaluateHealthScoreInput {
  /** Scores 0–100, one per account. */
  readonly scores: readonly number[];
  /** Churn outcomes, aligned with `scores`. */
  readonly churned: readonly boolean[];
  /** Overall bands, ordered from worst to best; default {@link DEFAULT_HEALTH_BANDS}. */
  readonly bands?: readonly HealthBand[];
}

/**
 * Churn within one band.
 *
 * @category Health
 */
export interface BandChurn {
  readonly label: string;
  /** Accounts whose score falls in the band. */
  readonly accounts: number;
  /** Of them, how many churned. */
  readonly churned: number;
  /** churned / accounts; null for an empty band. */
  readonly churnRate: Decimal | null;
}

/**
 * How well a health score predicts churn.
 *
 * @category Health
 */
export interface HealthScoreEvaluation {
  readonly accounts: number;
  readonly churned: number;
  /**
   * ROC AUC of "a higher score means the account stays": P(score of a retained account > score of a churned
   * one) + ½ P(tie). 1 separates perfectly, 0.5 is chance, 0 is perfectly reversed. Null if a class is empty.
   */
  readonly auc: Decimal | null;
  /** 2 × AUC − 1 (the accuracy ratio); null with AUC. */
  readonly gini: Decimal | null;
  /** Two-sample Kolmogorov–Smirnov statistic max |F_retained − F_churned| over score thresholds; null with AUC. */
  readonly ks: Decimal | null;
  /** Churn per band, in band order. */
  readonly bands: readonly BandChurn[];
  /**
   * True when the churn rate never rises from one non-empty band to the next better one; null when fewer than
   * two bands have accounts.
   */
  readonly churnFallsAsBandsImprove: boolean | null;
  /**
   * Churn rate among the lowest-scoring 10 % of accounts divided by the overall churn rate. Accounts tied at the
   * cut count fractionally so the decile is exactly n / 10. Null when nobody churned.
   */
  readonly worstDecileLift: Decimal | null;
}

/**
 * Tests whether a health score predicts churn, which no health-score platform reports: rank-based ROC AUC, Gini,
 * the Kolmogorov–Smirnov statistic, churn rate per band with a monotonicity check, and lift in the worst decile.
 * All results are exact ratios of counts.
 *
 * Formula: AUC = U / (n_retained × n_churned), U the Mann–Whitney statistic of retained accounts' scores with
 * mid-ranks for ties; Gini = 2·AUC − 1; KS = max over thresholds t of |F_retained(t) − F_churned(t)|;
 * lift = 10 × (churned among the lowest n/10 scores) / churned.
 * Units: AUC in [0, 1], Gini in [−1, 1], KS in [0, 1], churn rates in [0, 1], lift a multiple (1 = no better
 * than average).
 * Source: Hanley & McNeil (1982) for AUC = Mann–Whitney U / (n₁n₀); Gini = 2·AUC − 1 and KS as in credit
 * scoring (docs/health.md); the fractional tie rule for the decile is our convention.
 * Edge cases: no accounts → MetricInputError `empty_input`; different lengths → `length_mismatch`; a score
 * outside every band → `out_of_range`; nobody churned or everybody churned → AUC, Gini and KS null; nobody
 * churned → lift null.
 *
 * @category Health
 * @example
 * const evaluation = evaluateHealthScore({ scores: [10, 30, 45, 60, 90], churned: [true, false, true, false, false] })
 * evaluation.auc.toFixed(4)
 * //=> '0.8333'
 * evaluation.bands.map((band) => band.churnRate.toFixed(2))
 * //=> ['0.67', '0.00', '0.00']
 * evaluation.churnFallsAsBandsImprove
 * //=> true
 * evaluation.worstDecileLift.toString()
 * //=> '2.5'
 */
export function evaluateHealthScore(input: EvaluateHealthScoreInput): HealthScoreEvaluation {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const { scores, churned } = input;
  assertArray(scores, ['scores']);
  const bands = input.bands ?? DEFAULT_HEALTH_BANDS;
  assertArray(bands, ['bands']);
  assertContiguous(bands, ['bands'], [0, 100]);
  assertChurnOutcomes(churned, scores, ['scores'], 'score');
  const n = scores.length;
  const bandAccounts = new Array<number>(bands.length).fill(0);
  const bandChurned = new Array<number>(bands.length).fill(0);
  let n0 = 0;
  for (let index = 0; index < n; index += 1) {
    const score = scores[index];
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new MetricInputError({
        code: typeof score === 'number' ? 'not_finite' : 'invalid_type',
        path: ['scores', index],
        expected: 'a finite number',
        received: describeValue(score),
      });
    }
    const outcome = churned[index]!;
    const band = bandIndexOf(bands, score);
    if (band < 0) {
      throw new MetricInputError({
        code: 'out_of_range',
        path: ['scores', index],
        expected: 'a score inside the bands (0 to 100)',
        received: describeValue(score),
      });
    }
    bandAccounts[band]! += 1;
    if (outcome) {
      bandChurned[band]! += 1;
      n0 += 1;
    }
  }
  const n1 = n - n0;
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => scores[a]! - scores[b]!);

  // One pass over tie groups in ascending score order gives the rank sum, the KS maximum and the decile.
  let twiceRankSumRetained = 0;
  let retainedSoFar = 0;
  let churnedSoFar = 0;
  let ksNumerator = 0;
  let decileChurned = new Decimal(0);
  for (let start = 0; start < n; ) {
    let end = start;
    let groupChurned = 0;
    while (end < n && scores[order[end]!] === scores[order[start]!]) {
      if (churned[order[end]!]) groupChurned += 1;
      end += 1;
    }
    const size = end - start;
    const groupRetained = size - groupChurned;
    twiceRankSumRetained += groupRetained * (start + 1 + end);
    const room = n - 10 * start;
    if (room > 0) {
      decileChurned = decileChurned.plus(
        10 * size <= room ? groupChurned : new Decimal(groupChurned).times(room).dividedBy(10 * size),
      );
    }
    retainedSoFar += groupRetained;
    churnedSoFar += groupChurned;
    ksNumerator = Math.max(ksNumerator, Math.abs(retainedSoFar * n0 - churnedSoFar * n1));
    start = end;
  }

  const pairs = new Decimal(n1).times(n0);
  const auc =
    n0 === 0 || n1 === 0 ? null : new Decimal(twiceRankSumRetained - n1 * (n1 + 1)).dividedBy(pairs.times(2));
  const bandResults = bands.map((band, index) => ({
    label: band.label,
    accounts: bandAccounts[index]!,
    churned: bandChurned[index]!,
    churnRate: ratioOrNull(new Decimal(bandChurned[index]!), new Decimal(bandAccounts[index]!)),
  }));
  const rates = bandResults.flatMap((band) => (band.churnRate === null ? [] : [band.churnRate]));
  return {
    accounts: n,
    churned: n0,
    auc,
    gini: auc === null ? null : auc.times(2).minus(1),
    ks: auc === null ? null : new Decimal(ksNumerator).dividedBy(pairs),
    bands: bandResults,
    churnFallsAsBandsImprove:
      rates.length < 2
        ? null
        : rates.every((rate, index) => index === 0 || rate.lessThanOrEqualTo(rates[index - 1]!)),
    worstDecileLift: n0 === 0 ? null : decileChurned.times(10).dividedBy(n0),
  };
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['scores', 'churned', 'bands']);
