import { MetricInputError } from '../core/errors.js';
import { assertPath } from '../core/internal/assertPath.js';
import { describeValue } from '../core/internal/rejectInput.js';
import type { InputPath } from '../core/types.js';

// Letters, digits, `_` and `$`, not starting with a digit: every name a warehouse accepts unquoted, in any
// script. Anything else (quotes, spaces, semicolons, comment markers) is refused rather than escaped, so a
// value that tries to close the identifier fails loudly instead of becoming a strange but harmless name.
const NAME = /^[\p{L}_][\p{L}\p{N}_$]*$/u;
const MAX_NAME_LENGTH = 63;

/**
 * Quotes a column or table name for SQL after checking it is a plain name: letters, digits, `_` and `$`, not
 * starting with a digit, at most 63 characters (PostgreSQL's limit). A dotted name (`analytics.subscriptions`)
 * is quoted part by part, with at most three parts (catalog, schema, table).
 *
 * Formula: each part becomes `"part"`; the parts are joined with `.`.
 * Units: SQL text. Source: standard SQL delimited identifiers, as DuckDB and PostgreSQL read them.
 * Edge cases: an empty name, an empty part, or any other character (a quote, a space, `;`, `--`) is a
 * MetricInputError (`invalid_value`), never escaped; a non-string is `invalid_type`.
 *
 * @category SQL
 * @example
 * quoteIdentifier('analytics.subscriptions')
 * //=> '"analytics"."subscriptions"'
 * quoteIdentifier('start_date')
 * //=> '"start_date"'
 */
export function quoteIdentifier(name: unknown, path: InputPath = ['name'], dotted = true): string {
  assertPath(path);
  if (typeof name !== 'string') {
    throw new MetricInputError({
      code: 'invalid_type',
      path,
      expected: 'a string',
      received: describeValue(name),
    });
  }
  const parts = dotted ? name.split('.') : [name];
  const valid = parts.length <= 3 && parts.every((part) => part.length <= MAX_NAME_LENGTH && NAME.test(part));
  if (!valid) {
    throw new MetricInputError({
      code: 'invalid_value',
      path,
      expected: dotted
        ? 'a SQL name of letters, digits, _ and $ (not starting with a digit), optionally schema-qualified with dots'
        : 'a SQL name of letters, digits, _ and $ (not starting with a digit)',
      received: describeValue(name),
    });
  }
  return parts.map((part) => `"${part}"`).join('.');
}
