import { assertPath } from './internal/assertPath.js';
import type { Decimal } from './internal/decimal.js';
import { parseDecimal } from './internal/numericInput.js';
import { rejectInput } from './internal/rejectInput.js';
import type { InputPath } from './types.js';

import { Numeric, type NumericSign } from './types.js';
/**
 * Converts a {@link Numeric} input to the library's exact `Decimal`, or throws a {@link MetricInputError}
 * naming the field.
 *
 * Accepted: finite numbers, decimal strings (surrounding white space ignored), a real decimal.js `Decimal` (of any
 * copy of decimal.js, read from its digits), each below 10^21 in magnitude with at most 60 decimal places.
 * Rejected: NaN, ±Infinity, hex/binary strings, empty strings, booleans, null, undefined, objects that only pose
 * as a Decimal (a JSON copy of one), values past the limits (docs/core.md, "Limits and exactness"), and values
 * outside `sign`; a `path` that is not an array of strings and whole numbers, or an unknown `sign`, is refused
 * too. Negative zero becomes zero.
 *
 * @category Core
 * @example
 * toDecimal('19.99', ['price']).plus(0.01).toString()
 * //=> '20'
 */
export function toDecimal(value: unknown, path: InputPath = [], sign: NumericSign = 'any'): Decimal {
  assertPath(path);
  if (sign !== 'any' && sign !== 'nonNegative' && sign !== 'positive') {
    rejectInput('invalid_option', ['sign'], 'one of "any", "nonNegative", "positive"', sign);
  }
  const result = parseDecimal(value, path);
  if (sign === 'nonNegative' && result.isNegative()) {
    return rejectInput('negative_amount', path, 'a number >= 0', value);
  }
  if (sign === 'positive' && result.lessThanOrEqualTo(0)) {
    return rejectInput('not_positive', path, 'a number > 0', value);
  }
  return result;
}
