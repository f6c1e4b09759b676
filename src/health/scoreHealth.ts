import type { DateLike } from '../core/calendarDate.js';
import { assertObject } from '../core/internal/options.js';
import type { HealthOverride } from './healthOverride.js';
import { compileScorecard } from './internal/compileScorecard.js';
import { resolveAsOf, scoreCompiled } from './internal/scoreCompiled.js';
import type { GroupHealth, MeasureHealth } from './measureHealth.js';
import { defineScorecard, type ScorecardConfig } from './scorecard.js';

/**
 * Options of {@link scoreHealth}.
 *
 * @category Health
 */
export interface ScoreHealthOptions {
  /** The evaluation date; required when an override has an `expiresAt` (the clock is never read). */
  readonly asOf?: DateLike;
  /** The previous overall score (0–100), to report the change. */
  readonly previous?: number | null;
  /** Manual scores with reasons and expiries. */
  readonly overrides?: readonly HealthOverride[];
}

/**
 * Change against the previous score.
 *
 * @category Health
 */
export interface ScoreChange {
  readonly previous: number;
  /** score − previous, rounded to 6 decimals. */
  readonly change: number;
  /** `'flat'` only when the change is exactly 0 (see `healthTrend` for a tolerance). */
  readonly direction: 'up' | 'down' | 'flat';
}

/**
 * The four headline numbers of one account's health: what `scoreHealthMany(…, { detail: 'summary' })` returns
 * per account, and the first four fields of every {@link HealthScore}.
 *
 * @category Health
 */
export interface HealthSummary {
  /**
   * The reported score, 0–100 with 6 decimals: the account override if one is active, else the computed score,
   * or null when coverage is below the scorecard's `minimumCoverage` or no measure had a score.
   */
  readonly score: number | null;
  /** The weighted score before the account override and the coverage rule; contributions sum to it exactly. */
  readonly computedScore: number | null;
  /** The overall band's label for `score`, or null. */
  readonly band: string | null;
  /** Share (0–1, rounded to 12 decimals) of the total configured weight whose measures had data or an override. */
  readonly coverage: number;
}

/**
 * One account's health: the {@link HealthSummary} plus the explanation of every point.
 *
 * @category Health
 */
export interface HealthScore extends HealthSummary {
  readonly groups: readonly GroupHealth[];
  readonly measures: readonly MeasureHealth[];
  /** True when an account-level override set `score`. */
  readonly overridden: boolean;
  /** The overrides that were active and used. */
  readonly overrides: readonly HealthOverride[];
  /** Change against `previous`, or null without a previous score or without a score. */
  readonly trend: ScoreChange | null;
}

/**
 * Scores one account with a scorecard: each raw measure value becomes a 0–100 score by its rule, groups combine
 * their children (weighted mean over the children present, or min), and the top level gives the overall score,
 * its band, each measure's contribution and the points it loses.
 *
 * Formula: group score = Σ wᵢ·sᵢ / Σ wᵢ over children with a score (renormalising when some are excluded);
 * score = the top level's score rounded half-up to 6 decimals; contribution of a measure = its effective weight
 * (product of normalised weights down its path) × its score, apportioned in micro-points by largest remainder
 * so that Σ contributions = computedScore exactly; pointsLost = effectiveWeight × (100 − score).
 * Units: points from 0 to 100 (doubles with at most 6 decimals).
 * Source: Gainsight's documented group score Σ(W×M)/ΣW (40.122 for weights 20, 15, 22 and scores 47, 59, 21);
 * missing-data policies, overrides, coverage and apportionment are our conventions (docs/health.md).
 * Edge cases: no measure with a score gives a null score; a missing measure under `'fail'`, an invalid raw value
 * or an invalid override is a MetricInputError whose path names the measure (`['measures', 'nps']`).
 *
 * @category Health
 * @example
 * const card = defineScorecard({ measures: [
 *   { id: 'tickets', weight: 20, rule: { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } },
 *   { id: 'resolution', weight: 15, rule: { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } },
 *   { id: 'frequency', weight: 22, rule: { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } },
 * ] })
 * const health = scoreHealth(card, { tickets: 47, resolution: 59, frequency: 21 })
 * health.score
 * //=> 40.122807
 * health.band
 * //=> 'red'
 * health.measures.map((measure) => measure.contribution)
 * //=> [16.491228, 15.526316, 8.105263]
 */
export function scoreHealth(
  scorecard: ScorecardConfig,
  measures: Readonly<Record<string, unknown>>,
  options: ScoreHealthOptions = {},
): HealthScore {
  const compiled = compileScorecard(defineScorecard(scorecard));
  assertObject(options, ['options']);
  return scoreCompiled(compiled, measures, options, resolveAsOf(options.asOf), []);
}
