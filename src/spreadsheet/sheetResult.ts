import type { Decimal } from '../index.js';
import { toCellNumber, toSpreadsheetError } from './cellValues.js';
import { notAvailable } from './spreadsheetError.js';

/**
 * Runs a library call and turns its `MetricInputError` into the message the cell shows.
 *
 * @private
 */
export function guarded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toSpreadsheetError(error);
  }
}

/**
 * A library result as a cell number, or the `#N/A` error saying why it is undefined when it is `null`.
 *
 * @private
 */
export function cellNumberOrNotAvailable(value: Decimal | null, whyUndefined: string): number {
  if (value === null) throw notAvailable(whyUndefined);
  return toCellNumber(value);
}
