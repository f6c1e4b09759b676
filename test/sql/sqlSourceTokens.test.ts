import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import { sqlSource } from '../../src/sql/internal/sqlSource.js';

const path = ['options', 'source'];

function refusal(source: string): MetricInputError {
  try {
    sqlSource(source, path);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('sqlSource: subqueries the tokeniser accepts', () => {
  it.each([
    ["(SELECT e'it\\'s' AS x FROM t)", 'lowercase escape string with a backslash-escaped quote'],
    ["(SELECT E'a\\\\' AS x FROM t)", 'escape string ending in an escaped backslash'],
    ["(SELECT u&'abc' AS x FROM t)", 'lowercase Unicode-escape string without escapes'],
    ['(SELECT 1 AS U&"d\\0061ta" FROM t)', 'Unicode-escape identifier with a backslash escape'],
    ['(SELECT 1 AS "a\\b" FROM t)', 'backslash inside a quoted identifier'],
    [
      "(SELECT 1 FROM t WHERE x = 'a;b' OR y = $$--$$ OR z = $q$/*$q$)",
      'separators and comment markers in quotes',
    ],
    ['(SELECT 1e5x, .5, x$1 FROM t)', 'numbers with junk suffixes and a $ inside an identifier'],
    ['  (SELECT (1) FROM t)  ', 'surrounding blanks and nested parentheses'],
  ])('accepts %s (%s), trimmed', (source) => {
    expect(sqlSource(source, path)).toBe(source.trim());
  });
});

describe('sqlSource: subqueries the tokeniser refuses', () => {
  it.each([
    ['(SELECT 1; DROP TABLE t)', 'a ; outside quotes'],
    ['(SELECT 1 \\ 2)', 'a backslash outside quotes'],
    ["(SELECT '\\' ) ; DROP TABLE t; --')", 'a backslash in a plain string'],
    ["(SELECT U&'d\\0061t' FROM t)", 'a backslash in a U& string (plain rules)'],
    ["(SELECT E'abc\\')", 'an escape string that never closes'],
    ['(SELECT $1)', 'a $n parameter'],
    ['(SELECT $q$ never closed)', 'an unclosed dollar quote'],
    ['(SELECT 1 /* a /* nested */ comment */)', 'a (nested) block comment'],
    ['(SELECT 1 -- comment\n)', 'a line comment'],
    ['(SELECT 1) UNION (SELECT 2)', 'an outer parenthesis closing before the end'],
    ['(SELECT 1 FROM t', 'an unbalanced parenthesis'],
    ['(SELECT 1 AS U&', 'a U& prefix at the very end'],
  ])('refuses %s (%s) as invalid_value at the path', (source) => {
    const error = refusal(source);
    expect(error.code).toBe('invalid_value');
    expect(error.path).toEqual(path);
    expect(error.expected).toContain('one parenthesised subquery');
    expect(error.received).toBe(JSON.stringify(source));
  });
});
