import { assertArray, assertObject } from '../core/internal/options.js';
import { firstMatch } from './internal/firstMatch.js';
import type { Condition } from './types.js';

/**
 * A segment rule: accounts matching `when` are scored with `scorecard`.
 *
 * @category Health
 */
export interface ScorecardSegment<T> {
  readonly when: Condition;
  readonly scorecard: T;
}

/**
 * Picks the scorecard for an account from segment rules: the first segment whose condition matches wins, else
 * the default. Principle 5 of *Customer Success*: segment customers by your own metrics and judge each segment
 * by what success means for it (an enterprise account by executive sponsorship, a self-serve one by usage).
 *
 * Formula: scorecard of the first i with matches(account, segments[i].when), else defaultScorecard.
 * Units: none; returns one of the scorecards given (unchanged, not validated here: `scoreHealth` does that).
 * Source: segment-specific scorecards as in Gainsight's scorecard assignment rules; the condition language is ours
 * (docs/health.md).
 * Edge cases: no segments gives the default; every condition is validated before any is evaluated, and a bad one
 * is a MetricInputError at `['segments', i, 'when', …]`.
 *
 * @category Health
 * @example
 * const segments = [
 *   { when: { field: 'plan', in: ['enterprise'] }, scorecard: 'enterprise card' },
 *   { when: { field: 'mrr', gte: 1000 }, scorecard: 'mid-market card' },
 * ]
 * chooseScorecard({ plan: 'pro', mrr: 1500 }, segments, 'self-serve card')
 * //=> 'mid-market card'
 * chooseScorecard({ plan: 'pro', mrr: 99 }, segments, 'self-serve card')
 * //=> 'self-serve card'
 */
export function chooseScorecard<T>(
  account: Readonly<Record<string, unknown>>,
  segments: readonly ScorecardSegment<T>[],
  defaultScorecard: T,
): T {
  assertObject(account, ['account']);
  assertArray(segments, ['segments']);
  const index = firstMatch(account, segments, 'segments');
  return index < 0 ? defaultScorecard : segments[index]!.scorecard;
}
