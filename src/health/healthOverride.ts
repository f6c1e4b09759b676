import type { DateLike } from '../core/types.js';
/**
 * A manual score set by a person, with the reason and an optional expiry: for one measure, one group (the group
 * then counts as a single leaf with that score) or the whole account (the reported score becomes the override).
 * An override is active while `asOf` is before `expiresAt` (calendar days, UTC for a `Date`); from `expiresAt`
 * on it is ignored.
 *
 * @category Health
 */
export type HealthOverride =
  | {
      readonly scope: 'measure' | 'group';
      /** The measure or group id. */
      readonly id: string;
      /** The manual score, 0–100. */
      readonly score: number;
      /** Why: kept with the result so the score can be explained. */
      readonly reason: string;
      /** First day the override no longer applies (exclusive); omitted means no expiry. */
      readonly expiresAt?: DateLike;
    }
  | {
      readonly scope: 'account';
      readonly score: number;
      readonly reason: string;
      readonly expiresAt?: DateLike;
    };
