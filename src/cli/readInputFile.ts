import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MetricInputError } from '../core/errors.js';
import { decodeText, partDecoder, type TextEncoding } from '../io/decodeText.js';
import { csvReportStream } from '../io/internal/csvReportStream.js';
import { parseExchangeRates } from '../io/parseExchangeRates.js';
import {
  type ParsedReportInput,
  type ParseReportInputOptions,
  parseReportInput,
} from '../io/parseReportInput.js';
import type { ExchangeRate } from '../revenue/types.js';

/**
 * The largest file the in-memory engine reads: 100 MiB. A CSV file is read in parts of 1 MiB and validated row
 * by row (never one string of the whole file), but every row is kept as an object for the engine: reading a
 * 100 MB CSV of 1.77 million rows peaks near 0.9 GB (1.2 GB when the whole text was read at once) and the whole
 * report near 1.4–1.8 GB, so a larger file would not fit in Node's default heap of 2 GB on a machine with 8 GB;
 * `--engine duckdb` streams CSV and Parquet files of any size.
 *
 * @private
 */
export const MAX_MEMORY_INPUT_BYTES = 100 * 1024 * 1024;

/** A problem with an input file, worded for the terminal (file, row, column). @private */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** Reads standard input (FILE `-`): at most `limit + 1` bytes, so a larger input is seen without holding it. @private */
export type ReadStdin = (limit: number) => Promise<Uint8Array>;

/**
 * How the CLI reads a file: its encoding (default: detected, UTF-8 strictly), its bytes when they were read
 * already (standard input), and the size above which it is refused (default: none).
 *
 * @private
 */
export interface ReadFileOptions {
  readonly encoding?: TextEncoding;
  readonly bytes?: Uint8Array;
  readonly maxBytes?: number;
}

/**
 * Reads a CSV or JSON file (by its extension: `.json` is JSON; standard input and anything else CSV unless the
 * text starts with `[` or `{`) with `decodeText` and `parseReportInput`: the CLI's only Node-specific part of
 * reading input is opening the file. A CSV file is read in parts (`partDecoder` and `csvReportStream` give what
 * `decodeText` and `parseReportInput` give for the whole file, the same errors included).
 *
 * @private
 */
export function readInputFile(
  file: string,
  segmentColumn?: string,
  read: ReadFileOptions = {},
  options: Omit<ParseReportInputOptions, 'format' | 'segmentColumn'> = {},
): ParsedReportInput {
  const parseOptions: ParseReportInputOptions = {
    ...(file === '-' ? {} : { format: formatOf(file) }),
    ...options,
    ...(segmentColumn === undefined ? {} : { segmentColumn }),
  };
  if (read.bytes === undefined && parseOptions.format === 'csv') return readCsvFile(file, read, parseOptions);
  return parseReportInput(readText(file, read), parseOptions);
}

// A CSV file read in parts of CHUNK_BYTES: decoded, split into records and validated row by row as they come
// (csvReportStream gives what parseReportInput gives for the whole text), never holding the whole text.
function readCsvFile(
  file: string,
  read: ReadFileOptions,
  options: ParseReportInputOptions,
): ParsedReportInput {
  const decoder = partDecoder(read.encoding === undefined ? {} : { encoding: read.encoding });
  const csv = csvReportStream(options);
  const decode = (bytes: Uint8Array | null): string => {
    try {
      return bytes === null ? decoder.end() : decoder.write(bytes);
    } catch (error) {
      throw encodingError(file, error);
    }
  };
  readFileParts(file, read.maxBytes ?? Number.POSITIVE_INFINITY, (bytes) => csv.write(decode(bytes)));
  csv.write(decode(null));
  return csv.end();
}

/**
 * Standard input's bytes for FILE `-`, refused above `limit` (read up to one byte more, never all of a larger
 * input). @private
 */
