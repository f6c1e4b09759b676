import type { InputPath, Numeric } from '../types.js';
import { Decimal, decimalText, LONG_DECIMAL } from './decimal.js';
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
 * The largest magnitude a {@link Numeric} input may have, exclusive: 10^21 (where JavaScript starts writing
 * numbers with an exponent; far past any amount of money). See docs/core.md, "Limits and exactness".
 *
 * @private
 */
export const MAX_MAGNITUDE = 1e21;

/**
 * The most decimal places a {@link Numeric} input may have: 60. With {@link MAX_MAGNITUDE} this bounds every input
 * to 81 significant digits, every sum of up to 2^53 inputs to 97, and so the cost of reading and adding it.
 *
 * @private
 */
export const MAX_DECIMAL_PLACES = 60;

// 10^21 has exponent 21: an accepted value's leading digit sits at 10^20 at most.
const MAX_EXPONENT = 20;
const SMALLEST_ALWAYS_WITHIN_PLACES = 1e-43;

/**
 * Reads any {@link Numeric} as a finite `Decimal`, with no sign check: the shared first step of `toDecimal`,
 * `toUnitInterval` and `toCount`, and of validators that check their own range. The one place a value becomes a
 * `Decimal`: a number (finite, below 10^21 in magnitude), a plain decimal string, or a real decimal.js `Decimal`
 * of any copy re-read from its digits (`decimalText`); at most 60 decimal places. Anything else, an object
 * posing as a Decimal included, is a MetricInputError naming `path`.
 *
 * @private
 */
export function parseDecimal(value: unknown, path: InputPath): Decimal {
  if (typeof value === 'number') {
    // The fast path: a finite number within the magnitude needs no text, and an integer no place count.
    if (!Number.isFinite(value)) return rejectInput('not_finite', path, 'a finite number', value);
    if (value >= MAX_MAGNITUDE || value <= -MAX_MAGNITUDE) return tooLarge(path, value);
    if (value === 0) return new Decimal(0);
    const parsed = new Decimal(value);
    // A double has at most 17 significant digits: from 10^-43 up, its last one is at 10^-59 or above.
    return value >= SMALLEST_ALWAYS_WITHIN_PLACES || value <= -SMALLEST_ALWAYS_WITHIN_PLACES
      ? parsed
      : withinPlaces(parsed, path, value);
  }
  let text: string;
  if (typeof value === 'string') {
    text = value.trim();
  } else {
    const read = decimalText(value);
    if (read === undefined) {
      return rejectInput('invalid_type', path, 'a number, a decimal string or a Decimal', value);
    }
    if (read === 'NaN' || read.endsWith('Infinity'))
      return rejectInput('not_finite', path, 'a finite number', value);
    if (read === LONG_DECIMAL) return tooLarge(path, value);
    text = read;
  }
  // decimal.js alone would also read '0x1f', '0b101' and 'Infinity': only plain decimals are quantities.
  if (!DECIMAL_STRING.test(text)) {
    return rejectInput('invalid_number', path, 'a decimal number such as "19.99"', value);
  }
  const parsed = new Decimal(text);
  // An exponent past decimal.js's range reads as ±Infinity or 0: the second is refused by the place count when its
  // digits were not all zero (1e-9000000000000000).
  if (!parsed.isFinite()) return rejectInput('not_finite', path, 'a finite number', value);
  if (parsed.e > MAX_EXPONENT) return tooLarge(path, value);
  if (parsed.isZero()) {
    if (/[1-9]/.test(text.replace(/e.*$/i, ''))) return tooManyPlaces(path, value);
    return new Decimal(0);
  }
  return withinPlaces(parsed, path, value);
}

function withinPlaces(parsed: Decimal, path: InputPath, value: unknown): Decimal {
  return parsed.decimalPlaces() > MAX_DECIMAL_PLACES ? tooManyPlaces(path, value) : parsed;
}

function tooLarge(path: InputPath, value: unknown): never {
  return rejectInput('out_of_range', path, 'a number below 10^21 in magnitude', value);
}

function tooManyPlaces(path: InputPath, value: unknown): never {
  return rejectInput(
    'out_of_range',
    path,
    `a number with at most ${MAX_DECIMAL_PLACES} decimal places`,
    value,
  );
}
