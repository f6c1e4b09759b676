import { readFileSync } from 'node:fs';
import { type ParsedReportInput, parseReportInput } from '../io/parseReportInput.js';

/** A problem with an input file, worded for the terminal (file, row, column). @private */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/**
 * Reads a CSV or JSON file (by its extension: `.json` is JSON, anything else CSV) with `parseReportInput`: the
 * CLI's only Node-specific part of reading input is opening the file.
 *
 * @private
 */
export function readInputFile(file: string): ParsedReportInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return parseReportInput(text, { format: file.toLowerCase().endsWith('.json') ? 'json' : 'csv' });
}
