import { normalCdf } from '../core/internal/normalDistribution.js';
import { npsEstimate, resolveIntervalOptions } from './internal/npsEstimate.js';
import { readCounts } from './internal/npsTally.js';
import type { NetPromoterScoreCounts } from './netPromoterScoreFromCounts.js';
import type {
  NetPromoterScoreIntervalMethod,
  NetPromoterScoreIntervalOptions,
  NetPromoterScoreResult,
} from './types.js';

/**
 * The difference between two independent NPS samples, with its interval and z test. Statistics are `number`s
 * (doubles) in NPS points.
 *
 * @category NPS
 */
export interface NetPromoterScoreComparison {
  /**
   * b's minus a's interval centre ({@link NetPromoterScoreInterval.adjustedCenter}), in points, from -200 to 200:
   * positive when b scores higher; the plain NPS difference under `'wald'`.
   */
  readonly difference: number;
  /** Lower bound of the difference's interval, never below -200. */
  readonly lower: number;
  /** Upper bound of the difference's interval, never above 200. */
  readonly upper: number;
  /** z × standardError, before clamping. */
  readonly marginOfError: number;
  /** √(SEa² + SEb²), in points. */
  readonly standardError: number;
  /** difference / standardError; null when the standard error is 0 (only possible with `'wald'`). */
  readonly zScore: number | null;
  /** Two-sided p-value of "no difference", in [0, 1]. */
  readonly pValue: number;
  /** Whether pValue < 1 − confidence, i.e. the interval excludes 0. */
  readonly significant: boolean;
  /** The method used for each sample's estimate and standard error. */
  readonly method: NetPromoterScoreIntervalMethod;
  /** The confidence level used. */
  readonly confidence: number;
  /** Whether a bound was cut to -200 or 200. */
  readonly clamped: boolean;
}

/**
 * Compares the Net Promoter Scores of two independent samples (two quarters, two segments, control and
 * treatment), so a team can tell a real change from sampling noise. The difference is **b − a**: pass the
 * baseline first and the newer or treated sample second, and a positive difference is an improvement.
 *
 * Formula: difference = NPS_b − NPS_a; SE = √(SE_a² + SE_b²); interval = difference ± z·SE with
 * z = Φ⁻¹((1 + confidence) / 2); zScore = difference / SE; pValue = 2·Φ(−|zScore|); significant = pValue < 1 − confidence.
 * Each sample's NPS and SE come from `method`: `'adjustedWald'` (default) adds ¾ promoters, ¾ detractors and
 * 3 responses to each sample, as {@link netPromoterScoreInterval} does.
 * Units: NPS points (doubles). Source: Lewis and Sauro, MeasuringU, "How to Statistically Compare Two Net
 * Promoter Scores" (adjusted-Wald z test); Rocks (2016) for the variance (docs/nps.md).
 * Edge cases: either sample empty gives null; with `'wald'` and both samples each in a single category the
 * standard error is 0: zScore is null and pValue is 1 if the scores agree, 0 if not (the z test's limit).
 * Bad counts or options are a MetricInputError (paths start with `'a'` or `'b'` for the samples).
 *
 * @category NPS
 * @example
 * const change = compareNetPromoterScores({ promoters: 30, passives: 30, detractors: 40 }, { promoters: 50, passives: 30, detractors: 20 })
 * Number(change.difference.toFixed(2))
 * //=> 38.83
 * Number(change.pValue.toFixed(4))
 * //=> 0.0005
 * change.significant
 * //=> true
 * compareNetPromoterScores({ promoters: 5, passives: 3, detractors: 2 }, { promoters: 5, passives: 3, detractors: 2 }).pValue
 * //=> 1
 */
export function compareNetPromoterScores(
  a: NetPromoterScoreCounts | NetPromoterScoreResult,
  b: NetPromoterScoreCounts | NetPromoterScoreResult,
  options: NetPromoterScoreIntervalOptions = {},
): NetPromoterScoreComparison | null {
  const first = readCounts(a, ['a']);
  const second = readCounts(b, ['b']);
  const { confidence, method, z } = resolveIntervalOptions(options);
  const estimateA = npsEstimate(first, method);
  const estimateB = npsEstimate(second, method);
  if (estimateA === null || estimateB === null) return null;
  const difference = estimateB.score - estimateA.score;
  const standardError = Math.hypot(estimateA.standardError, estimateB.standardError);
  const marginOfError = z * standardError;
  const rawLower = difference - marginOfError;
  const rawUpper = difference + marginOfError;
  const zScore = standardError === 0 ? null : difference / standardError;
  const pValue = zScore === null ? (difference === 0 ? 1 : 0) : Math.min(1, 2 * normalCdf(-Math.abs(zScore)));
  return {
    difference,
    lower: Math.max(-200, rawLower),
    upper: Math.min(200, rawUpper),
    marginOfError,
    standardError,
    zScore,
    pValue,
    significant: pValue < 1 - confidence,
    method,
    confidence,
    clamped: rawLower < -200 || rawUpper > 200,
  };
}
