import { Decimal } from './decimal.js';
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
  | 'invalid_value';

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
 * One problem of an input, as listed in {@link MetricInputError.issues}: the same fields as the error itself.
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
 * How many problems one {@link MetricInputError} lists at most in `issues`: 100. Validation of rows stops
 * collecting there, so a file that is wrong throughout costs no more than 100 rows' worth of messages.
 *
 * @category Core
 */
export const MAX_INPUT_ISSUES = 100;

/**
 * The one error this library throws for bad input, before any work is done.
 *
 * It says which field was wrong (`path`), what was wrong (`code`), what was expected and what was received,
 * in the style of zod and valibot issues. Nothing else escapes a metric: no NaN, no Infinity, no silent coercion.
 *
 * @category Core
 * @example
 * const error = new MetricInputError({ code: 'negative_amount', path: ['subscriptions', 3, 'mrr'], expected: 'a number >= 0', received: '-5' })
 * error.message
 * //=> 'subscriptions[3].mrr must be a number >= 0, received -5'
 * error.issues.length
 * //=> 1
 */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
  // `declare`: assigned in the constructor, so no class-field initialisers are emitted.
  declare readonly code: MetricInputErrorCode;
  declare readonly path: InputPath;
  declare readonly expected: string;
  declare readonly received: string;
  /**
   * Every problem found, up to {@link MAX_INPUT_ISSUES}, in input order; `issues[0]` is this error's own `code`,
   * `path`, `expected`, `received` and `message`. Row validation (subscription periods, NPS responses of
   * netPromoterScoreByPeriod and netPromoterScoreBySegment, health rows and accounts) and schema validation (scorecards) report each bad
   * row's first problem, as zod and valibot list their issues; every other check stops at its first problem
   * (one issue: the error itself).
   */
  get issues(): readonly MetricInputIssue[] {
    // A getter on the prototype: nothing per error, and JSON.stringify(error) stays as it was. An error with
    // several issues gets its own (non-enumerable) list from withIssues.
    return [this];
  }

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

/**
 * Renders a path the way a JavaScript reader writes it: `subscriptions[12].end`; the empty path is `input`.
 *
 * @category Core
 * @example
 * formatPath(['groups', 1, 'measures', 0, 'weight'])
 * //=> 'groups[1].measures[0].weight'
 */
export function formatPath(path: InputPath): string {
  const parts = path.map((part, index) =>
    typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
  );
  return parts.join('') || 'input';
}

/**
 * Renders any received value for an error message, without ever throwing.
 *
 * @private
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'function') return 'a function';
  // undefined, null, numbers, bigints, booleans, symbols, Decimals of any constructor and an invalid Date
  // ('Invalid Date') read as themselves; a valid Date would read in the machine's time zone, hence above.
  const readsAsItself =
    typeof value !== 'object' || value === null || value instanceof Date || Decimal.isDecimal(value);
  return readsAsItself ? String(value) : 'an object';
}

/**
 * Throws the `MetricInputError` for one bad value. One place builds the error, which keeps every message in the
 * same shape (and the bundles small).
 *
 * @private
 */
export function rejectInput(
  code: MetricInputErrorCode,
  path: InputPath,
  expected: string,
  value: unknown,
): never {
  throw new MetricInputError({ code, path, expected, received: describeValue(value) });
}

/**
 * The same error at another path: for a validator whose input sits at a different place in the caller's input
 * (the options a runner passes on to a SQL builder, a measure of one account among many). A message built from
 * the old path is rebuilt from the new one; a custom message is kept.
 *
 * @private
 */
export function relocateError(error: MetricInputError, path: InputPath): MetricInputError {
  const { code, expected, received } = error;
  const standard = error.message === `${formatPath(error.path)} must be ${expected}, received ${received}`;
  return new MetricInputError({
    code,
    path,
    expected,
    received,
    ...(standard ? {} : { message: error.message }),
  });
}

/**
 * Runs `visit` on rows 0 … rowCount − 1. When a row throws a {@link MetricInputError}, the later rows are visited
 * too, and the error thrown lists the first problem of every bad row in `issues` (up to {@link MAX_INPUT_ISSUES}),
 * its own fields being the first row's, exactly as before. Whatever `visit` accumulated is discarded with the
 * throw, so it may keep accumulating; only a failing input pays for the rest of the pass.
 *
 * @private
 */
export function forEachRow(rowCount: number, visit: (index: number) => unknown): void {
  let index = 0;
  try {
    for (; index < rowCount; index += 1) visit(index);
  } catch (first) {
    throw withLaterRowIssues(first, index, rowCount, visit);
  }
}

/**
 * The error `first`, thrown while reading row `failedAt`, extended with the first problem of every later bad row
 * found by `checkRow` (see {@link forEachRow}, for loops that cannot take a callback). Anything that is not a
 * {@link MetricInputError} is returned as it is.
 *
 * @private
 */
export function withLaterRowIssues(
  first: unknown,
  failedAt: number,
  rowCount: number,
  checkRow: (index: number) => unknown,
): unknown {
  if (!(first instanceof MetricInputError)) return first;
  const issues = [first.issues[0]!];
  for (let index = failedAt + 1; index < rowCount && issues.length < MAX_INPUT_ISSUES; index += 1) {
    try {
      checkRow(index);
    } catch (error) {
      if (!(error instanceof MetricInputError)) return error;
      issues.push(error.issues[0]!);
    }
  }
  return issues.length > 1 ? withIssues(first, issues) : first;
}

/**
 * A copy of `first` (same code, path, expected, received and message) whose `issues` are `issues`, the first
 * of which must be `first`'s own.
 *
 * @private
 */
export function withIssues(first: MetricInputError, issues: readonly MetricInputIssue[]): MetricInputError {
  const { code, path, expected, received, message } = first;
  const error = new MetricInputError({ code, path, expected, received, message });
  return Object.defineProperty(error, 'issues', { value: issues.slice(0, MAX_INPUT_ISSUES) });
}
