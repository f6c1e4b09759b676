import { npsEstimate, resolveIntervalOptions } from './internal/npsEstimate.js';
import { readCounts } from './internal/npsTally.js';
import type { NpsCounts } from './netPromoterScoreFromCounts.js';
import type { NetPromoterScoreResult, NpsConfidenceInterval, NpsIntervalOptions } from './types.js';
/**
 * Confidence interval for a Net Promoter Score, so a team can see how much of a score is sampling noise.
 * The NPS is a difference of two proportions of one trinomial sample, so its variance accounts for their
 * negative covariance.
 *
 * Formula (on the -1..1 scale, reported ×100 in points): p₊ = promoters / n, p₋ = detractors / n,
 * NPS = p₊ − p₋, SE = √((p₊ + p₋ − (p₊ − p₋)²) / n), interval = NPS ± z·SE with z = Φ⁻¹((1 + confidence) / 2).
 * `'adjustedWald'` (default) first adds ¾ to promoters and to detractors and 3 to n (so 1.5 to passives),
 * and centres the interval on the adjusted NPS. Bounds are clamped to [-100, 100] and `clamped` says so.
 * Units: NPS points; statistics are doubles (`number`), being approximations by nature.
 * Source: Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4);
 * Lewis and Sauro, MeasuringU, "Confidence Intervals for Net Promoter Scores" (docs/nps.md).
 * Edge cases: no responses gives null; confidence outside (0, 1), an unknown method or a bad count is a
 * MetricInputError. With `'wald'` and every answer in one category the interval has zero width.
 *
 * @category NPS
 * @example
 * const ci = npsConfidenceInterval({ promoters: 50, passives: 30, detractors: 20 }, { method: 'wald' })
 * ci.score
 * //=> 30
 * Number(ci.marginOfError.toFixed(2))
 * //=> 15.31
 * npsConfidenceInterval({ promoters: 0, passives: 0, detractors: 0 })
 * //=> null
 */
export function npsConfidenceInterval(
  input: NpsCounts | NetPromoterScoreResult,
  options: NpsIntervalOptions = {},
): NpsConfidenceInterval | null {
  const tally = readCounts(input, []);
  const { confidence, method, z } = resolveIntervalOptions(options);
  const estimate = npsEstimate(tally, method);
  if (estimate === null) return null;
  const marginOfError = z * estimate.standardError;
  const rawLower = estimate.score - marginOfError;
  const rawUpper = estimate.score + marginOfError;
  return {
    score: estimate.score,
    lower: Math.max(-100, rawLower),
    upper: Math.min(100, rawUpper),
    marginOfError,
    standardError: estimate.standardError,
    method,
    confidence,
    clamped: rawLower < -100 || rawUpper > 100,
  };
}
