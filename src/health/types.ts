import type { DateLike } from '../core/types.js';
import type { HealthOverride } from './healthOverride.js';
import type { GroupHealth, MeasureHealth } from './measureHealth.js';

/**
 * Which ends of an interval belong to it, written as in mathematics: `'[)'` includes `min` and excludes `max`,
 * `'(]'` excludes `min` and includes `max`, `'[]'` includes both, `'()'` neither. Default `'[)'`.
 *
 * @category Health
 */
export type IntervalBounds = '[)' | '(]' | '[]' | '()';

/**
 * One interval of an ordered list of bands. A missing `min` is −∞ (first band only) and a missing `max` is +∞
 * (last band only).
 *
 * @category Health
 */
export interface Interval {
  /** Lower end; omitted means unbounded below (allowed on the first band only). */
  readonly min?: number;
  /** Upper end; omitted means unbounded above (allowed on the last band only). */
  readonly max?: number;
  /** Which ends belong to the interval; default `'[)'`. */
  readonly bounds?: IntervalBounds;
}

/**
 * A value a condition compares with: a string, a number or a boolean (JSON scalars).
 *
 * @category Health
 */
export type ConditionValue = string | number | boolean;

/**
 * A test on one field of an account; every operator given must hold. Numbers compare numerically (the account's
 * value may be a number, a decimal string or a Decimal); strings and booleans compare exactly. A missing field
 * (absent, undefined or null) satisfies only `ne`, `notIn` and `exists: false`.
 *
 * @category Health
 */
export interface FieldCondition {
  /** The account's own property to read, e.g. `'mrr'` or `'plan'`. */
  readonly field: string;
  readonly eq?: ConditionValue;
  readonly ne?: ConditionValue;
  readonly in?: readonly ConditionValue[];
  readonly notIn?: readonly ConditionValue[];
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  /** true: the field has a value; false: it is missing. */
  readonly exists?: boolean;
}

/**
 * A declarative, JSON-serialisable rule over an account's fields: a {@link FieldCondition}, or `all` (every
 * condition holds; true when empty), `any` (at least one holds; false when empty) or `not`.
 *
 * @category Health
 */
export type Condition =
  | FieldCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

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
  /** Bands of the overall score, covering [0, 100] exactly; default `DEFAULT_HEALTH_BANDS`. */
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
 * Options of `scoreHealth`.
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
