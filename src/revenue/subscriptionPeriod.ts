import type { DateLike, Numeric } from '../core/types.js';
/**
 * One stretch of time during which a customer paid a constant MRR on one subscription.
 *
 * `start` is inclusive and `end` exclusive (absent or null: still active). A customer's MRR on a day is the sum of
 * the MRR of its periods active that day; several subscriptions per customer are normal, and a period with
 * `mrr: 0` is a free plan (the customer exists but does not pay).
 *
 * @category Revenue
 */
export interface SubscriptionPeriod {
  readonly customerId: string;
  /** Identifies the subscription; two periods of one subscription may not overlap. */
  readonly subscriptionId?: string;
  readonly start: DateLike;
  readonly end?: DateLike | null;
  /** Monthly recurring revenue while the period lasts, >= 0 (see `normalizeToMrr` for other billing intervals). */
  readonly mrr: Numeric;
  /**
   * ISO 4217 code of the currency `mrr` is in (three capital letters); absent: the reporting currency. Rows in
   * several currencies need the `currency` option of `mrrMovements`.
   */
  readonly currency?: string;
  /** The segment (plan, product, region, channel …) the period belongs to, for `segmentMrrMovements`. */
  readonly segment?: string;
}

/**
 * Subscription periods as parallel columns, for data too big to hold as one object per row (10M rows, an Arrow
 * table, a DuckDB result): row `i` is `{ customerId: customerId[i], subscriptionId: subscriptionId?.[i],
 * start: start[i], end: end?.[i], mrr: mrr[i], currency: currency?.[i], segment: segment?.[i] }`, validated like
 * a {@link SubscriptionPeriod} and giving the same results. Every column present has the same length. Errors
 * name the column, then the row: `['subscriptions', 'mrr', 12]`.
 *
 * - ids: strings, or integers in a typed array (read as their decimal string: `42` is the id `'42'`);
 * - dates: `'YYYY-MM-DD'` strings (or `Date`s, as in a row), or day numbers (days since 1970-01-01, 1970-01-02 is
 *   1) in an `Int32Array`, a `Float64Array` or a plain array; `end` absent, `null`, `undefined` or `NaN` is
 *   open-ended;
 * - `mrr`: numbers or decimal strings, or integer minor units with a scale ({@link MinorUnitsColumn}).
 *
 * @category Revenue
 */
export interface SubscriptionPeriodColumns {
  readonly customerId: IdColumn;
  /** Absent: no row has a subscriptionId; in a string column `undefined` marks a row without one. */
  readonly subscriptionId?: IdColumn | readonly (string | undefined)[];
  readonly start: DayColumn;
  /** Absent: every period is still active. */
  readonly end?: DayColumn | readonly (DateLike | number | null | undefined)[];
  readonly mrr: readonly Numeric[] | Float64Array | MinorUnitsColumn;
  /** ISO 4217 codes, `undefined` for the reporting currency (as {@link SubscriptionPeriod.currency}). */
  readonly currency?: readonly (string | undefined)[];
  /** Segments, `undefined` for none (as {@link SubscriptionPeriod.segment}). */
  readonly segment?: readonly (string | undefined)[];
}

/**
 * A column of ids: strings, or integers in a typed array.
 *
 * @category Revenue
 */
export type IdColumn =
  | readonly string[]
  | Int32Array
  | Uint32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A column of calendar dates: `'YYYY-MM-DD'` strings or `Date`s, or day numbers (days since 1970-01-01).
 *
 * @category Revenue
 */
export type DayColumn = readonly (DateLike | number)[] | Int32Array | Float64Array;

/**
 * MRR as integer counts of minor units: row `i` is `minorUnits[i] / 10^scale` (`{ minorUnits: [1999], scale: 2 }`
 * is 19.99), exact for any integer the array holds. `scale` is an integer from 0 to 38 (the
 * largest scale of an Arrow or DuckDB DECIMAL).
 *
 * @category Revenue
 */
export interface MinorUnitsColumn {
  readonly minorUnits: Int32Array | Uint32Array | Float64Array | BigInt64Array | readonly (number | bigint)[];
  readonly scale: number;
}

/**
 * Subscription periods as the functions that accept both forms take them: one object per row, or columns.
 *
 * @category Revenue
 */
export type SubscriptionPeriodInput = readonly SubscriptionPeriod[] | SubscriptionPeriodColumns;
