import { describeValue, type InputPath, MetricInputError } from './errors.js';

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
  throw new MetricInputError({
    code: 'invalid_option',
    path,
    expected: `one of ${allowed.map((choice) => JSON.stringify(choice)).join(', ')}`,
    received: describeValue(value),
  });
}

/**
 * Throws a {@link MetricInputError} unless `value` is a plain object (not null, not an array).
 *
 * @private
 */
export function assertObject(value: unknown, path: InputPath): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MetricInputError({
      code: 'invalid_type',
      path,
      expected: 'an object',
      received: describeValue(value),
    });
  }
}

/**
 * Throws a {@link MetricInputError} unless `value` is an array.
 *
 * @private
 */
export function assertArray(value: unknown, path: InputPath): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new MetricInputError({
      code: 'invalid_type',
      path,
      expected: 'an array',
      received: describeValue(value),
    });
  }
}

/**
 * Throws a {@link MetricInputError} (`unknown_field`) for the first key of `options` that is not in `allowed`, so a
 * misspelt option is an error instead of being silently ignored.
 *
 * @private
 */
export function assertKnownKeys(options: object, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) {
      throw new MetricInputError({
        code: 'unknown_field',
        path: [key],
        expected: `one of ${[...allowed].join(', ')}`,
        received: describeValue(key),
      });
    }
  }
}
