import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExchangeRates } from '../../src/io/index.js';
import { errorOf } from '../support/errorOf.js';

describe('parseExchangeRates', () => {
  it('reads CSV with aliases, a BOM, blank rows and codes in any case, rates as exact text', () => {
    expect(
      parseExchangeRates(
        '\uFEFFcurrency_code,effective_date,exchange_rate\r\neur,2024-01-01,1.0950\r\n,,\r\nGBP, 2024-02-01 ,1.27\r\n',
      ),
    ).toEqual([
      { currency: 'EUR', date: '2024-01-01', rate: '1.0950' },
      { currency: 'GBP', date: '2024-02-01', rate: '1.27' },
    ]);
    // Changed (issue #25): an empty text has no header, so it is an error rather than no rates.
    expect(errorOf(() => parseExchangeRates('')).code).toBe('empty_input');
    expect(parseExchangeRates('currency,date,rate\n')).toEqual([]);
  });

  it('reads a JSON array or an object with rates; numbers become their shortest decimal text', () => {
    const rows = [{ currency: 'EUR', date: '2024-01-01', rate: 1.1 }];
    expect(parseExchangeRates(JSON.stringify(rows))).toEqual([
      { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    ]);
    expect(parseExchangeRates(JSON.stringify({ rates: rows }))).toHaveLength(1);
    expect(parseExchangeRates('[]')).toEqual([]);
  });

  it('names the row and column of every bad cell and lists every bad row at once', () => {
    const error = errorOf(() =>
      parseExchangeRates(
        'currency,date,rate\nEURO,2024-01-01,1\nEUR,2024-02-30,1\nEUR,2024-03-01,0\nEUR,2024-04-01,-1\nEUR,2024-05-01,abc\nEUR,2024-06-01,1\nEUR,2024-06-01,1.1\n',
      ),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'row 2, column currency must be an ISO 4217 currency code (three letters, e.g. USD), received "EURO"',
      expect.stringMatching(/^row 3, column date must be /),
      'row 4, column rate must be a number > 0, received "0"',
      'row 5, column rate must be a number > 0, received "-1"',
      expect.stringMatching(/^row 6, column rate must be /),
      'row 8, column date must be one rate per currency and day (row 7, column date already gives EUR on 2024-06-01), received "2024-06-01"',
    ]);
    expect(error.issues[2]!.path).toEqual(['rates', 2, 'rate']);
    expect(
      errorOf(() => parseExchangeRates('[{"currency":"EUR","date":"2024-01-01","rate":null}]')).message,
    ).toMatch(/^rates\[0\]\.rate must be /);
  });

  it('explains a header, JSON or argument it cannot use', () => {
    expect(errorOf(() => parseExchangeRates('currency,rate\nEUR,1\n')).message).toBe(
      'the header has no date / rate_date / rateDate / effective_date / effectiveDate column (found: currency, rate)',
    );
    expect(errorOf(() => parseExchangeRates('currency,date,rate_date,rate\n')).path).toEqual([
      'columns',
      'date',
    ]);
    expect(errorOf(() => parseExchangeRates('{')).message).toMatch(/^not valid JSON/);
    expect(errorOf(() => parseExchangeRates('{"x":1}')).message).toContain('"rates"');
    expect(errorOf(() => parseExchangeRates('[1]')).path).toEqual(['rates', 0]);
    expect(errorOf(() => parseExchangeRates(5 as unknown as string)).path).toEqual(['text']);
    expect(errorOf(() => parseExchangeRates('', { format: 'xml' as 'csv' })).path).toEqual([
      'options',
      'format',
    ]);
  });

  it('never throws anything but a MetricInputError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseExchangeRates(`currency,date,rate\n${text}`);
          parseExchangeRates(text);
        } catch (error) {
          expect((error as Error).name).toBe('MetricInputError');
        }
      }),
      { numRuns: 300 },
    );
  });
});
