import type { Numeric } from '../core/types.js';
import { npsEstimate, resolveIntervalOptions } from './internal/npsEstimate.js';
import { readCounts } from './internal/npsTally.js';
import { netPromoterScore } from './netPromoterScore.js';
import type { NetPromoterScoreCounts } from './netPromoterScoreFromCounts.js';
import type {
  NetPromoterScoreInterval,
  NetPromoterScoreIntervalOptions,
  NetPromoterScoreResult,
} from './types.js';

/**
 * Confidence interval for a Net Promoter Score, so a team can see how much of a score is sampling noise.
 * The NPS is a difference of two proportions of one trinomial sample, so its variance accounts for their
 * negative covariance.
 *
 * Formula (on the -1..1 scale, reported ×100 in points): p₊ = promoters / n, p₋ = detractors / n,
 * NPS = p₊ − p₋, SE = √((p₊ + p₋ − (p₊ − p₋)²) / n), interval = NPS ± z·SE with z = Φ⁻¹((1 + confidence) / 2).
 * `'adjustedWald'` (default) first adds ¾ to promoters and to detractors and 3 to n (so 1.5 to passives),
 * and centres the interval on the adjusted NPS (`adjustedCenter`); `score` is always the observed NPS.
 * Bounds are clamped to [-100, 100] and `clamped` says so. Takes the 0–10 answers themselves (as
 * {@link netPromoterScore} does), the three counts, or a result of {@link netPromoterScore}.
 * Units: NPS points; statistics are doubles (`number`), being approximations by nature.
 * Source: Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4);
 * Lewis and Sauro, MeasuringU, "Confidence Intervals for Net Promoter Scores" (docs/nps.md).
 * Edge cases: no responses gives null; confidence outside (0, 1), an unknown method, a bad count or a score that
 * is not an integer 0–10 (at `['scores', index]`) is a MetricInputError. With `'wald'` and every answer in one category the interval has zero width.
 *
 * @category NPS
 * @example
 * const ci = netPromoterScoreInterval({ promoters: 50, passives: 30, detractors: 20 }, { method: 'wald' })
 * ci.score
 * //=> 30
 * Number(ci.marginOfError.toFixed(2))
 * //=> 15.31
 * const adjusted = netPromoterScoreInterval([10, 9, 9, 8, 7, 3])
 * Number(adjusted.score.toFixed(2))
 * //=> 33.33
 * Number(adjusted.adjustedCenter.toFixed(2))
 * //=> 22.22
 * netPromoterScoreInterval({ promoters: 0, passives: 0, detractors: 0 })
 * //=> null
 */
export function netPromoterScoreInterval(
  input: readonly Numeric[] | NetPromoterScoreCounts | NetPromoterScoreResult,
  options: NetPromoterScoreIntervalOptions = {},
): NetPromoterScoreInterval | null {
  const tally = readCounts(Array.isArray(input) ? netPromoterScore(input) : input, []);
  const { confidence, method, z } = resolveIntervalOptions(options);
  const estimate = npsEstimate(tally, method);
  if (estimate === null) return null;
  const marginOfError = z * estimate.standardError;
  const rawLower = estimate.score - marginOfError;
  const rawUpper = estimate.score + marginOfError;
  const responses = tally.promoters + tally.passives + tally.detractors;
  return {
    // (P − D)·100 / n is exact for whole-number results, as in npsEstimate.
    score: ((tally.promoters - tally.detractors) * 100) / responses,
    adjustedCenter: estimate.score,
    lower: Math.max(-100, rawLower),
    upper: Math.min(100, rawUpper),
    marginOfError,
    standardError: estimate.standardError,
    method,
    confidence,
    clamped: rawLower < -100 || rawUpper > 100,
  };
}
