import { assertObject } from '../../core/internal/options.js';
import type { InputPath } from '../../core/types.js';

/**
 * A plain copy of an options object (or one of its nested objects), after checking it is one: each own property
 * is read exactly once, here, so a getter (or a Proxy) cannot show one value to the checks and another to the SQL
 * text built from them. Every SQL builder reads its options only through this copy.
 *
 * @private
 */
export function copyOptions(value: unknown, path: InputPath): Record<string, unknown> {
  assertObject(value, path);
  return { ...value };
}

const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * {@link copyOptions} of a SQL builder's options, with the nested objects it reads (`columns`, `currency` and
 * `currency.rateColumns`) copied too, so a builder that passes its options on (the segment twin builds the total
 * table with `mrrMovementsSql`) hands on the values it checked, not the caller's getters.
 *
 * @private
 */
export function copySqlOptions(value: unknown): Record<string, unknown> {
  const options = copyOptions(value, ['options']);
  if (isObject(options.columns)) options.columns = { ...options.columns };
  if (isObject(options.currency)) {
    const currency: Record<string, unknown> = { ...options.currency };
    if (isObject(currency.rateColumns)) currency.rateColumns = { ...currency.rateColumns };
    options.currency = currency;
  }
  return options;
}
