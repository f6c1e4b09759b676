/**
 * What kind of cell error a {@link SpreadsheetError} becomes: `'notAvailable'` for a result that is
 * mathematically undefined (the library's `null`: a rate over zero customers), shown by Excel as `#N/A`;
 * `'invalidValue'` for bad input, shown by Excel as `#VALUE!`. Google Sheets shows both as `#ERROR!` with the
 * message as the cell's note.
 *
 * @category Spreadsheet
 */
export type SpreadsheetErrorKind = 'notAvailable' | 'invalidValue';

/**
 * The one error a spreadsheet function throws: its message is what the cell shows, written for the person
 * looking at the sheet ("row 3 of the range: mrr must be a number >= 0, received "abc""), and `kind` tells the
 * Excel glue which error value to show.
 *
 * Formula: none; it carries a message.
 * Units: none. Source: our convention (docs/spreadsheets.md, "Errors and undefined results").
 * Edge cases: the message of an undefined result starts with `#N/A:` so Sheets users see the same word Excel shows.
 *
 * @category Spreadsheet
 * @private Reached through the `CH_…` custom functions of `dist/sheets/customer-health.gs` and
 * `dist/excel/functions.js`, not through the package entry.
 */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
  readonly kind: SpreadsheetErrorKind;

  constructor(message: string, kind: SpreadsheetErrorKind = 'invalidValue') {
    super(message);
    this.kind = kind;
  }
}

/**
 * The error of an undefined result (the library returned `null`): `#N/A: <why>`.
 *
 * @private
 */
export function notAvailable(why: string): SpreadsheetError {
  return new SpreadsheetError(`#N/A: ${why}`, 'notAvailable');
}
