import { Decimal } from './decimal.js';
import { describeValue, type InputPath, MetricInputError } from './errors.js';

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

const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

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
    throw new MetricInputError({
      code: 'negative_amount',
      path,
      expected: 'a number >= 0',
      received: describeValue(value),
    });
  }
  if (sign === 'positive' && result.lessThanOrEqualTo(0)) {
    throw new MetricInputError({
      code: 'not_positive',
      path,
      expected: 'a number > 0',
      received: describeValue(value),
    });
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
    throw new MetricInputError({
      code: 'out_of_range',
      path,
      expected: 'a number between 0 and 1 inclusive',
      received: describeValue(value),
    });
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
    throw new MetricInputError({
      code: result.isInteger() && result.isNegative() ? 'negative_amount' : 'not_integer',
      path,
      expected: 'a whole number >= 0',
      received: describeValue(value),
    });
  }
  return result.toNumber();
}

function parseDecimal(value: unknown, path: InputPath): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new MetricInputError({
        code: 'not_finite',
        path,
        expected: 'a finite number',
        received: describeValue(value),
      });
    }
    return new Decimal(value === 0 ? 0 : value);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_STRING.test(text)) {
      throw new MetricInputError({
        code: 'invalid_number',
        path,
        expected: 'a decimal number such as "19.99"',
        received: describeValue(value),
      });
    }
    const parsed = new Decimal(text);
    if (!parsed.isFinite()) {
      throw new MetricInputError({
        code: 'not_finite',
        path,
        expected: 'a finite number',
        received: describeValue(value),
      });
    }
    return parsed.isZero() ? new Decimal(0) : parsed;
  }
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite()) {
      throw new MetricInputError({
        code: 'not_finite',
        path,
        expected: 'a finite number',
        received: describeValue(value),
      });
    }
    return value.isZero() ? new Decimal(0) : new Decimal(value);
  }
  throw new MetricInputError({
    code: 'invalid_type',
    path,
    expected: 'a number, a decimal string or a Decimal',
    received: describeValue(value),
  });
}
