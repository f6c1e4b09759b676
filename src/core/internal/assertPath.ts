import { MetricInputError } from '../errors.js';
import type { InputPath } from '../types.js';
import { describeValue } from './rejectInput.js';

const MAX_PATH_LENGTH = 64;

/**
 * Throws a {@link MetricInputError} (at `['path']`) unless `path` is an {@link InputPath}: an array of at most 64
 * strings and whole numbers >= 0. For the functions that take the caller's path as an argument (`toDecimal`,
 * `toCalendarDate`, `quoteIdentifier`), so a bad path is refused before it is used to name an error.
 *
 * @private
 */
export function assertPath(path: unknown): asserts path is InputPath {
  let valid = Array.isArray(path) && path.length <= MAX_PATH_LENGTH;
  for (let index = 0; valid && index < (path as unknown[]).length; index += 1) {
    const part: unknown = (path as unknown[])[index];
    valid = typeof part === 'string' || (Number.isSafeInteger(part) && (part as number) >= 0);
  }
  if (!valid) {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['path'],
      expected: `an array of at most ${MAX_PATH_LENGTH} strings and whole numbers >= 0`,
      received: describeValue(path),
    });
  }
}
