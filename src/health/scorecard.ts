import { MetricInputError } from '../core/errors.js';
import { deepFreeze } from '../core/internal/deepFreeze.js';
import { parseWithSchema } from '../core/internal/fromZodIssues.js';
import type { InputPath } from '../core/types.js';
import { assertContiguous } from './internal/bandIndexOf.js';
import { brandScorecard, compiledOf } from './internal/compileScorecard.js';
import { scorecardSchema } from './internal/scorecardSchema.js';

import type {
  GroupConfig,
  HealthBand,
  MeasureConfig,
  Scorecard,
  ScorecardConfig,
  ScoringRule,
} from './types.js';
/**
 * The default overall bands: red [0, 50), yellow [50, 75), green [75, 100].
 *
 * Units: health-score points. Source: our convention; Gainsight's numeric scheme uses the same cut points but
 * puts a boundary score in the lower band (docs/health.md). Frozen all the way down.
 *
 * @category Health
 * @example
 * DEFAULT_HEALTH_BANDS.map((band) => band.label).join(', ')
 * //=> 'red, yellow, green'
 */
export const DEFAULT_HEALTH_BANDS: readonly HealthBand[] = /* @__PURE__ */ deepFreeze([
  { label: 'red', min: 0, max: 50, bounds: '[)' },
  { label: 'yellow', min: 50, max: 75, bounds: '[)' },
  { label: 'green', min: 75, max: 100, bounds: '[]' },
]);

/**
 * Validates a scorecard config and returns it with its defaults filled in. Everything is checked here, once:
 * shapes and ranges (weights >= 0, scores within 0–100, coverage within 0–1), ids unique across measures and
 * groups, every group with at least one child and a positive total weight, scoring bands and overall bands
 * contiguous (no gap, no overlap; overall bands exactly [0, 100]), linear rules with min < max and
 * worstScore <= bestScore.
 *
 * The result is frozen and carries its compiled form: `scoreHealth`, `scoreHealthMany` and `defineScorecard`
 * itself take it as it is, without validating again; a plain object passed to them is validated each time.
 *
 * Formula: none; a validator.
 * Units: weights are unitless and normalised within each group; scores are points from 0 to 100.
 * Source: the measure / group / weight model of Gainsight Scorecards (docs/health.md).
 * Edge cases: an invalid config is a MetricInputError whose path names the field, e.g.
 * `groups[1].measures[0].weight`; unknown fields are rejected (`unknown_field`), catching typos.
 *
 * @category Health
 * @example
 * const card = defineScorecard({ measures: [{ id: 'logins', weight: 1, rule: { type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' } }] })
 * card.bands.map((band) => band.label)
 * //=> ['red', 'yellow', 'green']
 * card.missing
 * //=> 'exclude'
 */
export function defineScorecard(config: ScorecardConfig): Scorecard {
  if (compiledOf(config) !== undefined) return config as Scorecard;
  const parsed = parseWithSchema(scorecardSchema, config);
  const bands = parsed.bands ?? DEFAULT_HEALTH_BANDS;
  assertContiguous(bands, ['bands'], [0, 100]);
  const labels = new Set<string>();
  bands.forEach((band, index) => {
    if (labels.has(band.label)) throw duplicate(['bands', index, 'label'], band.label);
    labels.add(band.label);
  });
  const scorecard: Scorecard = {
    ...parsed,
    aggregation: parsed.aggregation ?? 'weightedMean',
    missing: parsed.missing ?? 'exclude',
    minimumCoverage: parsed.minimumCoverage ?? 0,
    bands,
    measures: parsed.measures ?? [],
    groups: parsed.groups ?? [],
  };
  checkGroup(scorecard, [], new Set());
  return brandScorecard(scorecard);
}

function checkGroup(
  group: { readonly measures?: readonly MeasureConfig[]; readonly groups?: readonly GroupConfig[] },
  path: InputPath,
  ids: Set<string>,
): void {
  const measures = group.measures ?? [];
  const groups = group.groups ?? [];
  if (measures.length + groups.length === 0) {
    throw new MetricInputError({
      code: 'empty_input',
      path: [...path, 'measures'],
      expected: 'at least one measure or group',
      received: 'none',
    });
  }
  const total = [...measures, ...groups].reduce((sum, child) => sum + child.weight, 0);
  if (total === 0) {
    throw new MetricInputError({
      code: 'invalid_config',
      path: [...path, measures.length > 0 ? 'measures' : 'groups', 0, 'weight'],
      expected: 'a positive weight on at least one measure or group of this level',
      received: 'all weights 0',
    });
  }
  measures.forEach((measure, index) => {
    const measurePath = [...path, 'measures', index];
    if (ids.has(measure.id)) throw duplicate([...measurePath, 'id'], measure.id);
    ids.add(measure.id);
    checkRule(measure.rule, [...measurePath, 'rule']);
  });
  groups.forEach((child, index) => {
    const groupPath = [...path, 'groups', index];
    if (ids.has(child.id)) throw duplicate([...groupPath, 'id'], child.id);
    ids.add(child.id);
    checkGroup(child, groupPath, ids);
  });
}

function checkRule(rule: ScoringRule, path: InputPath): void {
  if (rule.type === 'bands') assertContiguous(rule.bands, [...path, 'bands']);
  if (rule.type === 'linear') {
    if (!(rule.min < rule.max)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...path, 'max'],
        expected: `greater than min (${rule.min})`,
        received: String(rule.max),
      });
    }
    if (rule.worstScore !== undefined && rule.worstScore > (rule.bestScore ?? 100)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...path, 'bestScore'],
        expected: `at least worstScore (${rule.worstScore})`,
        received: String(rule.bestScore ?? 100),
      });
    }
  }
}

function duplicate(path: InputPath, id: string): MetricInputError {
  return new MetricInputError({
    code: 'invalid_config',
    path,
    expected: 'an id used only once in the scorecard',
    received: JSON.stringify(id),
  });
}
