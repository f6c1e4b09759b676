import { toCalendarDate } from '../core/calendarDate.js';
import { MetricInputError } from '../core/errors.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../core/internal/rowIssues.js';
import { toDecimal } from '../core/numeric.js';
import type { ExchangeRate } from '../revenue/types.js';
import { csvRecords } from './internal/csvRecords.js';
import { currencyCode, isBlank } from './internal/readRows.js';
import type { ReportInputFormat } from './parseReportInput.js';

/**
 * Options of {@link parseExchangeRates}.
 *
 * @category Report
 */
export interface ParseExchangeRatesOptions {
  /** Default: `'json'` when the text starts with `[` or `{` (after a byte order mark and white space), else `'csv'`. */
  readonly format?: ReportInputFormat;
}

type RateField = 'currency' | 'date' | 'rate';

/**
 * Header names accepted for each column of an exchange-rates file, ours first.
 *
 * @category Report
 * @example
 * EXCHANGE_RATE_COLUMN_ALIASES.rate
 * //=> ['rate', 'exchange_rate', 'exchangeRate']
 */
export const EXCHANGE_RATE_COLUMN_ALIASES: Readonly<Record<RateField, readonly string[]>> = {
  currency: ['currency', 'currency_code', 'currencyCode'],
  date: ['date', 'rate_date', 'rateDate', 'effective_date', 'effectiveDate'],
  rate: ['rate', 'exchange_rate', 'exchangeRate'],
};

/**
 * Reads exchange rates from CSV or JSON text: a header `currency, date, rate` (or the aliases of
 * {@link EXCHANGE_RATE_COLUMN_ALIASES}), or a JSON array of `{ currency, date, rate }` objects (or an object with
 * a `rates` array). Each row says: from `date` on, until that currency's next rate, one unit of `currency` is
 * `rate` units of the reporting currency, as the `currency` option of `mrrMovements` reads it. Dates come back
 * as validated `'YYYY-MM-DD'` text and rates as the decimal text of the source (exact). Codes may be in
 * any case (`eur` → `EUR`); blank rows are skipped as in {@link parseReportInput}.
 *
 * Formula: none; each row is validated (three-letter code, `'YYYY-MM-DD'` date, rate a decimal > 0).
 * Units: units of the reporting currency per unit of `currency`.
 * Source: RFC 4180 for CSV; the rate table shape of ChartMogul's and Chargebee's currency settings.
 * Edge cases: no rows gives `[]`; a missing column, a bad cell, the same currency and date twice, malformed CSV or
 * JSON are MetricInputErrors whose message names the row and column (`row 3, column rate must be …`) and whose
 * path is `['rates', i, field]` (i: position among the rates read). Every bad row is listed at once.
 *
 * @category Report
 * @example
 * parseExchangeRates('currency,date,rate\neur,2024-01-01,1.0950\n')
 * //=> [{ currency: 'EUR', date: '2024-01-01', rate: '1.0950' }]
 * parseExchangeRates('[{"currency":"GBP","date":"2024-01-01","rate":1.27}]')[0].rate
 * //=> '1.27'
 */
export function parseExchangeRates(text: string, options: ParseExchangeRatesOptions = {}): ExchangeRate[] {
  if (typeof text !== 'string') {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['text'],
      expected: 'the text of a CSV or JSON file',
      received: describeValue(text),
    });
  }
  assertObject(options, ['options']);
  assertKnownKeys(options, new Set(['format']), ['options']);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format =
    options.format === undefined
      ? /^\s*[[{]/.test(body)
        ? 'json'
        : 'csv'
      : oneOf(options.format, ['csv', 'json'] as const, ['options', 'format']);
  return readRates(format === 'json' ? jsonRows(body) : csvRows(body));
}

interface RateRows {
  readonly count: number;
  readonly columns: Readonly<Record<RateField, string>>;
  readonly cell: (row: number, field: RateField) => unknown;
  readonly where: (row: number, field: RateField) => string;
}

function csvRows(text: string): RateRows {
  const records = csvRecords(text).filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...data] = records;
  if (header === undefined) {
    return { count: 0, columns: { currency: '', date: '', rate: '' }, cell: () => '', where: () => '' };
  }
  const names = header.fields;
  const columns = rateColumns(names, `found: ${names.join(', ')}`);
  return {
    count: data.length,
    columns,
    cell: (row, field) => data[row]!.fields[names.indexOf(columns[field])] ?? '',
    where: (row, field) => `row ${data[row]!.row}, column ${columns[field]}`,
  };
}

