import { formatPath } from './internal/formatPath.js';

import type { InputPath, MetricInputErrorCode, MetricInputErrorDetails } from './types.js';
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
