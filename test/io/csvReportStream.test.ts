import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { decodeText, partDecoder, type TextEncoding } from '../../src/io/decodeText.js';
import { csvReportStream } from '../../src/io/internal/csvReportStream.js';
import { type ParseReportInputOptions, parseReportInput } from '../../src/io/parseReportInput.js';

// What a call gave: its value, or its error's code, path, message and every issue's message.
function outcome<T>(run: () => T): unknown {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    return {
      code: error.code,
      path: error.path,
      message: error.message,
      issues: error.issues.map((issue) => issue.message),
    };
  }
}

// Cuts `bytes` into parts at the given offsets (sorted, within the bytes; repeats give empty parts).
function parts(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...cuts.map((cut) => cut % (bytes.length + 1))].sort((a, b) => a - b);
  const result: Uint8Array[] = [];
  let from = 0;
  for (const cut of at) {
    result.push(bytes.slice(from, cut));
    from = cut;
  }
  result.push(bytes.slice(from));
  return result;
}

function streamed(chunks: readonly Uint8Array[], options: ParseReportInputOptions, encoding?: TextEncoding) {
  const decoder = partDecoder(encoding === undefined ? {} : { encoding });
  const csv = csvReportStream(options);
  for (const chunk of chunks) csv.write(decoder.write(chunk));
  csv.write(decoder.end());
  return csv.end();
}

function streamedText(texts: readonly string[], options: ParseReportInputOptions) {
  const csv = csvReportStream(options);
  for (const text of texts) csv.write(text);
  return csv.end();
}

// Cuts `text` at the given offsets (in UTF-16 code units: a cut may fall between the halves of a surrogate pair).
function textParts(text: string, cuts: readonly number[]): string[] {
  const at = [...cuts.map((cut) => cut % (text.length + 1))].sort((a, b) => a - b);
  const result: string[] = [];
  let from = 0;
  for (const cut of at) {
    result.push(text.slice(from, cut));
    from = cut;
  }
  result.push(text.slice(from));
  return result;
}

function whole(bytes: Uint8Array, options: ParseReportInputOptions, encoding?: TextEncoding) {
  return parseReportInput(decodeText(bytes, encoding === undefined ? {} : { encoding }), {
    ...options,
    format: 'csv',
  });
}

