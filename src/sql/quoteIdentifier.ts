import { describeValue, type InputPath, MetricInputError } from '../core/errors.js';

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

/**
 * The FROM item of a generated query: a (dotted) table name, quoted by {@link quoteIdentifier}, or the caller's
 * own parenthesised subquery, checked to be ONE balanced parenthesised expression with no backslash and no `;`
 * or comment outside string literals, so it cannot end the FROM clause early or smuggle in a second statement.
 *
 * @private
 */
export function sqlSource(source: unknown, path: InputPath): string {
  if (typeof source === 'string' && source.trimStart().startsWith('(')) {
    const text = source.trim();
    if (!isSingleParenthesisedExpression(text)) {
      throw new MetricInputError({
        code: 'invalid_value',
        path,
        expected:
          'a table name or one parenthesised subquery with balanced parentheses, no backslash, and no ; or comment outside quotes',
        received: describeValue(source),
      });
    }
    return text;
  }
  return quoteIdentifier(source, path);
}

function isSingleParenthesisedExpression(text: string): boolean {
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return false;
      index = close + 1;
      continue;
    }
    // A backslash could escape a quote in E'…' strings and hide the real end of a literal from this scan.
    const comment = (char === '-' && text[index + 1] === '-') || (char === '/' && text[index + 1] === '*');
    if (char === ';' || char === '\\' || comment) return false;
    if (char === '(') depth += 1;
    if (char === ')') {
      depth -= 1;
      // The outer parenthesis may close only at the very end.
      if (depth === 0 && index !== text.length - 1) return false;
    }
    index += 1;
  }
  return depth === 0;
}
