import { closeSync, openSync, readSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { csvRecords } from '../io/internal/csvRecords.js';
import { SUBSCRIPTION_COLUMN_ALIASES } from '../io/subscriptionColumnAliases.js';
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
export type OptionalColumn = 'end' | 'currency' | 'segment';
/** The header name of each column found. @private */
export type FileColumns = Record<Column, string> & Partial<Record<OptionalColumn, string>>;

const COLUMNS: readonly Column[] = ['customerId', 'start', 'mrr'];

/** @private */
export function findColumns(
  headers: readonly string[],
  file: string,
  segmentColumn: string | undefined,
): FileColumns {
  const found = {} as FileColumns;
  const end = SUBSCRIPTION_COLUMN_ALIASES.end.find((alias) => headers.includes(alias));
  if (end !== undefined) found.end = end;
  const currency = SUBSCRIPTION_COLUMN_ALIASES.currency.find((alias) => headers.includes(alias));
  if (currency !== undefined) found.currency = currency;
  if (segmentColumn !== undefined) {
    if (!headers.includes(segmentColumn)) {
      throw new InputFileError(
        `${file}: the header has no ${segmentColumn} column, the segment column named (found: ${headers.join(', ')})`,
      );
    }
    found.segment = segmentColumn;
  }
  for (const field of COLUMNS) {
    const name = SUBSCRIPTION_COLUMN_ALIASES[field].find((alias) => headers.includes(alias));
    if (name === undefined) {
      const amount = field === 'mrr' && headers.includes('amount');
      throw new InputFileError(
        amount
          ? `${file} has amount + interval columns: --engine duckdb reads an mrr column only (a yearly price's MRR has no exact decimal); use the in-memory engine`
          : `${file} has no ${SUBSCRIPTION_COLUMN_ALIASES[field].join(' / ')} column (found: ${headers.join(', ')})`,
      );
    }
    found[field] = name;
  }
  return found;
}

/** @private */
export async function parquetColumns(
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

// Reads only the header line, so a file larger than memory is never loaded.
/** @private */
export function csvHeader(file: string): string[] {
  const buffer = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    const handle = openSync(file, 'r');
    length = readSync(handle, buffer, 0, buffer.length, 0);
    closeSync(handle);
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const firstLine = buffer.subarray(0, length).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  return [...(csvRecords(firstLine)[0]?.fields ?? [])];
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

// Refuses MRR that DECIMAL(38, scale) would round: text with more significant decimal places than the scale (or
// not a plain decimal), or a typed value that changes when cast; `scan` holds their count and the earliest one.
/** @private */
export function refuseInexactMrr(
  scan: Record<string, unknown> | undefined,
  scale: number,
  file: string,
): void {
  const count = Number(scan?.inexact_rows ?? 0);
  if (count === 0) return;
  const value = String(scan?.inexact_mrr);
  const places = /^[+-]?\d*\.?(\d*?)0*$/.exec(value)?.[1]?.length;
  const needs =
    places === undefined || places > 18
      ? 'is not a plain decimal within 18 places'
      : `needs ${places} decimal places: run again with --mrr-scale ${places}`;
  throw new InputFileError(
    `${file}: ${count} row(s) hold MRR that --engine duckdb would round at --mrr-scale ${scale} (DECIMAL(38, ${scale})), e.g. customer ${String(scan?.inexact_customer)} with mrr ${value}, which ${needs}; nothing was rounded`,
  );
}

// A currency code that is not three letters, or (with a segment column) a row without a segment: the cells the
// memory reader refuses, named by the earliest row's customer.
/** @private */
export function refuseBadCells(
  scan: Record<string, unknown> | undefined,
  segmentColumn: string | undefined,
  column: Partial<Record<OptionalColumn, string>>,
  file: string,
): void {
  const badCodes = Number(scan?.bad_codes ?? 0);
  if (badCodes > 0) {
    throw new InputFileError(
      `${file}: ${badCodes} row(s) have a ${column.currency} that is not an ISO 4217 currency code (three letters, e.g. USD), e.g. customer ${String(scan?.bad_code_customer)} with ${String(scan?.bad_code)}`,
    );
  }
  const noSegments = Number(scan?.no_segments ?? 0);
  if (segmentColumn !== undefined && noSegments > 0) {
    throw new InputFileError(
      `${file}: ${noSegments} row(s) have no ${segmentColumn} (the segment column named; every row needs one), e.g. customer ${String(scan?.no_segment_customer)}`,
    );
  }
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
