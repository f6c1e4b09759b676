export * from './cellValues.js';
export * from './sheetMrrMovements.js';
export * from './sheetNps.js';
export * from './sheetRates.js';
export * from './sheetResult.js';
export * from './sheetUnitEconomics.js';
export * from './spreadsheetError.js';
export * from './spreadsheetFunctions.js';
