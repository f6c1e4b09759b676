import type { InputPath } from '../types.js';
import { rejectInput } from './rejectInput.js';

/**
 * Returns `value` if it is one of `allowed`, else throws a {@link MetricInputError} listing the choices.
 * Used for every convention option (`'start' | 'startPlusNew'`, granularities, …).
 *
 * @category Core
 * @example
 * oneOf('month', ['day', 'month'], ['granularity'])
 * //=> 'month'
 */
export function oneOf<const T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  path: InputPath,
): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  rejectInput(
    'invalid_option',
    path,
    `one of ${allowed.map((choice) => JSON.stringify(choice)).join(', ')}`,
    value,
  );
}

/**
 * Throws a {@link MetricInputError} unless `value` is a plain object (not null, not an array).
 *
 * @private
 */
export function assertObject(value: unknown, path: InputPath): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    rejectInput('invalid_type', path, 'an object', value);
  }
}

/**
 * Throws a {@link MetricInputError} unless `value` is an array.
 *
 * @private
 */
export function assertArray(value: unknown, path: InputPath): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    rejectInput('invalid_type', path, 'an array', value);
  }
}

/**
 * Throws a {@link MetricInputError} (`unknown_field`) for the first key of `options` that is not in `allowed`, so a
 * misspelt option is an error instead of being silently ignored.
 *
 * @private
 */
export function assertKnownKeys(options: object, allowed: ReadonlySet<string>, root: InputPath = []): void {
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) {
      rejectInput('unknown_field', [...root, key], `one of ${[...allowed].join(', ')}`, key);
    }
  }
}
