import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { toDecimal } from '../../src/core/numeric.js';
import { parseExchangeRates, parseReportInput } from '../../src/io/index.js';
import { monthsPerPeriod, periodsSpanning, toMonthlyChurn } from '../../src/io/internal/monthlyChurn.js';
import { readSubscriptionRow, type Table } from '../../src/io/internal/readRows.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

describe('parseReportInput: blank and missing cells', () => {
  it('refuses a blank mrr cell, and a row shorter than the header, at the mrr column', () => {
    for (const text of [
      'customer_id,start,mrr\na,2024-01-01,\n',
      'customer_id,start,end,mrr\na,2024-01-01\n',
    ]) {
      const error = errorOf(() => parseReportInput(text));
      expect(error.code).toBe('invalid_number');
      expect(error.path).toEqual(['subscriptions', 0, 'mrr']);
      expect(error.message).toBe('row 2, column mrr must be a decimal number such as "19.99", received ""');
    }
  });

  it('refuses a blank amount and a blank interval when MRR comes from amount + interval', () => {
    const amount = errorOf(() =>
      parseReportInput('customer_id,start,amount,interval\na,2024-01-01,,month\n'),
    );
    expect(amount.path).toEqual(['subscriptions', 0, 'amount']);
    expect(amount.message).toBe('row 2, column amount must be a decimal number such as "19.99", received ""');
    const interval = errorOf(() => parseReportInput('customer_id,start,amount,interval\na,2024-01-01,10,\n'));
    expect(interval.code).toBe('invalid_option');
    expect(interval.path).toEqual(['subscriptions', 0, 'interval']);
    expect(interval.message).toBe(
      'row 2, column interval must be one of day, daily, week, weekly, month, monthly, quarter, quarterly, year, yearly, annual, annually, received ""',
    );
  });

  it('refuses a JSON currency that is not text, naming the element', () => {
    const error = errorOf(() =>
      parseReportInput('[{"customerId":"a","start":"2024-01-01","mrr":10,"currency":12}]'),
    );
    expect(error.code).toBe('invalid_value');
    expect(error.path).toEqual(['subscriptions', 0, 'currency']);
    expect(error.message).toBe(
      'subscriptions[0].currency must be an ISO 4217 currency code (three letters, e.g. USD), received 12',
    );
  });

  it('refuses JSON rows with amount but no interval field by the missing column', () => {
    const error = errorOf(() => parseReportInput('[{"customerId":"a","start":"2024-01-01","amount":10}]'));
    expect(error.code).toBe('missing_field');
    expect(error.path).toEqual(['columns', 'interval']);
  });

  it('refuses a header row that is not valid CSV as a CSV error on row 1', () => {
    const error = errorOf(() => parseReportInput('"customer_id,start,mrr\na,2024-01-01,1\n'));
    expect(error.path).toEqual(['rows', 1]);
    expect(error.message).toBe(
      'row 1 is not valid CSV: expected a closing quote for a quoted field, received the end of the text',
    );
  });
});

