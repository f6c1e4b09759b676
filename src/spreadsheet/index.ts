export type { DateOutput, RangeCell, RangeRow } from './cellValues.js';
export type { SpreadsheetErrorKind } from './spreadsheetError.js';
export type { SpreadsheetFunction, SpreadsheetHost, SpreadsheetParameter } from './spreadsheetFunctions.js';
export { callSpreadsheetFunction, SPREADSHEET_FUNCTIONS } from './spreadsheetFunctions.js';