function jsonRows(text: string): RateRows {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: [],
      expected: 'valid JSON',
      received: (error as Error).message,
      message: `not valid JSON: ${(error as Error).message}`,
    });
  }
  const rows = Array.isArray(data) ? data : (data as { rates?: unknown } | null)?.rates;
  if (!Array.isArray(rows)) {
    throw new MetricInputError({
      code: 'invalid_type',
      path: [],
      expected: 'an array of exchange rates or an object with "rates"',
      received: describeValue(data),
      message: `the JSON must hold an array of exchange rates or an object with "rates", received ${describeValue(data)}`,
    });
  }
  const kept: { index: number; row: Record<string, unknown> }[] = [];
  rows.forEach((row, index) => {
    assertObject(row, ['rates', index]);
    if (!Object.values(row).every(isBlank)) kept.push({ index, row });
  });
  const names = [...new Set(kept.flatMap(({ row }) => Object.keys(row)))];
  const columns = rateColumns(names, `fields found: ${names.join(', ') || 'none'}`, kept.length === 0);
  return {
    count: kept.length,
    columns,
    cell: (row, field) => kept[row]!.row[columns[field]],
    where: (row, field) => `rates[${kept[row]!.index}].${columns[field]}`,
  };
}

function rateColumns(names: readonly string[], found: string, empty = false): Record<RateField, string> {
  const columns = { currency: '', date: '', rate: '' };
  for (const field of ['currency', 'date', 'rate'] as const) {
    const aliases = EXCHANGE_RATE_COLUMN_ALIASES[field];
    const present = aliases.filter((alias) => names.includes(alias));
    if (present.length > 1) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: ['columns', field],
        expected: `one ${aliases.join(' / ')} column`,
        received: `both ${present.join(' and ')}`,
        message: `the header must have one ${aliases.join(' / ')} column, received both ${present.join(' and ')} (${found})`,
      });
    }
    if (present.length === 0 && !empty) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['columns', field],
        expected: `a ${aliases.join(' / ')} column`,
        received: found,
        message: `the header has no ${aliases.join(' / ')} column (${found})`,
      });
    }
    columns[field] = present[0] ?? field;
  }
  return columns;
}

function readRates(rows: RateRows): ExchangeRate[] {
  const rates: ExchangeRate[] = [];
  const seen = new Map<string, number>();
  const readRate = (row: number): ExchangeRate => {
    const check = <T>(field: RateField, read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof MetricInputError)) throw error;
        throw new MetricInputError({
          code: error.code,
          path: ['rates', row, field],
          expected: error.expected,
          received: error.received,
          message: `${rows.where(row, field)} must be ${error.expected}, received ${error.received}`,
        });
      }
    };
    const text = (field: RateField): unknown => {
      const value = rows.cell(row, field);
      return typeof value === 'string' ? value.trim() : (value ?? '');
    };
    const currency = check('currency', () => currencyCode(text('currency')));
    const date = check('date', () => toCalendarDate(text('date') as string, []));
    const value = text('rate');
    check('rate', () => toDecimal(value, [], 'positive'));
    const key = `${currency} ${date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== row) {
      check('date', () => {
        throw new MetricInputError({
          code: 'invalid_value',
          path: [],
          expected: `one rate per currency and day (${rows.where(earlier, 'date')} already gives ${currency} on ${date})`,
          received: describeValue(date),
        });
      });
    }
    seen.set(key, row);
    return { currency, date, rate: String(value) };
  };
  let row = 0;
  try {
    for (; row < rows.count; row += 1) rates.push(readRate(row));
  } catch (error) {
    throw withLaterRowIssues(error, row, rows.count, readRate);
  }
  return rates;
}
