import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';

/**
 * An ISO 4217 currency code (three capital letters), or the error at `path`: `invalid_type` for a non-string,
 * `invalid_value` for a string of another shape. The one check of row currencies, the `currency` option and its
 * SQL twin; `orUndefined` says in the message that the field may be left out.
 *
 * @private
 */
export function currencyCode(value: unknown, path: InputPath, orUndefined = false): string {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return value;
  throw new MetricInputError({
    code: typeof value === 'string' ? 'invalid_value' : 'invalid_type',
    path,
    expected: `an ISO 4217 currency code (three capital letters, e.g. "EUR")${orUndefined ? ' or undefined' : ''}`,
    received: describeValue(value),
  });
}
