import { MetricInputError } from '../core/errors.js';
import { assertObject } from '../core/internal/options.js';
import { toDecimal } from '../core/numeric.js';
import type { InputPath, Numeric } from '../core/types.js';
import { defineScorecard } from './scorecard.js';
import type { GroupConfig, Scorecard, ScorecardConfig } from './types.js';

/**
 * Returns a new, validated scorecard in which every measure has the given weight and every group the sum of the
 * weights of the measures inside it, so that each measure's share of the overall score is its weight divided by
 * the total: the form in which {@link calibrateWeights} results (or any per-measure weights) enter a scorecard.
 * Everything else (rules, missing-data policies, coverage, bands, ids) is kept; the input is not changed.
 *
 * Formula: measure weight = weights[id]; group weight = Σ weights of the measures in its subtree. With no
 * missing data, effectiveWeight(m) = Π (normalised weights down the path) = (W_G / W) · (w_m / W_G) = w_m / W,
 * W = Σ all weights (equal up to double rounding, about 1e-15).
 * Units: weights are unitless (only ratios matter); calibrated weights sum to 100.
 * Source: our convention (docs/health.md).
 * Edge cases: a group whose measures all get weight 0 gets weight 0 and keeps its children's configured weights
 * (a level needs a positive total to be valid; the group's measures still have effective weight 0); a `min`
 * aggregation anywhere cannot express weights → MetricInputError `invalid_config` at `['aggregation']` or
 * `['groups', i, …, 'aggregation']`; a weight missing for a measure → `missing_field`, for an unknown id →
 * `unknown_field`, negative or not a number → the numeric error, all at `['weights', id]`; all weights 0 →
 * `invalid_config` at `['weights']`.
 *
 * @category Health
 * @example
 * const card = defineScorecard({
 *   measures: [{ id: 'nps', weight: 1, rule: { type: 'linear', min: -100, max: 100, direction: 'higherIsBetter' } }],
 *   groups: [{ id: 'usage', weight: 1, measures: [
 *     { id: 'logins', weight: 1, rule: { type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' } },
 *     { id: 'seats', weight: 1, rule: { type: 'percentOfTarget', target: 50 } },
 *   ] }],
 * })
 * const weighted = withMeasureWeights(card, { nps: 20, logins: 50, seats: 30 })
 * weighted.groups[0].weight
 * //=> 80
 * scoreHealth(weighted, { nps: 0, logins: 10, seats: 50 }).measures.map((measure) => measure.effectiveWeight)
 * //=> [0.2, 0.5, 0.3]
 */
export function withMeasureWeights(
  scorecard: ScorecardConfig,
  weights: Readonly<Record<string, Numeric>>,
): Scorecard {
  const card = defineScorecard(scorecard);
  assertObject(weights, ['weights']);
  checkAggregation(card, []);
  const given = new Map<string, number>();
  for (const [id, value] of Object.entries(weights))
    given.set(id, toDecimal(value, ['weights', id], 'nonNegative').toNumber());
  const ids = new Set<string>();
  const level = rebuild(card, given, ids);
  for (const id of given.keys()) {
    if (!ids.has(id)) {
      throw new MetricInputError({
        code: 'unknown_field',
        path: ['weights', id],
        expected: 'the id of a measure of the scorecard',
        received: JSON.stringify(id),
      });
    }
  }
  if (level.total === 0) {
    throw new MetricInputError({
      code: 'invalid_config',
      path: ['weights'],
      expected: 'a positive weight on at least one measure',
      received: 'all weights 0',
    });
  }
  return defineScorecard({ ...card, measures: level.measures, groups: level.groups });
}

interface Level {
  readonly measures?: Scorecard['measures'];
  readonly groups?: Scorecard['groups'];
}

function checkAggregation(level: Level & { readonly aggregation?: string }, path: InputPath): void {
  if (level.aggregation === 'min') {
    throw new MetricInputError({
      code: 'invalid_config',
      path: [...path, 'aggregation'],
      expected:
        "'weightedMean' (a 'min' group gives all its weight to its worst child, whatever the weights)",
      received: "'min'",
    });
  }
  (level.groups ?? []).forEach((group, index) => {
    checkAggregation(group, [...path, 'groups', index]);
  });
}

// Replaces the weights of one level and returns the total of its subtree; a zero subtree keeps its config.
function rebuild(
  level: Level,
  given: ReadonlyMap<string, number>,
  ids: Set<string>,
): { measures: Scorecard['measures']; groups: GroupConfig[]; total: number } {
  let total = 0;
  const measures = (level.measures ?? []).map((measure) => {
    ids.add(measure.id);
    const weight = given.get(measure.id);
    if (weight === undefined) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['weights', measure.id],
        expected: `a weight for measure ${JSON.stringify(measure.id)}`,
        received: 'undefined',
      });
    }
    total += weight;
    return { ...measure, weight };
  });
  const groups = (level.groups ?? []).map((group) => {
    const child = rebuild(group, given, ids);
    total += child.total;
    return child.total === 0
      ? { ...group, weight: 0 }
      : { ...group, weight: child.total, measures: child.measures, groups: child.groups };
  });
  return { measures, groups, total };
}
