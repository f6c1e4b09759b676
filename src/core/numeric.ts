import { Decimal } from './decimal.js';
import { type InputPath, rejectInput } from './errors.js';

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

const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

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

/**
 * Converts a share that must lie in [0, 1] (a margin, a churn rate, a probability).
 *
 * @category Core
 * @example
 * toUnitInterval('0.7', ['grossMargin']).toString()
 * //=> '0.7'
 */
export function toUnitInterval(value: unknown, path: InputPath = []): Decimal {
  const result = parseDecimal(value, path);
  if (result.isNegative() || result.greaterThan(1)) {
    return rejectInput('out_of_range', path, 'a number between 0 and 1 inclusive', value);
  }
  return result;
}

/**
 * Converts a count (customers, responses, seats) to a safe non-negative integer `number`.
 *
 * @category Core
 * @example
 * toCount('42', ['customers'])
 * //=> 42
 */
export function toCount(value: unknown, path: InputPath = []): number {
  const result = parseDecimal(value, path);
  if (!result.isInteger() || result.isNegative() || result.greaterThan(Number.MAX_SAFE_INTEGER)) {
    return rejectInput(
      result.isInteger() && result.isNegative() ? 'negative_amount' : 'not_integer',
      path,
      'a whole number >= 0',
      value,
    );
  }
  return result.toNumber();
}

/**
 * Reads any {@link Numeric} as a finite `Decimal`, with no sign check: the shared first step of `toDecimal`,
 * `toUnitInterval` and `toCount`, and of validators that check their own range.
 *
 * @private
 */
export function parseDecimal(value: unknown, path: InputPath): Decimal {
  let source = value;
  if (typeof value === 'string') {
    // decimal.js alone would also read '0x1f', '0b101' and 'Infinity': only plain decimals are quantities.
    source = value.trim();
    if (!DECIMAL_STRING.test(source as string)) {
      return rejectInput('invalid_number', path, 'a decimal number such as "19.99"', value);
    }
  } else if (typeof value !== 'number' && !Decimal.isDecimal(value)) {
    return rejectInput('invalid_type', path, 'a number, a decimal string or a Decimal', value);
  }
  const parsed = new Decimal(source as Numeric);
  // NaN and ±Infinity (numbers, a string exponent past the range, a foreign Decimal) all end here.
  if (!parsed.isFinite()) return rejectInput('not_finite', path, 'a finite number', value);
  // -0 (from -0 or '-0') would read as negative to isNegative(); a quantity of zero has no sign.
  return parsed.isZero() ? new Decimal(0) : parsed;
}
