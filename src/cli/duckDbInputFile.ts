import { closeSync, openSync, readSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type CsvDelimiter, csvRecords, detectDelimiter } from '../io/internal/csvRecords.js';
import { findColumns as findReaderColumns } from '../io/internal/readRows.js';
import { InputFileError } from './readInputFile.js';

// What `--engine duckdb` reads of a CSV or Parquet file before any work (its columns, found by the in-memory
// reader's header names) and what it refuses after one scan of it (MRR the scale would round, cells the in-memory
// reader refuses, mixed currencies), each with a message naming the file.

/** A column every file needs. @private */
export type Column = 'customerId' | 'start' | 'mrr';
/**
 * A column read when the file has it (`end`: without one every row is still active, as in the in-memory reader;
 * `currency`) or when it is named (`segment`). @private
 */
export type OptionalColumn = 'end' | 'subscriptionId' | 'currency' | 'segment';
/** The header name of each column found. @private */
export type FileColumns = Record<Column, string> & Partial<Record<OptionalColumn, string>>;

/**
 * The columns of a file as the in-memory reader finds them (its own header matching: aliases, any case, a named
 * segment column; its errors, every problem of the header at once), and each one's position in `headers`.
 * `amount` + `interval` files are refused: a yearly price's MRR has no exact decimal. @private
 */
export function findColumns(
  headers: readonly string[],
  file: string,
  segmentColumn: string | undefined,
): { columns: FileColumns; index: Partial<Record<Column | OptionalColumn, number>> } {
  const { columns, index } = findReaderColumns(headers, `found: ${headers.join(', ')}`, {
    segmentColumn,
  });
  if (columns.mrr === undefined) {
    throw new InputFileError(
      `${file} has amount + interval columns: --engine duckdb reads an mrr column only (a yearly price's MRR has no exact decimal); use the in-memory engine`,
    );
  }
  return { columns: columns as FileColumns, index };
}

/** @private */
export async function sourceColumns(
  connection: DuckDBConnection,
  source: string,
  file: string,
): Promise<{ name: string; type: string }[]> {
  try {
    return (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`))
      .getRowObjectsJson()
      .map((row) => ({
        name: String(row.column_name),
        type: String(row.column_type),
      }));
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

// Reads only the header row (the first record with a cell that is not empty, as the in-memory reader finds it and
// its delimiter) from the file's first 64 KiB, so a file larger than memory is never loaded; `names` is null when
// there is none (an empty file, only blank lines), which the in-memory reader refuses with its own error.
/** @private */
export function csvHeader(file: string): { names: string[] | null; delimiter: CsvDelimiter } {
  const buffer = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    const handle = openSync(file, 'r');
    length = readSync(handle, buffer, 0, buffer.length, 0);
    closeSync(handle);
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const text = buffer.subarray(0, length).toString('utf8');
  const delimiter = detectDelimiter(text);
  const records = csvRecords(text.replace(/^\uFEFF/, ''), delimiter, []);
  const header = records.find((record) => record.fields.some((field) => field !== ''));
  return { names: header === undefined ? null : [...header.fields], delimiter };
}

// A path becomes a SQL string literal; rather than escape quotes, refuse them, so no path can end the literal.
/** @private */
export function fileLiteral(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (path === '' || /['\\\u0000-\u001f]/.test(path)) {
    throw new InputFileError(
      `${path}: --engine duckdb cannot read a path with quotes, backslashes or control characters`,
    );
  }
  return `'${path}'`;
}

// Refuses MRR that DECIMAL(38, scale) would round: text with more significant decimal places than the scale (in
// either notation), or a typed value that changes when cast; `scan` holds their count and the earliest one.
/** @private */
export function refuseInexactMrr(
  scan: Record<string, unknown> | undefined,
  scale: number,
  file: string,
): void {
  const count = Number(scan?.inexact_rows ?? 0);
  if (count === 0) return;
  const value = String(scan?.inexact_mrr);
  // The places of a decimal in either notation: its digits without trailing zeros past the point (1e-7: 7).
  const found = /^[+-]?(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(value);
  const digits = `${found?.[1] ?? ''}${found?.[2] ?? ''}`.replace(/0+$/, '');
  const places =
    found === null ? undefined : Math.max(0, digits.length - found[1]!.length - Number(found[3] ?? 0));
  const needs =
    places === undefined || places > 18
      ? 'is not a plain decimal within 18 places'
      : `needs ${places} decimal places: run again with --mrr-scale ${places}`;
  throw new InputFileError(
    `${file}: ${count} row(s) hold MRR that --engine duckdb would round at --mrr-scale ${scale} (DECIMAL(38, ${scale})), e.g. customer ${String(scan?.inexact_customer)} with mrr ${value}, which ${needs}; nothing was rounded`,
  );
}

// Rows in more than one currency (a blank cell is the unnamed reporting currency) without --currency: adding them
// would be a silently wrong number, so the report stops, as the memory engine does (mixed_currencies).
/** @private */
export function refuseMixedCurrencies(
  currencies: readonly string[],
  column: string | undefined,
  file: string,
): void {
  if (currencies.length <= 1) return;
  const names = currencies.map((code) => (code === '' ? 'no currency' : code));
  throw new InputFileError(
    `${file}: rows are in ${names.join(', ')} (column ${column}) and no --currency says how to convert them (mixed_currencies): pass --currency CODE --rates FILE to convert them into one currency`,
  );
}
