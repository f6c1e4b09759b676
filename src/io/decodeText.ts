import { MetricInputError } from '../core/errors.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';

const OPTION_KEYS: ReadonlySet<string> = new Set(['encoding']);

const ENCODINGS = ['utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/**
 * The character encodings {@link decodeText} reads.
 *
 * @category Report
 */
export type TextEncoding = (typeof ENCODINGS)[number];

/**
 * Options of {@link decodeText}.
 *
 * @category Report
 */
export interface DecodeTextOptions {
  /**
   * The encoding the bytes were saved in. Default: detected — a byte order mark (UTF-8, UTF-16LE, UTF-16BE),
   * else UTF-16 without a mark when every other byte of the start is NUL (ASCII text saved as UTF-16), else
   * UTF-8, strictly (a byte that is not UTF-8 is an error, never U+FFFD). `'latin1'` is ISO-8859-1 (each byte
   * is the code point of the same number); `'windows-1252'` is what Excel on Windows saves as "CSV" (Latin-1
   * with `€`, `‘`, `’`, `“`, `”`, `–`, `—` … in 0x80–0x9F), the encoding browsers use for the label `latin1`.
   */
  readonly encoding?: TextEncoding;
}

/**
 * Decodes the bytes of a file into text for {@link parseReportInput} and {@link parseExchangeRates}, refusing
 * what would silently become wrong data: bytes that are not UTF-8 would each become U+FFFD, so `Müller`,
 * `Mäller` and `Möller` saved in Windows-1252 would all read `M�ller` — one customer. Such bytes are a
 * MetricInputError naming the line and byte offset and asking for the encoding, unless `encoding` names one.
 * Runs without Node (no `Buffer`): Latin-1, Windows-1252 and UTF-16 are decoded by table here, UTF-8 by the
 * standard `TextDecoder` in fatal mode.
 *
 * Formula: none; a byte order mark (EF BB BF, FF FE, FE FF) picks UTF-8, UTF-16LE or UTF-16BE and is dropped,
 * and wins over `encoding` (as in the WHATWG Encoding standard's decode); without one, a start whose bytes
 * alternate NUL and non-NUL is UTF-16 (NUL second: little-endian); else `encoding`, default UTF-8.
 * Units: none. Source: the WHATWG Encoding standard (windows-1252 table, BOM sniffing); RFC 3629 (UTF-8).
 * Edge cases: empty bytes give `''`; invalid UTF-8 (also with `encoding: 'utf-8'`), UTF-16 of an odd number of
 * bytes or with an unpaired surrogate is a MetricInputError (`code: 'invalid_value'`, `path: ['bytes', offset]`,
 * the message names the 1-based line and the 0-based byte offset); anything but a Uint8Array is an
 * `invalid_type` error.
 *
 * @category Report
 * @example
 * decodeText(new Uint8Array([0x4d, 0xc3, 0xbc, 0x6c, 0x6c, 0x65, 0x72]))
 * //=> 'Müller'
 * decodeText(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), { encoding: 'windows-1252' })
 * //=> 'Müller'
 * decodeText(new Uint8Array([0x80, 0x31, 0x30]), { encoding: 'windows-1252' })
 * //=> '€10'
 * decodeText(new Uint8Array([0x61, 0x00, 0x62, 0x00]))
 * //=> 'ab'
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]))
 * //=> 'id'
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): string {
  if (!(bytes instanceof Uint8Array)) {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['bytes'],
      expected: 'the bytes of a file (a Uint8Array)',
      received: describeValue(bytes),
    });
  }
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const named =
    options.encoding === undefined ? undefined : oneOf(options.encoding, ENCODINGS, ['options', 'encoding']);
  const [encoding, skip] = sniff(bytes, named);
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(bytes, skip);
    case 'utf-16le':
    case 'utf-16be':
      return decodeUtf16(bytes, skip, encoding === 'utf-16le');
    case 'latin1':
      return decodeSingleByte(bytes, null);
    case 'windows-1252':
      return decodeSingleByte(bytes, WINDOWS_1252_HIGH);
  }
}

// The encoding and the length of its byte order mark: a mark wins, then UTF-16 seen in the NUL pattern, then the
// named encoding, then UTF-8.
function sniff(bytes: Uint8Array, named: TextEncoding | undefined): [TextEncoding, number] {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return ['utf-8', 3];
  if (a === 0xff && b === 0xfe) return ['utf-16le', 2];
  if (a === 0xfe && b === 0xff) return ['utf-16be', 2];
  if (named !== undefined) return [named, 0];
  const utf16 = utf16WithoutMark(bytes);
  return utf16 === null ? ['utf-8', 0] : [utf16, 0];
}

// ASCII text saved as UTF-16 has a NUL in every code unit: at odd offsets (little-endian) or even ones (big-endian).
// Looks at the first 512 code units; text with any NUL in both halves, or in neither, is not taken for UTF-16.
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, 1024) & ~1;
  if (end === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const units = end / 2;
  // Most code units of a CSV header and its rows are ASCII: require a NUL in at least half of them.
  if (oddNul * 2 >= units && evenNul === 0) return 'utf-16le';
  if (evenNul * 2 >= units && oddNul === 0) return 'utf-16be';
  return null;
}

function decodeUtf8(bytes: Uint8Array, skip: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    const at = firstInvalidUtf8(bytes, skip);
    throw notUtf8(bytes[at] ?? 0, at, lineOf(bytes, at));
  }
}

function notUtf8(byte: number, at: number, line: number): MetricInputError {
  return new MetricInputError({
    code: 'invalid_value',
    path: ['bytes', at],
    expected: 'UTF-8 text',
    received: `byte 0x${hex(byte)}`,
    message: `line ${line}, byte offset ${at}: byte 0x${hex(byte)} is not UTF-8 (name the encoding the text was saved in, e.g. windows-1252)`,
  });
}

// The offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF).
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}

function decodeUtf16(bytes: Uint8Array, skip: number, littleEndian: boolean): string {
  if ((bytes.length - skip) % 2 !== 0) throw oddUtf16(bytes.length, skip);
  const chunks: string[] = [];
  const units = new Array<number>(Math.min(8192, (bytes.length - skip) / 2));
  let line = 1;
  let pendingHigh = -1;
  for (let start = skip; start < bytes.length; start += units.length * 2) {
    const count = Math.min(units.length, (bytes.length - start) / 2);
    for (let k = 0; k < count; k += 1) {
      const at = start + 2 * k;
      const unit = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
      if (unit === 0x0a) line += 1;
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (pendingHigh >= 0) throw unpairedSurrogate(pendingHigh, line);
        pendingHigh = at;
      } else if (unit >= 0xdc00 && unit <= 0xdfff) {
        if (pendingHigh < 0) throw unpairedSurrogate(at, line);
        pendingHigh = -1;
      } else if (pendingHigh >= 0) throw unpairedSurrogate(pendingHigh, line);
      units[k] = unit;
    }
    chunks.push(String.fromCharCode(...(count === units.length ? units : units.slice(0, count))));
  }
  if (pendingHigh >= 0) throw unpairedSurrogate(pendingHigh, line);
  return chunks.join('');
}

function oddUtf16(length: number, skip: number): MetricInputError {
  return new MetricInputError({
    code: 'invalid_value',
    path: ['bytes', length - 1],
    expected: 'UTF-16 text (an even number of bytes)',
    received: `${length - skip} bytes`,
    message: `byte offset ${length - 1}: UTF-16 text has an even number of bytes, received ${length - skip}`,
  });
}

function unpairedSurrogate(at: number, line: number): MetricInputError {
  return new MetricInputError({
    code: 'invalid_value',
    path: ['bytes', at],
    expected: 'UTF-16 text',
    received: 'an unpaired surrogate',
    message: `line ${line}, byte offset ${at}: an unpaired UTF-16 surrogate (the file is not UTF-16 text)`,
  });
}

// Latin-1 (high = null: byte n is U+00nn) or Windows-1252 (0x80–0x9F from the table, the rest as Latin-1).
function decodeSingleByte(bytes: Uint8Array, high: readonly number[] | null): string {
  const chunks: string[] = [];
  const size = 8192;
  const units = new Array<number>(Math.min(size, bytes.length));
  for (let start = 0; start < bytes.length; start += size) {
    const count = Math.min(size, bytes.length - start);
    for (let k = 0; k < count; k += 1) {
      const byte = bytes[start + k]!;
      units[k] = high !== null && byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80]! : byte;
    }
    chunks.push(String.fromCharCode(...(count === units.length ? units : units.slice(0, count))));
  }
  return chunks.join('');
}

// The line (1-based) of byte `at`: one plus the line feeds before it.
function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Text from bytes that arrive in parts, as {@link decodeText} of all of them would give it. @private */
export interface PartDecoder {
  /** The text of the bytes so far that are complete (a character split across parts waits for the rest). */
  write(bytes: Uint8Array): string;
  /** The rest of the text, after the last part; throws decodeText's error for the whole bytes. */
  end(): string;
}

/**
 * Decodes bytes that arrive in parts (a file read in chunks) exactly as {@link decodeText} decodes all of them
 * at once: the same text, and the same MetricInputError (line, byte offset) for bytes that are not text, never
 * holding more than one part and a few bytes. The encoding is sniffed from the first 1024 bytes, as decodeText
 * does. @private
 */
export function partDecoder(options: DecodeTextOptions = {}): PartDecoder {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const named =
    options.encoding === undefined ? undefined : oneOf(options.encoding, ENCODINGS, ['options', 'encoding']);
  let head: Uint8Array | null = new Uint8Array(0);
  let encoding: TextEncoding = 'utf-8';
  let skip = 0;
  // Bytes before `carry` (decoded), line feeds among them, bytes held back (a character's first bytes).
  let offset = 0;
  let lines = 0;
  let carry = new Uint8Array(0);
  // UTF-16: the offset of a high surrogate waiting for its low one, and an error found (thrown at the end, after
  // the check of the whole length, which decodeText makes first).
  let pendingHigh = -1;
  let found: MetricInputError | null = null;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const join = (a: Uint8Array, b: Uint8Array): Uint8Array => {
    if (a.length === 0) return b;
    const joined = new Uint8Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    return joined;
  };
  const decode = (bytes: Uint8Array, final: boolean): string => {
    const all = join(carry, bytes);
    let end = all.length;
    if (encoding === 'utf-8') {
      if (!final) end = completeUtf8End(all);
      const part = all.subarray(0, end);
      let text: string;
      try {
        text = utf8.decode(part);
      } catch {
        const at = firstInvalidUtf8(part, 0);
        throw notUtf8(part[at] ?? 0, offset + at, lines + lineOf(part, at));
      }
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
      carry = all.slice(end);
      offset += end;
      return text;
    }
    if (encoding === 'latin1' || encoding === 'windows-1252') {
      carry = new Uint8Array(0);
      offset += all.length;
      return decodeSingleByte(all, encoding === 'latin1' ? null : WINDOWS_1252_HIGH);
    }
    end = all.length & ~1;
    carry = all.slice(end);
    const text = found === null ? utf16Part(all.subarray(0, end), encoding === 'utf-16le') : '';
    offset += end;
    return text;
  };
  // The UTF-16 code units of `bytes` (an even number), checked as decodeUtf16 checks them.
  const utf16Part = (bytes: Uint8Array, littleEndian: boolean): string => {
    const chunks: string[] = [];
    const units = new Array<number>(Math.min(8192, bytes.length / 2));
    for (let start = 0; start < bytes.length; start += units.length * 2) {
      const count = Math.min(units.length, (bytes.length - start) / 2);
      for (let k = 0; k < count; k += 1) {
        const at = start + 2 * k;
        const unit = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
        if (unit === 0x0a) lines += 1;
        let bad = -1;
        if (unit >= 0xd800 && unit <= 0xdbff) {
          if (pendingHigh >= 0) bad = pendingHigh;
          else pendingHigh = offset + at;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
          if (pendingHigh < 0) bad = offset + at;
          else pendingHigh = -1;
        } else if (pendingHigh >= 0) bad = pendingHigh;
        if (bad >= 0) {
          found = unpairedSurrogate(bad, lines + 1);
          return '';
        }
        units[k] = unit;
      }
      chunks.push(String.fromCharCode(...(count === units.length ? units : units.slice(0, count))));
    }
    return chunks.join('');
  };
  const start = (bytes: Uint8Array): void => {
    [encoding, skip] = sniff(bytes, named);
    offset = skip;
    head = null;
  };
  return {
    write(bytes) {
      if (head !== null) {
        head = join(head, bytes.slice());
        if (head.length < 1024) return '';
        const all = head;
        start(all);
        return decode(all.subarray(skip), false);
      }
      return decode(bytes, false);
    },
    end() {
      let text = '';
      if (head !== null) {
        const all = head;
        start(all);
        text = decode(all.subarray(skip), true);
      } else text = decode(new Uint8Array(0), true);
      if (encoding === 'utf-16le' || encoding === 'utf-16be') {
        if (carry.length > 0) throw oddUtf16(offset + carry.length, skip);
        if (found !== null) throw found;
        if (pendingHigh >= 0) throw unpairedSurrogate(pendingHigh, lines + 1);
      }
      return text;
    },
  };
}

// The length of `bytes` without a UTF-8 sequence cut at its end (its first bytes wait for the next part).
function completeUtf8End(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 4; i -= 1) {
    const byte = bytes[i]!;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length - i < need ? i : length;
    }
  }
  return length;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

// Windows-1252 bytes 0x80–0x9F (WHATWG Encoding standard, index-windows-1252); the five bytes Windows leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as browsers decode them.
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
