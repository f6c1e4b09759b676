import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { type JsonNumber, MAX_JSON_DEPTH, parseJsonText, plainJson } from '../../src/io/internal/jsonText.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

function refusal(text: string): string {
  const error = errorOf(() => parseJsonText(text));
  expect(error.code).toBe('invalid_value');
  expect(error.path).toEqual([]);
  expect(error.expected).toBe('valid JSON');
  return error.message;
}

describe('parseJsonText: strings', () => {
  it('decodes every short escape and \\uXXXX, upper and lower case hex', () => {
    expect(parseJsonText('"a\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti"')).toBe('a"b\\c/d\be\ff\ng\rh\ti');
    expect(parseJsonText('"\\u00e9\\u00C9x"')).toBe('éÉx');
  });

  it('keeps a surrogate pair written as two \\u escapes, and a lone surrogate as the code unit', () => {
    expect(parseJsonText('"\\ud83d\\ude00"')).toBe('😀');
    expect(parseJsonText('"\\ud83d"')).toBe('\ud83d');
  });

  it('refuses an unterminated string, with and without escapes, pointing at the end of the text', () => {
    expect(refusal('"abc')).toBe(
      'not valid JSON: a closing quote at line 1, column 5, received the end of the text',
    );
    expect(refusal('"a\\nb')).toBe(
      'not valid JSON: a closing quote at line 1, column 6, received the end of the text',
    );
  });

  it('refuses a raw control character in a string, before and after an escape', () => {
    expect(refusal('"a\tb"')).toBe(
      'not valid JSON: no control character inside a string (write \\n, \\t …) at line 1, column 3, received "\\tb\\""',
    );
    expect(refusal('"\\n\nx"')).toBe(
      'not valid JSON: no control character inside a string (write \\n, \\t …) at line 1, column 4, received "\\nx\\""',
    );
  });

  it('refuses an unknown escape at the backslash, and a \\u without four hex digits after it', () => {
    expect(refusal('"ab\\x"')).toBe(
      'not valid JSON: an escape \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX at line 1, column 4, received "\\\\x\\""',
    );
    expect(refusal('"\\u12g4"')).toBe(
      'not valid JSON: four hex digits after \\u at line 1, column 4, received "12g4\\""',
    );
    expect(refusal('"\\u12"')).toMatch(/^not valid JSON: four hex digits after \\u at line 1, column 4/);
    // A backslash as the last character: the escape is missing, not a closing quote.
    expect(refusal('"\\')).toMatch(/^not valid JSON: an escape .* at line 1, column 2, received "\\\\"$/);
  });
});

describe('parseJsonText: numbers', () => {
  it('keeps the source text of every number form', () => {
    const value = parseJsonText('[-0, 0.5, -12.50e+3, 1E-2, 9007199254740993]') as JsonNumber[];
    expect(value.map((number) => number.text)).toEqual([
      '-0',
      '0.5',
      '-12.50e+3',
      '1E-2',
      '9007199254740993',
    ]);
  });

  it('refuses a minus without digits, a point without digits, an exponent without digits and a leading zero', () => {
    expect(refusal('-')).toBe('not valid JSON: a digit at line 1, column 2, received the end of the text');
    expect(refusal('[-x]')).toBe('not valid JSON: a digit at line 1, column 3, received "x]"');
    expect(refusal('1.')).toBe(
      'not valid JSON: a digit after the decimal point at line 1, column 3, received the end of the text',
    );
    expect(refusal('1e')).toBe(
      'not valid JSON: a digit in the exponent at line 1, column 3, received the end of the text',
    );
    expect(refusal('[1E+]')).toBe(
      'not valid JSON: a digit in the exponent at line 1, column 5, received "]"',
    );
    expect(refusal('-012')).toBe(
      'not valid JSON: no leading zero in a number at line 1, column 1, received "-012"',
    );
  });
});

