import { MetricInputError } from '../../core/errors.js';
import { editDistance } from '../../core/internal/editDistance.js';
import { formatPath } from '../../core/internal/formatPath.js';
import type { InputPath } from '../../core/types.js';

/** The optional fields, whose absence is meaningful and so whose misspelling would go unnoticed. */
const OPTIONAL_FIELDS = ['subscriptionId', 'end', 'currency', 'segment'] as const;

/**
 * Throws `unknown_field` for a key of `row` that is not a field of a subscription row but resembles an optional
 * field the row lacks (`ned` for a missing `end`): read as it is, the row would silently lose that field (a
 * subscription that never ends, an amount in the wrong currency). "Resembles" is case-insensitive with an
 * optimal-string-alignment distance (a transposition is one edit) of at most 2, or 1 for `end` (at 2, `id` and
 * `ed` would resemble it). Keys of the caller's own (`id`, `plan`, `amount`) are far from every field and pass;
 * so does a look-alike next to the real field (`end` and `ends`).
 *
 * Called only for rows lacking an optional field; `verdicts` caches each key's resembled field ('' for none) over
 * one validation, so each distinct key is measured once and a row costs a `for … in` over its keys.
 *
 * @private
 */
export function assertNoMisspeltField(
  row: Record<string, unknown>,
  rootPath: InputPath,
  index: number,
  verdicts: Map<string, string>,
): void {
  for (const key in row) {
    // Compared one by one, not looked up in a Set: object keys are internalised strings, so each === is a
    // pointer comparison, and this runs for every row lacking an optional field (most lack a currency).
    if (
      key === 'customerId' ||
      key === 'start' ||
      key === 'end' ||
      key === 'mrr' ||
      key === 'subscriptionId' ||
      key === 'currency' ||
      key === 'segment'
    )
      continue;
    let field = verdicts.get(key);
    if (field === undefined) {
      field = resembledField(key);
      verdicts.set(key, field);
    }
    if (field !== '' && row[field] === undefined) {
      // The path is built only here: a valid row allocates nothing.
      const path = [...rootPath, index];
      throw new MetricInputError({
        code: 'unknown_field',
        path: [...path, key],
        expected: `"${field}" (a field of a subscription row; "${key}" is not one)`,
        received: JSON.stringify(key),
        message: `${formatPath([...path, key])} is not a field of a subscription row: did you mean "${field}"? (read as it is, the row would have no ${field})`,
      });
    }
  }
}

// The optional field `key` resembles, or ''.
function resembledField(key: string): string {
  const lower = key.toLowerCase();
  for (const field of OPTIONAL_FIELDS) {
    const limit = field.length <= 3 ? 1 : 2;
    if (Math.abs(lower.length - field.length) > limit) continue;
    if (editDistance(lower, field.toLowerCase()) <= limit) return field;
  }
  return '';
}
