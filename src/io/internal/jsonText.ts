import { MetricInputError } from '../../core/errors.js';

/**
 * A JSON number as written in the source (`9007199254740993`, `100.00000000000000001`): its text, never rounded
 * to a double. Private to the readers: they hand the text on (an id as text, money as decimal text), and turn
 * what they pass through untouched into plain numbers or text (`plainJson`). It has no `d`, `e` or `s`, so
 * nothing mistakes it for a Decimal. @private
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** How deep arrays and objects may nest: deeper is refused with a message, never a stack overflow. @private */
export const MAX_JSON_DEPTH = 512;

/**
 * Parses JSON text strictly (RFC 8259): one value, white space around it, nothing else; no comments, trailing
 * commas, single quotes, `NaN` or leading zeros. Numbers come back as {@link JsonNumber} (their source text),
 * so nothing is rounded (Node 20's `JSON.parse` has no access to a number's source text). Iterative, with a
 * depth limit of {@link MAX_JSON_DEPTH}; a `__proto__` key becomes an own data property (as `JSON.parse`
 * makes it), never the object's prototype; a key given twice in one object is refused (which one to take is
 * a guess: RFC 8259 §4 leaves it open).
 *
 * Edge cases: anything else is a MetricInputError `not valid JSON: … at line L, column C`.
 *
 * @private
 */
