import { assertArray } from '../core/internal/options.js';
import type { Numeric } from '../core/types.js';
import { categorize, type Tally, tallyResult } from './internal/npsTally.js';

import type { NetPromoterScoreResult } from './types.js';
/**
 * Net Promoter Score of a list of answers to "How likely are you to recommend us?" on the 0–10 scale:
 * the share of promoters (9–10) minus the share of detractors (0–6), in points. Passives (7–8) count in the
 * number of responses but in neither share.
 *
 * Formula: score = (promoters - detractors) / responses × 100; shares = category / responses.
 * Units: score in points from -100 to 100 (a Decimal, exact up to 40 significant digits); counts as numbers;
 * shares as ratios in [0, 1]. Source: Reichheld (2003), "The One Number You Need to Grow", Harvard Business
 * Review, and Bain & Company's Net Promoter System; MeasuringU uses the same categories (docs/nps.md).
 * Edge cases: no responses gives score and shares null; an answer that is not an integer from 0 to 10
 * (7.5, 11, -1, NaN, 'abc', null) is a MetricInputError whose path names its index (`['scores', 3]`).
 * Numeric strings such as `'9'` from spreadsheets are accepted.
 *
 * @category NPS
 * @example
 * netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, '9', 0]).score?.toString()
 * //=> '20'
 * netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, '9', 0]).detractors
 * //=> 3
 * netPromoterScore([]).score
 * //=> null
 */
export function netPromoterScore(scores: readonly Numeric[]): NetPromoterScoreResult {
  assertArray(scores, ['scores']);
  const tally: Tally = { promoters: 0, passives: 0, detractors: 0 };
  // An index loop, not forEach, so a hole in a sparse array is reported rather than skipped. It stops at the
  // first bad score (one issue): collecting them all would break the 1,000 B budget of this import (issue 7);
  // netPromoterScoreByPeriod and netPromoterScoreBySegment list every bad response.
  for (let index = 0; index < scores.length; index += 1) {
    tally[categorize(scores[index], ['scores', index])] += 1;
  }
  return tallyResult(tally);
}
