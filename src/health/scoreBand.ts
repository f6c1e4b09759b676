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