export function parseJsonText(text: string): unknown {
  const length = text.length;
  let position = 0;
  // Containers being filled, innermost last, and for objects the key awaiting its value.
  const stack: (unknown[] | Record<string, unknown>)[] = [];
  const keys: (string | undefined)[] = [];
  let result: unknown;
  let done = false;

  const fail = (what: string, at = position): never => {
    let line = 1;
    let lineStart = 0;
    for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) {
      line += 1;
      lineStart = index + 1;
    }
    const received = at >= length ? 'the end of the text' : JSON.stringify(text.slice(at, at + 12));
    const reason = `${what} at line ${line}, column ${at - lineStart + 1}, received ${received}`;
    throw new MetricInputError({
      code: 'invalid_value',
      path: [],
      expected: 'valid JSON',
      received: reason,
      message: `not valid JSON: ${reason}`,
    });
  };
  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === 32 || code === 10 || code === 13 || code === 9) position += 1;
      else return;
    }
  };
  const readString = (): string => {
    // position is at the opening quote.
    const start = position + 1;
    let index = start;
    for (;;) {
      if (index >= length) fail('a closing quote', index);
      const code = text.charCodeAt(index);
      if (code === 34) {
        position = index + 1;
        return text.slice(start, index);
      }
      if (code === 92) break;
      if (code < 32) fail('no control character inside a string (write \\n, \\t …)', index);
      index += 1;
    }
    // With escapes: the slow path.
    let value = text.slice(start, index);
    for (;;) {
      if (index >= length) fail('a closing quote', index);
      const code = text.charCodeAt(index);
      if (code === 34) {
        position = index + 1;
        return value;
      }
      if (code < 32) fail('no control character inside a string (write \\n, \\t …)', index);
      if (code !== 92) {
        value += text[index];
        index += 1;
        continue;
      }
      const escaped = text[index + 1];
      index += 2;
      switch (escaped) {
        case '"':
        case '\\':
        case '/':
          value += escaped;
          break;
        case 'b':
          value += '\b';
          break;
        case 'f':
          value += '\f';
          break;
        case 'n':
          value += '\n';
          break;
        case 'r':
          value += '\r';
          break;
        case 't':
          value += '\t';
          break;
        case 'u': {
          const hex = text.slice(index, index + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u', index);
          value += String.fromCharCode(Number.parseInt(hex, 16));
          index += 4;
          break;
        }
        default:
          fail('an escape \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX', index - 2);
      }
    }
  };
  const digits = (): number => {
    const start = position;
    for (let code = text.charCodeAt(position); code >= 48 && code <= 57; code = text.charCodeAt(position)) {
      position += 1;
    }
    return position - start;
  };
  const readNumber = (): JsonNumber => {
    const start = position;
    if (text.charCodeAt(position) === 45) position += 1;
    if (text.charCodeAt(position) === 48) {
      position += 1;
      const next = text.charCodeAt(position);
      if (next >= 48 && next <= 57) fail('no leading zero in a number', start);
    } else if (digits() === 0) fail('a digit', position);
    if (text.charCodeAt(position) === 46) {
      position += 1;
      if (digits() === 0) fail('a digit after the decimal point', position);
    }
    const exponent = text.charCodeAt(position);
    if (exponent === 101 || exponent === 69) {
      position += 1;
      const sign = text.charCodeAt(position);
      if (sign === 43 || sign === 45) position += 1;
      if (digits() === 0) fail('a digit in the exponent', position);
    }
    return new JsonNumber(text.slice(start, position));
  };
  const readWord = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, position)) fail('a JSON value');
    position += word.length;
    return value;
  };
  // Adds a finished value to the innermost container (or makes it the result); true when the document is done.
  const place = (value: unknown): void => {
    const container = stack[stack.length - 1];
    if (container === undefined) {
      result = value;
      done = true;
    } else if (Array.isArray(container)) {
      container.push(value);
    } else {
      const key = keys[keys.length - 1]!;
      if (Object.hasOwn(container, key)) fail(`each key once per object ("${key}" is given twice)`);
      if (key === '__proto__') {
        Object.defineProperty(container, key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else {
        container[key] = value;
      }
    }
  };

  skipSpace();
  // Each turn reads one value (opening a container pushes it and reads its first member next).
  while (!done) {
    skipSpace();
    const code = text.charCodeAt(position);
    let value: unknown;
    let opened = false;
    if (code === 34) value = readString();
    else if (code === 45 || (code >= 48 && code <= 57)) value = readNumber();
    else if (code === 123 || code === 91) {
      if (stack.length >= MAX_JSON_DEPTH) fail(`at most ${MAX_JSON_DEPTH} nested arrays and objects`);
      position += 1;
      skipSpace();
      const closing = code === 123 ? 125 : 93;
      if (text.charCodeAt(position) === closing) {
        position += 1;
        value = code === 123 ? {} : [];
      } else {
        stack.push(code === 123 ? {} : []);
        opened = true;
      }
    } else if (code === 116) value = readWord('true', true);
    else if (code === 102) value = readWord('false', false);
    else if (code === 110) value = readWord('null', null);
    else fail('a JSON value');
    if (opened) {
      if (code === 123) readKey();
      continue;
    }
    place(value);
    // Close every container this value completes, then expect the next member.
    while (!done) {
      skipSpace();
      const container = stack[stack.length - 1]!;
      const isArray = Array.isArray(container);
      const next = text.charCodeAt(position);
      if (next === 44) {
        position += 1;
        if (!isArray) {
          keys.pop();
          readKey();
        }
        break;
      }
      if (next === (isArray ? 93 : 125)) {
        position += 1;
        stack.pop();
        if (!isArray) keys.pop();
        place(container);
        continue;
      }
      fail(isArray ? 'a comma or ]' : 'a comma or }');
    }
  }
  skipSpace();
  if (position < length) fail('the end of the text after the JSON value');
  return result;

  function readKey(): void {
    skipSpace();
    if (text.charCodeAt(position) !== 34) fail('a key in double quotes');
    const key = readString();
    skipSpace();
    if (text.charCodeAt(position) !== 58) fail('a colon after the key');
    position += 1;
    keys.push(key);
  }
}

/**
 * `value` with every {@link JsonNumber} made a plain value for the parts of the input the readers pass on
 * untouched (`npsResponses`, …): a number when a double holds the written value exactly as its shortest text
 * (`9`, `0.25`, `1e3`), else the source text (`9007199254740993`), which the library then reads exactly as a
 * decimal string or refuses; never a silently rounded double. Depth is bounded by {@link MAX_JSON_DEPTH}.
 *
 * @private
 */
export function plainJson(value: unknown): unknown {
  if (value instanceof JsonNumber) return plainNumber(value.text);
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const entry = plainJson((value as Record<string, unknown>)[key]);
      if (key === '__proto__') {
        Object.defineProperty(copy, key, {
          value: entry,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else {
        copy[key] = entry;
      }
    }
    return copy;
  }
  return value;
}

function plainNumber(text: string): number | string {
  const number = Number(text);
  return Number.isFinite(number) && sameDecimal(String(number), text) ? number : text;
}

// Whether two JSON number texts denote the same decimal value (both finite, in JSON's grammar).
function sameDecimal(a: string, b: string): boolean {
  if (a === b) return true;
  const [aDigits, aExponent, aNegative] = decompose(a);
  const [bDigits, bExponent, bNegative] = decompose(b);
  if (aDigits === '' && bDigits === '') return true;
  return aDigits === bDigits && aExponent === bExponent && aNegative === bNegative;
}

// A decimal text as significant digits (no leading or trailing zeros), the exponent of its last digit, and sign.
function decompose(text: string): [string, number, boolean] {
  const negative = text.startsWith('-');
  const match = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const fraction = match[2] ?? '';
  let digits = (match[1] ?? '') + fraction;
  let exponent = Number(match[3] ?? 0) - fraction.length;
  digits = digits.replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  return [trimmed, trimmed === '' ? 0 : exponent, trimmed === '' ? false : negative];
}
