import { toCalendarDate } from '../../core/calendarDate.js';
import { rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath, IsoDate } from '../../core/types.js';

/**
 * A DATE column of a result row as its calendar day. Only the engine's own `'YYYY-MM-DD'` text is accepted: a
 * `Date` would be read in some time zone (`pg` builds a local-time Date).
 *
 * @private
 */
export function sqlIsoDate(value: unknown, path: InputPath): IsoDate {
  if (typeof value !== 'string') rejectInput('invalid_type', path, "a 'YYYY-MM-DD' string", value);
  return toCalendarDate(value, path);
}

/**
 * A numeric column of a result row ready for toDecimal/toCount: a bigint (how DuckDB and pg return BIGINT)
 * becomes its exact decimal string; anything else is left as it is.
 *
 * @private
 */
export function sqlPlainNumber(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
