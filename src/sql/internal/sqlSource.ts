import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import { quoteIdentifier } from '../quoteIdentifier.js';

const EXPECTED =
  'a table name or one parenthesised subquery: balanced parentheses, closed quotes, no ; or comment outside quotes, ' +
  "no backslash in a plain '…' string, no $n parameter";

/**
 * The FROM item of a generated query: a (dotted) table name, quoted by {@link quoteIdentifier}, or the caller's
 * own parenthesised subquery. The subquery is read ONCE (the caller passes the value, never the options object)
 * and tokenised by the lexical rules DuckDB and PostgreSQL share (both use PostgreSQL's scanner): `'…'` strings
 * with `''` escapes (and `E'…'` strings with backslash escapes), `"…"` identifiers with `""`, `$$…$$` and
 * `$tag$…$tag$` dollar quotes, `--` and nested `/* … *\/` comments. It must be ONE balanced parenthesised
 * expression whose outer parenthesis closes at its last character, with no `;` and no comment outside quotes (a
 * comment could swallow the text the generator writes after the source), no `$n` parameter, and no backslash in a
 * plain `'…'` string (PostgreSQL with `standard_conforming_strings = off` would read it as an escape and end the
 * string elsewhere), so it cannot end the FROM clause early or smuggle in a second statement on either engine.
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
        expected: EXPECTED,
        received: describeValue(source),
      });
    }
    return text;
  }
  return quoteIdentifier(source, path);
}

// Identifier characters of PostgreSQL's scanner: letters, digits, `_`, `$` and every non-ASCII character.
const IDENTIFIER_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const IDENTIFIER_START = /[A-Za-z_\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

function isSingleParenthesisedExpression(text: string): boolean {
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === "'") {
      index = endOfQuoted(text, index, "'", false);
    } else if (char === '"') {
      index = endOfQuoted(text, index, '"', false);
    } else if (char === '$') {
      // At the start of a token (identifiers swallow their own `$`): a dollar quote, else a parameter.
      const tag = DOLLAR_TAG.exec(text.slice(index, index + 64))?.[0];
      if (tag === undefined) return false;
      const close = text.indexOf(tag, index + tag.length);
      index = close === -1 ? -1 : close + tag.length;
    } else if ((char === '-' && next === '-') || (char === '/' && next === '*')) {
      return false;
    } else if (char === ';' || char === '\\') {
      return false;
    } else if (IDENTIFIER_START.test(char)) {
      let end = index + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end]!)) end += 1;
      const word = text.slice(index, end);
      if (text[end] === "'" && (word === 'E' || word === 'e')) {
        index = endOfQuoted(text, end, "'", true);
      } else if (text[end] === '&' && (word === 'U' || word === 'u') && /['"]/.test(text[end + 1] ?? '')) {
        // U&'…' / U&"…": the escapes are backslash + hex digits, never a quote; the plain rules apply.
        index = endOfQuoted(text, end + 1, text[end + 1]!, false);
      } else {
        index = end;
      }
    } else if (/[0-9.]/.test(char)) {
      // A number, with whatever letters the scanner would read as its (junk) suffix: never a string prefix.
      let end = index + 1;
      while (end < text.length && /[0-9A-Za-z_.$\u0080-\uffff]/.test(text[end]!)) end += 1;
      index = end;
    } else {
      if (char === '(') depth += 1;
      if (char === ')') {
        depth -= 1;
        // The outer parenthesis may close only at the very end.
        if (depth === 0 && index !== text.length - 1) return false;
        if (depth < 0) return false;
      }
      index += 1;
    }
    if (index === -1) return false;
  }
  return depth === 0 && text.endsWith(')');
}

/**
 * The index just after the quoted token opening at `start` (a `quote` character), or -1 when it never closes or,
 * outside an escape string, holds a backslash. A doubled quote is one quote character; in an escape string
 * (`escapes`) a backslash escapes the next character.
 */
function endOfQuoted(text: string, start: number, quote: string, escapes: boolean): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') {
      // Inside "…" a backslash is an ordinary character for both engines.
      if (escapes) {
        index += 2;
        continue;
      }
      if (quote === "'") return -1;
    }
    if (char === quote) {
      if (text[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  return -1;
}
