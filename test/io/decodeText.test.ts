import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { decodeText } from '../../src/io/index.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, mark = false): Uint8Array {
  const out = new Uint8Array((text.length + (mark ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (mark) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i += 1) view.setUint16(at + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeText', () => {
  it('refuses Windows-1252 bytes read as UTF-8, naming the line and byte offset, instead of three Müllers becoming one', () => {
    // "customer_id\nM\xFCller\nM\xE4ller\n": 0xFC (ü) is the byte at offset 13, on line 2.
    const latin = bytes(...ascii('customer_id\nM'), 0xfc, ...ascii('ller\nM'), 0xe4, ...ascii('ller\n'));
    const error = errorOf(() => decodeText(latin));
    expect(error.code).toBe('invalid_value');
    expect(error.path).toEqual(['bytes', 13]);
    expect(error.message).toMatch(/^line 2, byte offset 13: byte 0xFC is not UTF-8/);
    expect(decodeText(latin, { encoding: 'windows-1252' })).toBe('customer_id\nMüller\nMäller\n');
    expect(decodeText(latin, { encoding: 'latin1' })).toBe('customer_id\nMüller\nMäller\n');
    expect(errorOf(() => decodeText(latin, { encoding: 'utf-8' })).path).toEqual(['bytes', 13]);
  });

  it('decodes the Windows-1252 0x80–0x9F table, and Latin-1 as the code points of the bytes', () => {
    // € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ
    const high = bytes(0x80, 0x82, 0x83, 0x84, 0x85, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f);
    expect(decodeText(high, { encoding: 'windows-1252' })).toBe('€‚ƒ„…Š‘’“”–—™Ÿ');
    expect(decodeText(high, { encoding: 'latin1' })).toBe(String.fromCharCode(...high));
    // The five undefined bytes are the C1 controls of the same number (WHATWG).
    expect(decodeText(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d), { encoding: 'windows-1252' })).toBe(
      '\u0081\u008d\u008f\u0090\u009d',
    );
  });

  it('decodes all 256 bytes as the WHATWG windows-1252 index, and Latin-1 as the code points of the bytes', () => {
    // Not checked against the platform's TextDecoder: Node's (without full ICU) decodes windows-1252 as Latin-1.
    const all = new Uint8Array(256).map((_, i) => i);
    const table = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const expected =
      String.fromCharCode(...all.slice(0, 0x80)) + table + String.fromCharCode(...all.slice(0xa0));
    expect(decodeText(all, { encoding: 'windows-1252' })).toBe(expected);
    expect([...decodeText(all, { encoding: 'latin1' })].map((c) => c.charCodeAt(0))).toEqual([...all]);
  });

  it('reads byte order marks (UTF-8, UTF-16LE, UTF-16BE) and drops them; a mark wins over the named encoding', () => {
    const text = 'customer_id,mrr\nMüller,10\n日本,5\n';
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)))).toBe(text);
    expect(decodeText(utf16(text, true, true))).toBe(text);
    expect(decodeText(utf16(text, false, true))).toBe(text);
    expect(decodeText(utf16(text, true, true), { encoding: 'windows-1252' })).toBe(text);
    expect(decodeText(utf16(text, true), { encoding: 'utf-16le' })).toBe(text);
    expect(decodeText(utf16(text, false), { encoding: 'utf-16be' })).toBe(text);
  });

  it('detects UTF-16 without a mark from its NUL bytes, instead of reading "\\0c\\0u\\0s…"', () => {
    const text = 'customer_id,start_date,mrr\nMüller,2024-01-01,10\n';
    expect(decodeText(utf16(text, true))).toBe(text);
    expect(decodeText(utf16(text, false))).toBe(text);
  });

  it('refuses odd-length UTF-16 and unpaired surrogates', () => {
    expect(errorOf(() => decodeText(bytes(0xff, 0xfe, 0x61)))).toMatchObject({ code: 'invalid_value' });
    const lone = errorOf(() => decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x00, 0xd8, 0x61, 0x00)));
    expect(lone.message).toMatch(/^line 2, byte offset 6: an unpaired UTF-16 surrogate/);
    expect(decodeText(utf16('a😀b', true, true))).toBe('a😀b');
  });

  it('finds the first invalid UTF-8 byte exactly: overlong forms, surrogates, truncated sequences', () => {
    for (const [input, at] of [
      [bytes(0x61, 0xc0, 0x80), 1],
      [bytes(0x61, 0x62, 0xed, 0xa0, 0x80), 2],
      [bytes(0xe2, 0x82), 0],
      [bytes(0x61, 0xf4, 0x90, 0x80, 0x80), 1],
      [bytes(0x61, 0x0a, 0x0a, 0xff), 3],
    ] as const) {
      const error = errorOf(() => decodeText(input));
      expect(error.path).toEqual(['bytes', at]);
    }
    expect(errorOf(() => decodeText(bytes(0x61, 0x0a, 0x0a, 0xff))).message).toMatch(/^line 3, /);
  });

  it('decodes any text encoded as UTF-8, UTF-16LE or UTF-16BE with a mark back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeText(new TextEncoder().encode(text))).toBe(text);
        expect(decodeText(utf16(text, true, true))).toBe(text);
        expect(decodeText(utf16(text, false, true))).toBe(text);
      }),
    );
  });

  it('rejects what is not bytes and unknown options', () => {
    expect(errorOf(() => decodeText('text' as never)).code).toBe('invalid_type');
    expect(errorOf(() => decodeText(bytes(), { encoding: 'ebcdic' as never })).path).toEqual([
      'options',
      'encoding',
    ]);
    expect(errorOf(() => decodeText(bytes(), { encodings: 'utf-8' } as never)).code).toBe('unknown_field');
    expect(decodeText(bytes())).toBe('');
  });
});
