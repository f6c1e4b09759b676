import { MetricInputError } from '../core/errors.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../core/internal/rowIssues.js';
import type { Numeric } from '../core/types.js';
import { categorize, type Tally, tallyResult } from './internal/npsTally.js';
import type { NetPromoterScoreResult } from './types.js';

/**
 * One survey answer tagged with the segment of the customer who gave it.
 *
 * @category NPS
 */
export interface SegmentedNetPromoterScoreResponse {
  /** The 0–10 answer: an integer, as a number or a numeric string. */
  readonly score: Numeric;
  /** The segment key: plan, region, coverage model, cohort… any string. */
  readonly segment: string;
}

/**
 * The NPS of one segment.
 *
 * @category NPS
 */
export interface NetPromoterScoreSegment extends NetPromoterScoreResult {
  /** The segment key. */
  readonly segment: string;
}

/**
 * Net Promoter Score per segment: the answers grouped by their `segment` key, each group scored as
 * {@link netPromoterScore} scores a list. Segments' counts add up to the whole survey's.
 *
 * Formula: for each segment s, score_s = (promoters_s − detractors_s) / responses_s × 100.
 * Units: as {@link netPromoterScore}. Source: Reichheld (2003) categories; grouping is our convention (docs/nps.md).
 * Order: segments sorted by key in UTF-16 code-unit order (JavaScript's default sort, independent of locale);
 * only segments with at least one answer appear.
 * Edge cases: no responses gives an empty array; a bad answer is a MetricInputError at
 * `['responses', i, 'score']`, a segment that is not a string one at `['responses', i, 'segment']`.
 *
 * @category NPS
 * @example
 * netPromoterScoreBySegment([
 *   { score: 10, segment: 'smb' },
 *   { score: 3, segment: 'smb' },
 *   { score: 9, segment: 'enterprise' },
 * ]).map((row) => [row.segment, row.score?.toString()])
 * //=> [['enterprise', '100'], ['smb', '0']]
 */
export function netPromoterScoreBySegment(
  responses: readonly SegmentedNetPromoterScoreResponse[],
): NetPromoterScoreSegment[] {
  assertArray(responses, ['responses']);
  const tallies = new Map<string, Tally>();
  let index = 0;
  try {
    for (; index < responses.length; index += 1) {
      const { category, segment } = readResponse(responses[index], index);
      let tally = tallies.get(segment);
      if (tally === undefined) {
        tally = { promoters: 0, passives: 0, detractors: 0 };
        tallies.set(segment, tally);
      }
      tally[category] += 1;
    }
  } catch (error) {
    throw withLaterRowIssues(error, index, responses.length, (later) =>
      readResponse(responses[later], later),
    );
  }
  return [...tallies.keys()].sort().map((segment) => {
    const tally = tallies.get(segment) as Tally;
    return { segment, ...tallyResult(tally) };
  });
}

function readResponse(response: unknown, index: number) {
  assertObject(response, ['responses', index]);
  const category = categorize(response.score, ['responses', index, 'score']);
  const segment = response.segment;
  if (typeof segment !== 'string') {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['responses', index, 'segment'],
      expected: 'a string',
      received: describeValue(segment),
    });
  }
  return { category, segment };
}
