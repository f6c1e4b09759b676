import { type Decimal, fromDayNumber, MetricInputError } from '../index.js';
import { SpreadsheetError } from './spreadsheetError.js';

/**
 * How a table result writes its dates: `'date'` as a `Date` at local midnight (Google Sheets shows it as a date
 * cell), `'serial'` as a spreadsheet serial day number (Excel custom functions cannot return a `Date`; format the
 * cells as dates), `'text'` as `'YYYY-MM-DD'`.
 *
 * @category Spreadsheet
 */
export type DateOutput = 'date' | 'serial' | 'text';

/**
 * One non-blank cell of a range with its 1-based position inside the range.
 *
 * @category Spreadsheet
 */
export interface RangeCell {
  /** The cell's value as the spreadsheet passed it. */
  readonly value: unknown;
  /** 1-based row inside the range. */
  readonly row: number;
  /** 1-based column inside the range. */
  readonly column: number;
}

/**
 * One row of a range that has at least one non-blank cell.
 *
 * @category Spreadsheet
 */
export interface RangeRow {
  /** 1-based row inside the range. */
  readonly row: number;
  /** The row's cells, blanks included, as passed. */
  readonly cells: readonly unknown[];
}

// Days from the spreadsheet epoch 1899-12-30 (serial 0 in Google Sheets and, from 1900-03-01 on, in Excel) to
// 1970-01-01.
const SERIAL_OF_UNIX_EPOCH = 25569;
// Excel's serials 1..60 count a 29 February 1900 that never was, so they disagree with Google Sheets by a day.
const FIRST_UNAMBIGUOUS_SERIAL = 61;

/**
 * Whether a cell is blank: `''` (what Sheets passes for an empty cell), `null` or `undefined` (what Excel passes
 * for an empty cell or an omitted optional argument), or text of white space only.
 *
 * @private
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The value of a single-cell argument: a 1×1 range is unwrapped, a blank cell is `undefined`, a larger range is
 * an error naming the argument.
 *
 * @private
 */
export function scalarArgument(value: unknown, name: string): unknown {
  let cell = value;
  if (Array.isArray(value)) {
    const rows = value.length;
    const columns = Array.isArray(value[0]) ? value[0].length : 1;
    if (rows !== 1 || columns !== 1) {
      throw new SpreadsheetError(`${name} must be a single cell, received a range of ${rows}×${columns}`);
    }
    cell = Array.isArray(value[0]) ? value[0][0] : value[0];
  }
  return isBlank(cell) ? undefined : cell;
}

/**
 * The value of a required single-cell argument; a blank one is an error naming the argument.
 *
 * @private
 */
export function requiredArgument(value: unknown, name: string): unknown {
  const cell = scalarArgument(value, name);
  if (cell === undefined) throw new SpreadsheetError(`${name} is blank: a value is required`);
  return cell;
}

/**
 * The rows of a range that are not entirely blank. A single cell (which Sheets passes as a plain value) is a
 * 1×1 range.
 *
 * @private
 */
export function rangeRows(range: unknown): RangeRow[] {
  const rows: unknown[] = Array.isArray(range) ? range : [[range]];
  const result: RangeRow[] = [];
  rows.forEach((row, index) => {
    const cells: readonly unknown[] = Array.isArray(row) ? row : [row];
    if (cells.some((cell) => !isBlank(cell))) result.push({ row: index + 1, cells });
  });
  return result;
}

/**
 * The non-blank cells of a range, row by row.
 *
 * @private
 */
export function rangeCells(range: unknown): RangeCell[] {
  return rangeRows(range).flatMap(({ row, cells }) =>
    cells.flatMap((value, index) => (isBlank(value) ? [] : [{ value, row, column: index + 1 }])),
  );
}

/**
 * How many columns a range has (1 for a single cell).
 *
 * @private
 */
export function rangeWidth(range: unknown): number {
  if (!Array.isArray(range)) return 1;
  return range.reduce(
    (width: number, row: unknown) => Math.max(width, Array.isArray(row) ? row.length : 1),
    0,
  );
}

/**
 * Names a cell for a message: "row 3 of the range" in a one-column range, "row 3, column 2 of the range" in a
 * wider one.
 *
 * @private
 */
export function cellPosition(row: number, column: number, width: number): string {
  return width === 1 ? `row ${row} of the range` : `row ${row}, column ${column} of the range`;
}

/**
 * A library Decimal as the number a cell holds: the nearest double to the exact value, rounded once here; a value
 * past the largest double is a SpreadsheetError.
 *
 * @private
 */
export function toCellNumber(value: Decimal): number {
  const result = value.toNumber();
  // A cell holds a finite double: a result past ±1.8e308 is an error, never ±Infinity in the sheet.
  if (!Number.isFinite(result)) throw new SpreadsheetError('the result is too large for a spreadsheet cell');
  return result === 0 ? 0 : result;
}

/**
 * Reads a date cell as the `'YYYY-MM-DD'` the spreadsheet shows: a `Date` by its local calendar fields (Apps Script
 * passes a date cell as midnight of that day in the script's time zone), a number as a serial day, text as it
 * is (the library checks its format). Other values pass through for the library to reject.
 *
 * @private
 */
export function readDateCell(value: unknown, name: string): unknown {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return value;
    return isoDate(value.getFullYear(), value.getMonth() + 1, value.getDate());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < FIRST_UNAMBIGUOUS_SERIAL) {
      throw new SpreadsheetError(
        `${name} must be a date, 'YYYY-MM-DD' text or a date serial >= ${FIRST_UNAMBIGUOUS_SERIAL} (1900-03-01), received ${value}`,
      );
    }
    return fromDayNumber(Math.floor(value) - SERIAL_OF_UNIX_EPOCH);
  }
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Writes an ISO date the way the host shows dates (see {@link DateOutput}).
 *
 * @private
 */
export function writeDateCell(iso: string, dates: DateOutput): Date | number | string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (dates === 'date') return new Date(year, month - 1, day);
  if (dates === 'serial') return Date.UTC(year, month - 1, day) / 86_400_000 + SERIAL_OF_UNIX_EPOCH;
  return iso;
}

/**
 * Turns a library error into the message a cell shows, optionally rewritten (to name a cell position); any
 * other error passes unchanged.
 *
 * @private
 */
export function toSpreadsheetError(error: unknown, rewrite?: (error: MetricInputError) => string): unknown {
  if (error instanceof MetricInputError) {
    return new SpreadsheetError(rewrite === undefined ? error.message : rewrite(error));
  }
  return error;
}

// Cross-realm safe: a Date made by the host (or another vm context) is not `instanceof` this realm's Date.
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
