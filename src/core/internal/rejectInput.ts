import { MetricInputError } from '../errors.js';
import type { InputPath, MetricInputErrorCode } from '../types.js';
import { Decimal, decimalText, LONG_DECIMAL } from './decimal.js';

import { formatPath } from './formatPath.js';
/**
 * Renders any received value for an error message, without ever throwing.
 *
 * @private
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  // A Proxy or an object with throwing getters must not turn a refusal into another error.
  try {
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (value instanceof Date) {
      // A valid Date would read in the machine's time zone through String(); 'Invalid Date' reads as itself.
      return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    }
  } catch {
    return 'an object';
  }
  // A real Decimal of any copy of decimal.js reads as its value; an object posing as one is an object.
  const text = decimalText(value);
  if (text === undefined) return 'an object';
  return text === LONG_DECIMAL ? text : String(new Decimal(text));
}

/**
 * Throws the `MetricInputError` for one bad value. One place builds the error, which keeps every message in the
 * same shape (and the bundles small).
 *
 * @private
 */
export function rejectInput(
  code: MetricInputErrorCode,
  path: InputPath,
  expected: string,
  value: unknown,
): never {
  throw new MetricInputError({ code, path, expected, received: describeValue(value) });
}

/**
 * The same error at another path: for a validator whose input sits at a different place in the caller's input
 * (the options a runner passes on to a SQL builder, a measure of one account among many). A message built from
 * the old path is rebuilt from the new one; a custom message is kept.
 *
 * @private
 */
export function relocateError(error: MetricInputError, path: InputPath): MetricInputError {
  const { code, expected, received } = error;
  const standard = error.message === `${formatPath(error.path)} must be ${expected}, received ${received}`;
  return new MetricInputError({
    code,
    path,
    expected,
    received,
    ...(standard ? {} : { message: error.message }),
  });
}
