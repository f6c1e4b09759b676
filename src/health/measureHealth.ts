/**
 * How a measure's score was obtained: from its raw value, imputed by the missing-data policy (`'zero'` or
 * `neutral`), excluded (missing under `'exclude'`), or set by an override.
 *
 * @category Health
 */
export type MeasureStatus = 'scored' | 'imputed' | 'excluded' | 'overridden';

/**
 * One measure in a health result.
 *
 * @category Health
 */
export interface MeasureHealth {
  readonly id: string;
  /** The raw value as given (undefined when missing). */
  readonly raw: unknown;
  /** Points 0–100 (6 decimals), or null when excluded. */
  readonly score: number | null;
  /** The configured weight. */
  readonly weight: number;
  /**
   * The measure's share of the overall score after renormalisation (product of normalised weights along its
   * path; 0 when excluded, when a `min` group did not pick it, or under an overridden group). A double.
   */
  readonly effectiveWeight: number;
  /** Points this measure adds to the computed score (6 decimals); the contributions sum to it exactly. */
  readonly contribution: number | null;
  /** effectiveWeight × (100 − score), rounded to 6 decimals: the points it costs. Largest = fix first. */
  readonly pointsLost: number | null;
  readonly status: MeasureStatus;
}

/**
 * One group in a health result.
 *
 * @category Health
 */
export interface GroupHealth {
  readonly id: string;
  /** The group's score (6 decimals), or null when none of its children had a score. */
  readonly score: number | null;
  readonly weight: number;
  /** The group's share of the overall score (a double). */
  readonly effectiveWeight: number;
  /** Sum of the contributions inside the group (or the override's own contribution). */
  readonly contribution: number | null;
  /** effectiveWeight × (100 − score), rounded to 6 decimals. */
  readonly pointsLost: number | null;
  readonly status: 'scored' | 'excluded' | 'overridden';
}
