import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { compiledOf } from './internal/compileScorecard.js';
import { resolveAsOf, scoreCompiled } from './internal/scoreCompiled.js';
import { defineScorecard } from './scorecard.js';
import type { HealthScore, ScorecardConfig, ScoreHealthOptions } from './types.js';
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
  // defineScorecard validates a plain object once; a scorecard it made comes back as it is, compiled.
  const compiled = compiledOf(defineScorecard(scorecard))!;
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  return scoreCompiled(compiled, measures, options, resolveAsOf(options.asOf), []);
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['asOf', 'previous', 'overrides']);