// Pieces CSV texts are made of: good and bad cells, quotes around delimiters and line breaks, CRLF, blank rows,
// multi-byte characters (2, 3 and 4 bytes of UTF-8), byte order marks.
const piece = fc.constantFrom(
  'a',
  'cus_0123456789abcdef',
  'Müller',
  '€',
  '😀',
  ' ',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '"',
  '""',
  '"x,\r\ny"',
  '"ü""€"',
  '2024-01-01',
  '2024-02-30',
  '2024-03-01',
  '10',
  '-1',
  '12.50',
  'eur',
  ',,,\n',
  '\uFEFF',
);
const headers = [
  'customer_id,start_date,end_date,mrr\n',
  'customer_id;start_date;end_date;mrr;currency\r\n',
  '\uFEFFcustomer_id\tstart_date\tmrr\tplan\n',
  'customer_id,start_date,amount,interval\n',
  ',,,\ncustomer_id,start,mrr,ned\n',
  '"customer_id","start_date","mrr"\r\n',
];
const rows = fc.constantFrom(
  'acme,2024-01-01,,10\n',
  'b;2024-01-01;;90;eur\r\n',
  'c\t2024-01-01\t5\tGrowth\n',
  'd,2024-01-01,1200,year\n',
  '"e,1",2024-02-01,2024-03-01,"7"\r\n',
  'f,2024-01-01,,-1\n',
  ',,,\n',
  '  \n',
  'g,2024-01-01,,10,extra\n',
  'Müller 😀,2024-01-01,,€\n',
);
const csvText = fc
  .tuple(
    fc.constantFrom(...headers),
    fc.array(
      fc.oneof(
        rows,
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([header, body]) => header + body.join(''));
const cuts = fc.array(fc.nat({ max: 4000 }), { maxLength: 12 });

describe('csvReportStream', () => {
  const readerOptions = fc.constantFrom<ParseReportInputOptions>(
    {},
    { delimiter: ',' },
    { segmentColumn: 'plan' },
  );
  it('reads a CSV text in any parts exactly as parseReportInput reads all of it', () => {
    fc.assert(
      fc.property(csvText, cuts, readerOptions, (text, at, options) => {
        expect(outcome(() => streamedText(textParts(text, at), options))).toEqual(
          outcome(() => parseReportInput(text, { ...options, format: 'csv' })),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the bytes of a CSV file in any parts as decodeText and parseReportInput read all of them', () => {
    // Past the 1024 bytes the encoding is sniffed from, so later parts are decoded and split one by one.
    const good = 'a,2024-01-01,,10\n'.repeat(70);
    fc.assert(
      fc.property(csvText, cuts, readerOptions, (text, at, options) => {
        const bytes = new TextEncoder().encode(text.replace('\n', `\n${good}`));
        const chunks = parts(bytes, at);
        expect(outcome(() => streamed(chunks, options))).toEqual(outcome(() => whole(bytes, options)));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same result and errors for one byte at a time', () => {
    for (const text of [
      ...headers.map((header) => `${header}a,2024-01-01,,10\r\n"b\r\nc",2024-01-01,,1\r`),
      'customer_id,start_date,mrr\n"open,2024-01-01,1\n',
      'x"y,\n"a"b\ncustomer_id,start_date,mrr\n',
      '\uFEFF\uFEFF\uFEFFcustomer_id,start_date,mrr\na,2024-01-01,1,',
      '',
      ' \n\t\n',
      ',,\n;;\n',
    ]) {
      const bytes = new TextEncoder().encode(text);
      const chunks = [...bytes].map((byte) => new Uint8Array([byte]));
      expect(outcome(() => streamed(chunks, {}))).toEqual(outcome(() => whole(bytes, {})));
      expect(outcome(() => streamedText([...text], {}))).toEqual(outcome(() => whole(bytes, {})));
      expect(outcome(() => streamedText(text.split(''), {}))).toEqual(outcome(() => whole(bytes, {})));
    }
  });

  it('names every bad row of a long file as the whole-text reader does (the issue caps)', () => {
    const lines = ['customer_id,start_date,mrr'];
    for (let i = 0; i < 700; i += 1) {
      lines.push(i % 3 === 0 ? `c${i},2024-01-01,-1` : i % 3 === 1 ? `c${i},2024-01-01,1,x` : `"c${i}`);
      lines.push(`ok${i},2024-01-01,1`);
    }
    const bytes = new TextEncoder().encode(lines.join('\n'));
    for (const size of [7, 1000, 1 << 20]) {
      const chunks = parts(
        bytes,
        Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => k * size),
      );
      expect(outcome(() => streamed(chunks, {}))).toEqual(outcome(() => whole(bytes, {})));
    }
  });
});

describe('partDecoder', () => {
  const byteArrays = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
    fc
      .tuple(
        fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []),
        fc.array(fc.constantFrom(0x61, 0x00, 0x0a, 0xd8, 0xdc, 0x3d, 0xc3, 0xbc, 0x80, 0xe2, 0x82, 0xac)),
      )
      .map(([bom, rest]) => new Uint8Array([...bom, ...rest])),
  );
  it('decodes bytes in any parts exactly as decodeText decodes all of them (text or error)', () => {
    fc.assert(
      fc.property(
        byteArrays,
        cuts.map((at) => at.map((cut) => cut % 64)),
        fc.constantFrom<TextEncoding | undefined>(
          undefined,
          'utf-8',
          'latin1',
          'windows-1252',
          'utf-16le',
          'utf-16be',
        ),
        (bytes, at, encoding) => {
          const options = encoding === undefined ? {} : { encoding };
          const decoded = () => {
            const decoder = partDecoder(options);
            return parts(bytes, at)
              .map((chunk) => decoder.write(chunk))
              .concat(decoder.end())
              .join('');
          };
          expect(outcome(decoded)).toEqual(outcome(() => decodeText(bytes, options)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('names the line and byte offset of a bad byte in a later part', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a\nb\n'.repeat(600)), 0xfc, 0x0a]);
    const decoder = partDecoder();
    expect(() => {
      for (const chunk of parts(bytes, [1030, 2000])) decoder.write(chunk);
      decoder.end();
    }).toThrow('line 1201, byte offset 2400: byte 0xFC is not UTF-8');
  });
});
