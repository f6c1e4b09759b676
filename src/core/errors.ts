import { formatPath } from './internal/formatPath.js';
import type { InputPath, MetricInputErrorCode, MetricInputErrorDetails, MetricInputIssue } from './types.js';

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
   * netPromoterScoreByPeriod and netPromoterScoreBySegment, health rows and accounts) and schema validation
   * (scorecards) report each bad row's first problem, as zod and valibot list their issues; every other check
   * stops at its first problem (one issue: the error itself).
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
