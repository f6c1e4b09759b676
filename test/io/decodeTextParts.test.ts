import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { decodeText, partDecoder } from '../../src/io/decodeText.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

function utf16(text: string, littleEndian: boolean, mark = true): Uint8Array {
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

// Feeds `bytes` to a part decoder in parts of `size` bytes and joins what it gives back.
function inParts(bytes: Uint8Array, size: number, options = {}): string {
  const decoder = partDecoder(options);
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.slice(at, at + size));
  return text + decoder.end();
}

// More than 8192 code units and not a multiple of it: the decoders work in blocks of 8192, the last one short.
const long = `id,name\n${'Zoë Ünal €\n'.repeat(1500)}`;

describe('decodeText: long inputs decoded block by block', () => {
  it('decodes UTF-16 (both byte orders) longer than one block, its last block short', () => {
    expect(long.length).toBeGreaterThan(8192 * 2);
    expect(long.length % 8192).not.toBe(0);
    expect(decodeText(utf16(long, true))).toBe(long);
    expect(decodeText(utf16(long, false))).toBe(long);
  });

  it('decodes Windows-1252 and Latin-1 longer than one block', () => {
    const bytes = new Uint8Array(20_001).map((_, i) => (i % 10 === 9 ? 0x80 : 0x61 + (i % 9)));
    const expected = [...bytes].map((byte) => (byte === 0x80 ? '€' : String.fromCharCode(byte))).join('');
    expect(decodeText(bytes, { encoding: 'windows-1252' })).toBe(expected);
    expect(expected.slice(0, 12)).toBe('abcdefghi€bc');
    expect(decodeText(bytes, { encoding: 'latin1' })).toBe(expected.replaceAll('€', '\u0080'));
  });
});

describe('decodeText: bytes that are not UTF-8', () => {
  it('refuses overlong forms, surrogates, code points above U+10FFFF and a cut sequence at the lead byte', () => {
    for (const tail of [
      [0xe0, 0x80, 0x80], // overlong 3-byte form
      [0xed, 0xa0, 0x80], // U+D800
      [0xf0, 0x80, 0x80, 0x80], // overlong 4-byte form
      [0xf4, 0x90, 0x80, 0x80], // U+110000
      [0xe2, 0x82], // € without its last byte
      [0xc0, 0x80], // never a lead byte
    ]) {
      const error = errorOf(() => decodeText(new Uint8Array([0x41, 0x0a, 0x42, ...tail, 0x43])));
      expect(error.path).toEqual(['bytes', 3]);
      expect(error.message).toMatch(
        new RegExp(`^line 2, byte offset 3: byte 0x${tail[0]!.toString(16).toUpperCase()} is not UTF-8`),
      );
    }
    // The first and last valid sequences of each of those leads are read.
    expect(
      decodeText(
        new Uint8Array([0xe0, 0xa0, 0x80, 0xed, 0x9f, 0xbf, 0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf]),
      ),
    ).toBe('\u0800\ud7ff\u{10000}\u{10ffff}');
  });
});

describe('partDecoder', () => {
  it('gives the same text as decodeText whatever the part size, UTF-8 split inside characters', () => {
    const bytes = new TextEncoder().encode(long);
    for (const size of [1, 2, 3, 7, 1000, 5000, bytes.length]) expect(inParts(bytes, size)).toBe(long);
  });

  it('gives the same text as decodeText for UTF-16 longer than one block, split at odd byte counts', () => {
    for (const littleEndian of [true, false]) {
      const bytes = utf16(long, littleEndian);
      expect(inParts(bytes, 20_001)).toBe(long);
      expect(inParts(bytes, 3)).toBe(long);
    }
  });

  it('gives the same text for Windows-1252 and Latin-1 in parts', () => {
    const bytes = new Uint8Array(3000).map((_, i) => (i % 5 === 4 ? 0x9c : 0x41 + (i % 4)));
    for (const encoding of ['windows-1252', 'latin1'] as const) {
      expect(inParts(bytes, 700, { encoding })).toBe(decodeText(bytes, { encoding }));
    }
    expect(inParts(bytes, 700, { encoding: 'windows-1252' }).slice(0, 5)).toBe('ABCDœ');
  });

  it('refuses bytes that are not UTF-8 with the line and byte offset decodeText gives, in any part', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${'a,b\n'.repeat(400)}x`), 0xff, 0x41]);
    const whole = errorOf(() => decodeText(bytes));
    expect(whole.path).toEqual(['bytes', 1601]);
    expect(whole.message).toMatch(/^line 401, byte offset 1601: byte 0xFF is not UTF-8/);
    for (const size of [1, 100, 1600, 1602]) {
      const parts = errorOf(() => inParts(bytes, size));
      expect(parts.path).toEqual(whole.path);
      expect(parts.message).toBe(whole.message);
    }
  });

  it('refuses an unpaired UTF-16 surrogate found in an early part at the end, as decodeText does, and ignores later parts', () => {
    const text = `${'ab\n'.repeat(600)}\ud800x${'cd\n'.repeat(600)}`;
    const bytes = utf16(text, true);
    const whole = errorOf(() => decodeText(bytes));
    const decoder = partDecoder();
    let seen = '';
    // The surrogate (byte 3602) is found with the next unit, in the part of bytes 3072–4095: that part and the
    // later ones give no text, and end() throws.
    for (let at = 0; at < bytes.length; at += 1024) seen += decoder.write(bytes.slice(at, at + 1024));
    expect(seen).toBe(text.slice(0, (3072 - 2) / 2));
    const parts = errorOf(() => decoder.end());
    expect(parts.code).toBe(whole.code);
    expect(parts.path).toEqual(whole.path);
    expect(parts.message).toBe(whole.message);
  });

  it('refuses unknown options and encodings like decodeText', () => {
    expect(errorOf(() => partDecoder({ encodin: 'utf-8' } as never)).path).toEqual(['options', 'encodin']);
    expect(errorOf(() => partDecoder({ encoding: 'ebcdic' } as never)).path).toEqual(['options', 'encoding']);
  });
});
