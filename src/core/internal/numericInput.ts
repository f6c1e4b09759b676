import type { InputPath, Numeric } from '../types.js';
import { Decimal } from './decimal.js';
import { rejectInput } from './rejectInput.js';

const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

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
