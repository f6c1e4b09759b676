import type { Decimal } from './internal/decimal.js';
import { parseDecimal } from './internal/numericInput.js';
import { rejectInput } from './internal/rejectInput.js';
import type { InputPath } from './types.js';

import { Numeric, type NumericSign } from './types.js';
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