describe('parseExchangeRates: refusals', () => {
  it('refuses an empty text and a text of only blank rows as having no header', () => {
    const empty = errorOf(() => parseExchangeRates(''));
    expect(empty.code).toBe('empty_input');
    expect(empty.message).toBe(
      'the CSV has no header row (expected one naming the columns: currency, date, rate), received an empty text',
    );
    expect(errorOf(() => parseExchangeRates(',,\n\n')).message).toMatch(/received only blank rows$/);
  });

  it('refuses a header that is not valid CSV with the CSV error, not "no header"', () => {
    const error = errorOf(() => parseExchangeRates('"currency,date,rate\nEUR,2024-01-01,1.1\n'));
    expect(error.code).toBe('invalid_value');
    expect(error.path).toEqual(['rows', 1]);
  });

  it('refuses JSON that is neither an array nor an object with "rates"', () => {
    for (const text of ['5', 'null', '"EUR"', '{"x":1}']) {
      const error = errorOf(() => parseExchangeRates(text, { format: 'json' }));
      expect(error.code).toBe('invalid_type');
      expect(error.message).toMatch(
        /^the JSON must hold an array of exchange rates or an object with "rates"/,
      );
    }
  });

  it('refuses a blank date cell and a null currency, naming row and column', () => {
    const date = errorOf(() => parseExchangeRates('currency,date,rate\nEUR,,1.1\n'));
    expect(date.code).toBe('invalid_date');
    expect(date.path).toEqual(['rates', 0, 'date']);
    expect(date.message).toMatch(/^row 2, column date must be a calendar date "YYYY-MM-DD" .*, received ""$/);
    const currency = errorOf(() =>
      parseExchangeRates('[{"currency":null,"date":"2024-01-01","rate":"1.1"}]', { format: 'json' }),
    );
    expect(currency.path).toEqual(['rates', 0, 'currency']);
    expect(currency.message).toBe(
      'rates[0].currency must be an ISO 4217 currency code (three letters, e.g. USD), received ""',
    );
  });
});

describe('monthly churn', () => {
  it('spans 6 months as 183 days, 26 weeks, 6 months, 2 quarters or 1 year', () => {
    expect((['day', 'week', 'month', 'quarter', 'year'] as const).map((g) => periodsSpanning(6, g))).toEqual([
      183, 26, 6, 2, 1,
    ]);
  });

  it('measures days and weeks against the average Gregorian month of 30.436875 days', () => {
    expect(monthsPerPeriod('day').times('30.436875').toFixed(30)).toBe(`1.${'0'.repeat(30)}`);
    expect(monthsPerPeriod('week').times('30.436875').toFixed(30)).toBe(`7.${'0'.repeat(30)}`);
    expect(monthsPerPeriod('year').toString()).toBe('12');
  });

  it('turns a yearly churn of 1 − 0.9^12 back into 10 % a month, and keeps 0 and 1', () => {
    const yearly = toDecimal(1).minus(toDecimal('0.9').pow(12));
    expect(toMonthlyChurn(yearly, monthsPerPeriod('year')).toDecimalPlaces(30).toString()).toBe('0.1');
    expect(toMonthlyChurn(toDecimal(0), toDecimal(12)).toString()).toBe('0');
    expect(toMonthlyChurn(toDecimal(1), toDecimal(12)).toString()).toBe('1');
  });
});

describe('readSubscriptionRow on a table without rules (as the CLI builds it)', () => {
  const cells: Record<string, string>[] = [
    { customerId: ' a ', start: '2024-02-05T23:30:00-05:00', end: '2024-03-01', mrr: '1,5' },
    { customerId: 'b', start: '2024-02-01', end: '2024-03-01', mrr: '10.50' },
  ];
  const table: Table = {
    columns: { customerId: 'customer_id', start: 'start', end: 'end', mrr: 'mrr' },
    rows: cells.length,
    cell: (row, field) => cells[row]![field] ?? '',
    where: (row, field) => `row ${row + 2}, column ${field}`,
    rowNumber: (row) => row + 2,
  };

  it('reads days in UTC with an exclusive end and amounts as plain decimals', () => {
    expect(readSubscriptionRow(table, 1)).toEqual({
      customerId: 'b',
      start: '2024-02-01',
      end: '2024-03-01',
      mrr: '10.50',
    });
    const error = errorOf(() => readSubscriptionRow(table, 0));
    // The start is read on its UTC day (02-06) and "1,5" is not a plain decimal.
    expect(error.path).toEqual(['subscriptions', 0, 'mrr']);
    expect(error.message).toMatch(
      /^row 2, column mrr must be a plain decimal number >= 0 .*, received "1,5"$/,
    );
    cells[0]!.mrr = '1.5';
    expect(readSubscriptionRow(table, 0)).toEqual({
      customerId: 'a',
      start: '2024-02-06',
      end: '2024-03-01',
      mrr: '1.5',
    });
  });
});
