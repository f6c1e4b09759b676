import { readFileSync } from 'node:fs';
import { MetricInputError } from '../core/errors.js';
import { parseExchangeRates } from '../io/parseExchangeRates.js';
import { type ParsedReportInput, parseReportInput } from '../io/parseReportInput.js';
import type { ExchangeRate } from '../revenue/types.js';

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
export function readInputFile(file: string, segmentColumn?: string): ParsedReportInput {
  return parseReportInput(readText(file), {
    format: formatOf(file),
    ...(segmentColumn === undefined ? {} : { segmentColumn }),
  });
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
export function readRatesFile(file: string): ExchangeRate[] {
  const text = readText(file);
  try {
    return parseExchangeRates(text, { format: formatOf(file) });
  } catch (error) {
    if (error instanceof MetricInputError) throw new RatesFileError(file, error);
    throw error;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function formatOf(file: string): 'csv' | 'json' {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}
