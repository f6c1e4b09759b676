import type { Numeric } from '../core/types.js';
import { readCounts, tallyResult } from './internal/npsTally.js';
import type { NetPromoterScoreResult } from './types.js';

/**
 * How many survey answers fell in each NPS category.
 *
 * @category NPS
 */
export interface NetPromoterScoreCounts {
  /** Answers of 9 or 10: a whole number >= 0. */
  readonly promoters: Numeric;
  /** Answers of 7 or 8: a whole number >= 0. */
  readonly passives: Numeric;
  /** Answers of 0 to 6: a whole number >= 0. */
  readonly detractors: Numeric;
}

/**
 * Net Promoter Score from category counts, for when only the tallies are at hand (a survey tool's summary).
 * Gives exactly what {@link netPromoterScore} gives for a list of answers with those counts.
 *
 * Formula: score = (promoters - detractors) / (promoters + passives + detractors) × 100.
 * Units: score in points from -100 to 100 (Decimal); counts as numbers; shares as ratios in [0, 1].
 * Source: Reichheld (2003) and Bain & Company's Net Promoter System (docs/nps.md).
 * Edge cases: all counts zero gives score and shares null; a negative, fractional or non-numeric count is a
 * MetricInputError naming the field (`['promoters']`).
 *
 * @category NPS
 * @example
 * netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 }).score?.toString()
 * //=> '30'
 * netPromoterScoreFromCounts({ promoters: 50, passives: 30, detractors: 20 }).promoterShare.toString()
 * //=> '0.5'
 */
export function netPromoterScoreFromCounts(counts: NetPromoterScoreCounts): NetPromoterScoreResult {
  const tally = readCounts(counts, []);
  return tallyResult(tally);
}
