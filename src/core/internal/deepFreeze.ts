/**
 * Freezes `value` and every object and array inside it, and returns it: for the constants an index exports
 * (`GRANULARITIES`, `SQL_DIALECTS`, the default bands and aliases …), which validation reads, so a caller's
 * `GRANULARITIES.push('decade')` throws in strict code (and does nothing in sloppy code) instead of changing what
 * the library accepts.
 *
 * @private
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
