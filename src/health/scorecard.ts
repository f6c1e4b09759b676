import { type InputPath, MetricInputError } from '../core/errors.js';
import { parseWithSchema } from '../core/internal/fromZodIssues.js';
import { assertContiguous } from './internal/bandIndexOf.js';
import { scorecardSchema } from './internal/scorecardSchema.js';
import type { Interval } from './scoreBand.js';

/**
 * Which way a raw value is better: `'higherIsBetter'` (logins, seats used) or `'lowerIsBetter'` (open tickets,
 * days since last login).
 *
 * @category Health
 */
export type Direction = 'higherIsBetter' | 'lowerIsBetter';

/**
 * One band of a `bands` scoring rule: raw values inside the interval get `score`.
 *
 * @category Health
 */
export interface MeasureBand extends Interval {
  /** The score, 0–100, given to raw values in this band. */
  readonly score: number;
}

/**
 * How a raw value becomes a score from 0 to 100.
 * - `bands`: ordered, contiguous intervals, each with a score (no gaps, no overlaps, checked when defined);
 *   a value outside every band is an error.
 * - `linear`: `min` maps to the worst score and `max` to the best (reversed for `'lowerIsBetter'`), straight
 *   line in between, clamped outside; `worstScore` default 0, `bestScore` default 100.
 * - `categorical`: a string (or boolean, read as `'true'`/`'false'`) looked up in `scores`; an unknown
 *   category is an error.
 * - `percentOfTarget`: 100 × value / target capped at 100 (`'higherIsBetter'`, the default), or
 *   100 × target / value capped at 100 (`'lowerIsBetter'`, 0 counts as 100); the value must be >= 0.
 *
 * @category Health
 */
export type ScoringRule =
  | { readonly type: 'bands'; readonly bands: readonly MeasureBand[] }
  | {
      readonly type: 'linear';
      readonly min: number;
      readonly max: number;
      readonly direction: Direction;
      readonly worstScore?: number;
      readonly bestScore?: number;
    }
  | { readonly type: 'categorical'; readonly scores: Readonly<Record<string, number>> }
  | { readonly type: 'percentOfTarget'; readonly target: number; readonly direction?: Direction };

/**
 * What to do when a measure has no value (undefined or null) for an account. Default `'exclude'`:
 * drop it and renormalise the remaining weights (Gainsight's and Catalyst's behaviour); `'zero'` scores it 0;
 * `{ neutral: 50 }` scores it the given score; `'fail'` throws a `MetricInputError` naming the measure.
 *
 * @category Health
 */
export type MissingPolicy = 'exclude' | 'zero' | 'fail' | { readonly neutral: number };

/**
 * How a group combines its children's scores. Default `'weightedMean'` (Σ weight × score / Σ weight over the
 * children present); `'min'` takes the worst child with a positive weight ("as healthy as the weakest link").
 *
 * @category Health
 */
export type GroupAggregation = 'weightedMean' | 'min';

/**
 * One measure of a scorecard.
 *
 * @category Health
 */
export interface MeasureConfig {
  /** Unique across the whole scorecard (measures and groups share one namespace); the key of the raw value. */
  readonly id: string;
  /** Any non-negative number; weights are normalised within their group, so only ratios matter. */
  readonly weight: number;
  /** How the raw value becomes a 0–100 score. */
  readonly rule: ScoringRule;
  /** Overrides the scorecard's (or enclosing group's) missing-data policy. */
  readonly missing?: MissingPolicy;
}

/**
 * A group of measures and sub-groups, nested to any depth.
 *
 * @category Health
 */
export interface GroupConfig {
  /** Unique across the whole scorecard. */
  readonly id: string;
  /** The group's weight within its parent. */
  readonly weight: number;
  /** Default `'weightedMean'`. */
  readonly aggregation?: GroupAggregation;
  /** Missing-data policy inherited by the measures inside, unless they set their own. */
  readonly missing?: MissingPolicy;
  readonly measures?: readonly MeasureConfig[];
  readonly groups?: readonly GroupConfig[];
}

/**
 * One band of the overall score, such as `{ label: 'red', min: 0, max: 50, bounds: '[)' }`.
 *
 * @category Health
 */
export interface HealthBand extends Interval {
  /** The name reported for scores in this band. */
  readonly label: string;
}

/**
 * A scorecard as plain JSON-serialisable data: top-level measures and groups, a missing-data policy, a minimum
 * coverage and the overall bands.
 *
 * @category Health
 */
export interface ScorecardConfig {
  /** A name for the scorecard (used by `chooseScorecard`-style segment rules); optional. */
  readonly id?: string;
  /** Aggregation of the top level; default `'weightedMean'`. */
  readonly aggregation?: GroupAggregation;
  /** Default `'exclude'`. */
  readonly missing?: MissingPolicy;
  /**
   * The share of total weight (0–1) that must come from measures with data (or overrides) for the score to be
   * reported; below it the score is null. Default 0.
   */
  readonly minimumCoverage?: number;
  /** Bands of the overall score, covering [0, 100] exactly; default {@link DEFAULT_HEALTH_BANDS}. */
  readonly bands?: readonly HealthBand[];
  readonly measures?: readonly MeasureConfig[];
  readonly groups?: readonly GroupConfig[];
}

/**
 * A validated scorecard: the config with every default filled in. Still plain data.
 *
 * @category Health
 */
export interface Scorecard extends ScorecardConfig {
  readonly aggregation: GroupAggregation;
  readonly missing: MissingPolicy;
  readonly minimumCoverage: number;
  readonly bands: readonly HealthBand[];
  readonly measures: readonly MeasureConfig[];
  readonly groups: readonly GroupConfig[];
}

/**
 * The default overall bands: red [0, 50), yellow [50, 75), green [75, 100].
 *
 * Units: health-score points. Source: our convention; Gainsight's numeric scheme uses the same cut points but
 * puts a boundary score in the lower band (docs/health.md).
 *
 * @category Health
 */
export const DEFAULT_HEALTH_BANDS: readonly HealthBand[] = [
  { label: 'red', min: 0, max: 50, bounds: '[)' },
  { label: 'yellow', min: 50, max: 75, bounds: '[)' },
  { label: 'green', min: 75, max: 100, bounds: '[]' },
];

/**
 * Validates a scorecard config and returns it with its defaults filled in. Everything is checked here, once:
 * shapes and ranges (weights >= 0, scores within 0–100, coverage within 0–1), ids unique across measures and
 * groups, every group with at least one child and a positive total weight, scoring bands and overall bands
 * contiguous (no gap, no overlap; overall bands exactly [0, 100]), linear rules with min < max and
 * worstScore <= bestScore.
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
  return scorecard;
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
