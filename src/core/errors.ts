import { formatPath } from './internal/rejectInput.js';
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
  | 'invalid_value';

/**
 * Where the offending value sits inside the input, as property names and array indexes:
 * `['periods', 12, 'end']` is `periods[12].end`.
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
 * The one error this library throws for bad input, before any work is done.
 *
 * It says which field was wrong (`path`), what was wrong (`code`), what was expected and what was received,
 * in the style of zod and valibot issues. Nothing else escapes a metric: no NaN, no Infinity, no silent coercion.
 *
 * @category Core
 * @example
 * const error = new MetricInputError({ code: 'negative_amount', path: ['periods', 3, 'mrr'], expected: 'a number >= 0', received: '-5' })
 * error.message
 * //=> 'periods[3].mrr must be a number >= 0, received -5'
 */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
  // `declare`: assigned in the constructor, so no class-field initialisers are emitted.
  declare readonly code: MetricInputErrorCode;
  declare readonly path: InputPath;
  declare readonly expected: string;
  declare readonly received: string;

  constructor(details: MetricInputErrorDetails) {
    super(
      details.message ??
        `${formatPath(details.path)} must be ${details.expected}, received ${details.received}`,
    );
    this.code = details.code;
    this.path = [...details.path];
    this.expected = details.expected;
    this.received = details.received;
  }
}