export async function readStandardInput(
  readStdin: ReadStdin | undefined,
  limit: number,
): Promise<Uint8Array> {
  if (readStdin === undefined) throw new InputFileError('cannot read standard input here');
  const bytes = await readStdin(limit);
  if (bytes.length > limit) throw tooLarge('standard input', null, '-', limit);
  return bytes;
}

/** A bad exchange-rates file: its name and the parser's error (every bad row). @private */
export class RatesFileError extends Error {
  override readonly name = 'RatesFileError';
  constructor(
    readonly file: string,
    override readonly cause: MetricInputError,
  ) {
    super(`${file}, ${cause.message}`);
  }
}

/**
 * Reads an exchange-rates file (currency, date, rate) with `parseExchangeRates`, by extension as
 * {@link readInputFile}; a bad row is a {@link RatesFileError} naming this file.
 *
 * @private
 */
export function readRatesFile(file: string, read: ReadFileOptions = {}): ExchangeRate[] {
  const text = readText(file, read);
  try {
    return parseExchangeRates(text, { format: formatOf(file) });
  } catch (error) {
    if (error instanceof MetricInputError) throw new RatesFileError(file, error);
    throw error;
  }
}

/** How a file is named in messages: `-` is standard input. @private */
export function fileLabel(file: string): string {
  return file === '-' ? 'standard input' : file;
}

function readText(file: string, { encoding, bytes, maxBytes }: ReadFileOptions): string {
  const data = bytes ?? readFileBytes(file, maxBytes ?? Number.POSITIVE_INFINITY);
  try {
    return decodeText(data, encoding === undefined ? {} : { encoding });
  } catch (error) {
    throw encodingError(file, error);
  }
}

function encodingError(file: string, error: unknown): unknown {
  if (!(error instanceof MetricInputError)) return error;
  // The reader's hint names the option; the CLI's names the flag.
  const message = error.message.replace(
    / ?\(name the encoding .*\)$/,
    '; name the encoding it was saved in with --encoding (--encoding windows-1252 for a CSV saved by Excel on Windows, or latin1, utf-16le, utf-16be)',
  );
  return new InputFileError(`${fileLabel(file)}, ${message}`);
}

// Reads a whole file, refusing one above the limit before reading it (a FIFO or device, whose size is unknown,
// is read up to the limit).
function readFileBytes(file: string, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  readFileParts(file, limit, (chunk) => {
    chunks.push(chunk.slice());
    total += chunk.length;
  });
  return concatBytes(chunks, total);
}

/** The bytes of `chunks` in one array (`total`: their summed length); a single chunk is returned as it is. @private */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The size of the parts a file is read in. @private */
const CHUNK_BYTES = 1 << 20;

// Hands a file's bytes to `take` in parts (the same buffer each time: `take` copies what it keeps), refusing a
// file above the limit before reading it (a FIFO or device, whose size is unknown, is read up to the limit).
function readFileParts(file: string, limit: number, take: (bytes: Uint8Array) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new InputFileError(`cannot read ${file}: it is a directory`);
    if (stats.isFile() && stats.size > limit) throw tooLarge(file, stats.size, file, limit);
    const chunk = new Uint8Array(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      total += count;
      if (total > limit) throw tooLarge(file, null, file, limit);
      take(count === chunk.length ? chunk : chunk.subarray(0, count));
    }
  } catch (error) {
    // Only the file system's errors (which name their syscall) are the file's; the reader's go on as they are.
    if (typeof (error as { syscall?: unknown } | null)?.syscall !== 'string') throw error;
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(label: string, size: number | null, file: string, limit: number): InputFileError {
  const mib = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MiB`;
  const what = size === null ? 'more' : `${mib(size)}, more`;
  const streaming = /\.(csv|parquet)$/i.test(file)
    ? 'run with --engine duckdb, which streams a CSV or Parquet file of any size'
    : 'save it as CSV or Parquet and run with --engine duckdb, which streams a file of any size';
  return new InputFileError(
    `${label} is ${what} than the in-memory engine reads (${mib(limit)}): ${streaming}`,
  );
}

function formatOf(file: string): 'csv' | 'json' {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}
