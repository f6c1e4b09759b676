import type { DateLike, IsoDate } from '../core/types.js';

/**
 * One customer's path to value: when it started (signup, contract start, kickoff) and when it first reached
 * the value milestone, if it has.
 *
 * @category Time to value
 */
export interface TimeToValueRecord {
  /** Identifies the customer; each customer appears once. */
  readonly customerId: string;
  /** The day the clock starts. */
  readonly start: DateLike;
  /** The day the customer first reached value; absent or null while it has not. */
  readonly reachedValueAt?: DateLike | null;
}

/**
 * The unit durations are reported in: `'day'`, or `'week'` (days / 7, fractional).
 *
 * @category Time to value
 */
export type TimeToValueUnit = 'day' | 'week';

/**
 * One customer's observed duration.
 *
 * @category Time to value
 */
export interface TimeToValueDuration {
  readonly customerId: string;
  /** The start as an ISO calendar date. */
  readonly start: IsoDate;
  /** Time to value if reached, else time from start to `asOf` (censored), in the result's unit. */
  readonly duration: number;
  /** Whether value was reached on or before `asOf`. */
  readonly reached: boolean;
}
