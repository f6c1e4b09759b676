import type { InputPath } from './errors.js';
import type { Decimal } from './internal/decimal.js';
import { parseDecimal } from './internal/numericInput.js';
import { rejectInput } from './internal/rejectInput.js';
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
 * Converts a {@link Numeric} input to the library's exact `Decimal`, or throws a {@link MetricInputError}
 * naming the field.
 *
 * Accepted: finite numbers, decimal strings (surrounding white space ignored), any decimal.js `Decimal`.
 * Rejected: NaN, ±Infinity, hex/binary strings, empty strings, booleans, null, undefined, and values outside `sign`.
 * Negative zero becomes zero.
 *
 * @category Core
 * @example
 * toDecimal('19.99', ['price']).plus(0.01).toString()
 * //=> '20'
 */
export function toDecimal(value: unknown, path: InputPath = [], sign: NumericSign = 'any'): Decimal {
  const result = parseDecimal(value, path);
  if (sign === 'nonNegative' && result.isNegative()) {
    return rejectInput('negative_amount', path, 'a number >= 0', value);
  }
  if (sign === 'positive' && result.lessThanOrEqualTo(0)) {
    return rejectInput('not_positive', path, 'a number > 0', value);
  }
  return result;
}
