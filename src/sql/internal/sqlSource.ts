import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import { quoteIdentifier } from '../quoteIdentifier.js';

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
