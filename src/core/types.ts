// The public Decimal type is declared beside the private constructor of the same name (one symbol, so the
// declarations and the API report name one type).
import type { Decimal } from './internal/decimal.js';

export type { Decimal };

/**
 * A stable, machine-readable name for what was wrong with an input.
 *
 * @category Core
 */
export type MetricInputErrorCode =
  | 'invalid_type'
  | 'invalid_number'
  | 'not_finite'
  | 'negative_amount'
  | 'not_positive'
  | 'out_of_range'
  | 'not_integer'
  | 'invalid_date'
  | 'ambiguous_date'
  | 'invalid_time_zone'
  | 'end_before_start'
  | 'overlapping_periods'
  | 'invalid_option'
  | 'invalid_config'
  | 'missing_field'
  | 'empty_input'
  | 'length_mismatch'
  | 'not_monotonic'
  | 'unknown_field'
  | 'invalid_value'
  | 'mixed_currencies'
  | 'missing_exchange_rate';

/**
 * Where the offending value sits inside the input, as property names and array indexes:
 * `['subscriptions', 12, 'end']` is `subscriptions[12].end`.
 *
 * @category Core
 */
export type InputPath = readonly (string | number)[];

/**
 * The fields that describe one bad input.
 *
 * @category Core
 */
export interface MetricInputErrorDetails {
  /** What kind of problem it is. */
  readonly code: MetricInputErrorCode;
  /** Where the bad value is. */
  readonly path: InputPath;
  /** What a valid value looks like, in words: `'a finite number >= 0'`. */
  readonly expected: string;
  /** The value that was received, rendered for a person: `'-5'`, `'"abc"'`, `'undefined'`. */
  readonly received: string;
  /** The whole sentence; built from the other fields when omitted. */
  readonly message?: string;
}

/**
 * One problem of an input, as listed in `MetricInputError.issues`: the same fields as the error itself.
 *
 * @category Core
 */
export interface MetricInputIssue {
  readonly code: MetricInputErrorCode;
  readonly path: InputPath;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

/**
 * A quantity as callers hold it: a JavaScript number, a decimal string (`'19.99'`, `'1e3'`) or a decimal.js
 * `Decimal` from any decimal.js constructor.
 *
 * Numbers are taken at their shortest round-trip decimal value (`0.1` is exactly 0.1), so a number a
 * spreadsheet shows is the number that is used.
 *
 * @category Core
 */
export type Numeric = number | string | Decimal;

/**
 * Which values a quantity may take: any finite value, values >= 0, or values > 0.
 *
 * @category Core
 */
export type NumericSign = 'any' | 'nonNegative' | 'positive';

/**
 * A date as callers hold it: a calendar date string `'YYYY-MM-DD'`, or a JavaScript `Date` (an instant).
 *
 * The rule for a `Date` (docs/core.md, "Dates and time zones"): with a `timeZone` option its calendar day is read
 * in that zone; without one it must be exactly midnight UTC (`new Date('2024-01-01')`, `Date.UTC(…)`), and any
 * other instant (`new Date(2024, 0, 1)` east or west of UTC, a node-postgres `DATE`) is a
 * {@link MetricInputError} `ambiguous_date` saying what to pass. The machine's zone is never read.
 *
 * @category Core
 */
export type DateLike = string | Date;

/**
 * A calendar date as an ISO string `'YYYY-MM-DD'`: the form every result reports dates in.
 *
 * @category Core
 */
export type IsoDate = string;

/**
 * The length of a reporting period.
 *
 * @category Periods
 */
export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Every {@link Granularity}, in increasing length; frozen, so changing it cannot change what is accepted.
 *
 * @category Periods
 * @example
 * GRANULARITIES.join(', ')
 * //=> 'day, week, month, quarter, year'
 */
export const GRANULARITIES: readonly Granularity[] = /* @__PURE__ */ Object.freeze([
  'day',
  'week',
  'month',
  'quarter',
  'year',
] as const);

/**
 * The first day of a week: 0 = Sunday … 6 = Saturday (the date-fns convention).
 *
 * @category Periods
 */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * How dates are bucketed into periods.
 *
 * @category Periods
 */
export interface PeriodOptions {
  /** Period length; default `'month'`. */
  readonly granularity?: Granularity;
  /** First day of a week for `granularity: 'week'`; default `1` (Monday, as ISO 8601 and pandas' `W`). */
  readonly weekStartsOn?: WeekStartsOn;
  /**
   * IANA time zone that decides the calendar day of a `Date` input. Default: none, and then a `Date` must be
   * exactly midnight UTC (any other instant is an `ambiguous_date` error; see {@link DateLike}).
   */
  readonly timeZone?: string;
}

/**
 * One reporting period: `start` inclusive, `end` exclusive, both ISO calendar dates.
 *
 * @category Periods
 */
export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
}
