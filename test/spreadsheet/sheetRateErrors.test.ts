import { describe, expect, it } from 'vitest';
import { sheetMrrMovements } from '../../src/spreadsheet/sheetMrrMovements.js';
import { SpreadsheetError } from '../../src/spreadsheet/spreadsheetError.js';

function message(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    return (error as SpreadsheetError).message;
  }
  throw new Error('expected a SpreadsheetError');
}

const range = [
  ['customer_id', 'subscription_id', 'start', 'end', 'mrr', 'currency'],
  ['a', '', '2024-01-15', '2024-03-10', 100, 'EUR'],
  ['b', '', '2024-01-01', '', 50, ''],
];
const withRates =
  (rates: unknown[][], reporting: unknown = 'USD') =>
  () =>
    sheetMrrMovements(range, '', 'text', rates, reporting);

describe('sheetMrrMovements: refusals of the rates the engine reports', () => {
  it('names the row of the rates range and the rate of a rate that is not positive or not a number', () => {
    expect(message(withRates([['EUR', '2024-01-01', -1]]))).toBe(
      'row 1 of the rates range: rate must be a number > 0, received -1',
    );
    expect(
      message(
        withRates([
          ['currency', 'date', 'rate'],
          ['EUR', '2024-01-01', 0],
        ]),
      ),
    ).toBe('row 2 of the rates range: rate must be a number > 0, received 0');
    expect(message(withRates([['EUR', '2024-01-01', 'abc']]))).toBe(
      'row 1 of the rates range: rate must be a decimal number such as "19.99", received "abc"',
    );
  });

  it('names the row of the rates range of a second rate on the same day and of a rate for the reporting currency', () => {
    expect(
      message(
        withRates([
          ['EUR', '2024-01-01', 1],
          ['EUR', '2024-01-01', 2],
        ]),
      ),
    ).toBe(
      'row 2 of the rates range: date must be one EUR rate per day (options.currency.rates[0] is on the same day), received "2024-01-01"',
    );
    expect(message(withRates([['USD', '2024-01-01', 2]]))).toBe(
      'row 1 of the rates range: currency must be a currency other than the reporting currency USD (whose rate is 1), received "USD"',
    );
  });

  it('names reportingCurrency, not options.currency.reporting, for a bad reporting currency', () => {
    expect(message(withRates([['EUR', '2024-01-01', 1]], 'US'))).toBe(
      'reportingCurrency must be an ISO 4217 currency code (three capital letters, e.g. "EUR"), received "US"',
    );
  });
});