describe('parseJsonText: structure', () => {
  it('refuses a trailing comma in an array and in an object', () => {
    expect(refusal('[1,]')).toBe('not valid JSON: a JSON value at line 1, column 4, received "]"');
    expect(refusal('{"a":1,}')).toBe(
      'not valid JSON: a key in double quotes at line 1, column 8, received "}"',
    );
  });

  it('refuses a missing comma, naming the bracket that would close the container', () => {
    expect(refusal('[1 2]')).toBe('not valid JSON: a comma or ] at line 1, column 4, received "2]"');
    expect(refusal('{"a":1 "b":2}')).toBe(
      'not valid JSON: a comma or } at line 1, column 8, received "\\"b\\":2}"',
    );
    expect(refusal('[1')).toBe(
      'not valid JSON: a comma or ] at line 1, column 3, received the end of the text',
    );
  });

  it('refuses a key without a colon, and a key not in double quotes', () => {
    expect(refusal('{"a" 1}')).toBe(
      'not valid JSON: a colon after the key at line 1, column 6, received "1}"',
    );
    expect(refusal("{'a':1}")).toBe(
      'not valid JSON: a key in double quotes at line 1, column 2, received "\'a\':1}"',
    );
  });

  it('refuses a key given twice in one object, at any depth, but not the same key in sibling objects', () => {
    expect(refusal('{"a":1,"a":2}')).toMatch(
      /^not valid JSON: each key once per object \("a" is given twice\)/,
    );
    expect(refusal('[{"x":{"k":[],"k":{}}}]')).toMatch(/\("k" is given twice\)/);
    expect(plainJson(parseJsonText('[{"k":1},{"k":2}]'))).toEqual([{ k: 1 }, { k: 2 }]);
  });

  it('refuses misspelt words and text after the value, counting lines', () => {
    expect(refusal('tru')).toBe('not valid JSON: a JSON value at line 1, column 1, received "tru"');
    expect(refusal('[nul]')).toBe('not valid JSON: a JSON value at line 1, column 2, received "nul]"');
    expect(refusal('{"a":\n  fals}')).toBe(
      'not valid JSON: a JSON value at line 2, column 3, received "fals}"',
    );
    expect(refusal('{} x')).toBe(
      'not valid JSON: the end of the text after the JSON value at line 1, column 4, received "x"',
    );
    expect(refusal('')).toBe(
      'not valid JSON: a JSON value at line 1, column 1, received the end of the text',
    );
  });

  it(`nests ${MAX_JSON_DEPTH} containers deep and refuses one more with a message, not a stack overflow`, () => {
    const deepest = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    let value = parseJsonText(deepest);
    let depth = 0;
    while (Array.isArray(value)) {
      depth += 1;
      value = value[0];
    }
    expect(depth).toBe(MAX_JSON_DEPTH);
    const tooDeep = `${'{"a":'.repeat(MAX_JSON_DEPTH)}[]${'}'.repeat(MAX_JSON_DEPTH)}`;
    expect(refusal(tooDeep)).toMatch(
      new RegExp(
        `^not valid JSON: at most ${MAX_JSON_DEPTH} nested arrays and objects at line 1, column ${5 * MAX_JSON_DEPTH + 1}`,
      ),
    );
  });
});

describe('plainJson', () => {
  it('turns every way of writing zero into the number zero, keeping the sign JSON.parse keeps', () => {
    const zeros = plainJson(parseJsonText('[0.0, 0e5, -0.000, 0E-3, -0]')) as number[];
    expect(zeros).toEqual([0, 0, -0, 0, -0]);
    expect(zeros.map((zero) => Object.is(zero, -0))).toEqual([false, false, true, false, true]);
  });

  it('gives a number when the double holds the written value, else the source text', () => {
    expect(plainJson(parseJsonText('[1.50, 12e-1, 100E-2, 0.1]'))).toEqual([1.5, 1.2, 1, 0.1]);
    expect(plainJson(parseJsonText('[9007199254740993, 0.10000000000000000001, 1e400, 1e-400]'))).toEqual([
      '9007199254740993',
      '0.10000000000000000001',
      '1e400',
      '1e-400',
    ]);
  });

  it('keeps __proto__ as an own key in the plain copy', () => {
    const copy = plainJson(parseJsonText('{"__proto__":{"x":1},"y":[2]}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'y']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ x: 1 });
  });
});
