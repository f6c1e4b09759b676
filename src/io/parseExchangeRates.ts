import { toCalendarDate } from '../core/calendarDate.js';
import { MAX_INPUT_ISSUES, MetricInputError } from '../core/errors.js';
import { deepFreeze } from '../core/internal/deepFreeze.js';
import { assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { ExchangeRate } from '../revenue/types.js';
import { cellText } from './internal/cellText.js';
import { matchColumns } from './internal/columnNames.js';
import { type CsvDelimiter, csvRecords, detectDelimiter } from './internal/csvRecords.js';
import { JsonNumber, parseJsonText, plainJson } from './internal/jsonText.js';
import { readerOptions } from './internal/readerOptions.js';
import { allIssues, currencyCode, isBlank } from './internal/readRows.js';
import type { ReportInputFormat } from './parseReportInput.js';

/**
 * Options of {@link parseExchangeRates}.
 *
 * @category Report
 */
export interface ParseExchangeRatesOptions {
  /** Default: `'json'` when the text starts with `[` or `{` (after a byte order mark and white space), else `'csv'`. */
  readonly format?: ReportInputFormat;
  /** The CSV field separator. Default: detected from the header line, as {@link parseReportInput} does. */
  readonly delimiter?: ',' | ';' | '\t';
  /**
   * Columns that are data, not misspellings: a column within two edits of a known name (`curency`, `rates`)
   * is otherwise an error naming the column it resembles. Default: none.
   */
  readonly keepColumns?: readonly string[];
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['format', 'delimiter', 'keepColumns']);

type RateField = 'currency' | 'date' | 'rate';

/**
 * Header names accepted for each column of an exchange-rates file, ours first.
 *
 * @category Report
 * @example
 * EXCHANGE_RATE_COLUMN_ALIASES.rate
 * //=> ['rate', 'exchange_rate', 'exchangeRate']
 */
export const EXCHANGE_RATE_COLUMN_ALIASES: Readonly<Record<RateField, readonly string[]>> =
  /* @__PURE__ */ deepFreeze({
    currency: ['currency', 'currency_code', 'currencyCode'],
    date: ['date', 'rate_date', 'rateDate', 'effective_date', 'effectiveDate'],
    rate: ['rate', 'exchange_rate', 'exchangeRate'],
  });

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
 * Edge cases: an empty text (no header) is an error, a header without rows gives `[]`; a missing, duplicate or
 * misspelt-looking column (`curency`; see `keepColumns`), a bad cell, the same currency and date twice, malformed
 * CSV or JSON are MetricInputErrors whose message names the row and column (`row 3, column rate must be …`) and
 * whose path is `['rates', i, field]` (i: position among the rates read). Every problem is listed at once. JSON
 * numbers are read as their source text, so a rate is never rounded; the CSV delimiter (`,`, `;`, tab) is found
 * from the header.
 *
 * @category Report
 * @example
 * parseExchangeRates('currency,date,rate\neur,2024-01-01,1.0950\n')
 * //=> [{ currency: 'EUR', date: '2024-01-01', rate: '1.0950' }]
 * parseExchangeRates('[{"currency":"GBP","date":"2024-01-01","rate":1.27}]')[0].rate
 * //=> '1.27'
 */
export function parseExchangeRates(text: string, options: ParseExchangeRatesOptions = {}): ExchangeRate[] {
  const read = readerOptions(text, options, OPTION_KEYS);
  const keep = read.keepColumns ?? [];
  return read.format === 'json'
    ? readRates(jsonRows(read.body, keep))
    : readRates(csvRows(read.body, read.delimiter, keep));
}

interface RateRows {
  readonly count: number;
  readonly columns: Readonly<Record<RateField, string>>;
  readonly cell: (row: number, field: RateField) => unknown;
  readonly where: (row: number, field: RateField) => string;
  readonly rowNumber: (row: number) => number;
  /** Problems found before the rows were read (malformed CSV records), with their row numbers. */
  readonly earlier: readonly { row: number; error: MetricInputError }[];
}

function csvRows(text: string, chosen: CsvDelimiter | undefined, keep: readonly string[]): RateRows {
  const syntax: MetricInputError[] = [];
  const all = csvRecords(text, chosen ?? detectDelimiter(text), syntax);
  const records = all.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const [header, ...data] = records;
  if (header === undefined || syntax.some((error) => (error.path[1] as number) < header.row)) {
    if (syntax.length > 0) throw allIssues(syntax);
    const received = text.trim() === '' ? 'an empty text' : 'only blank rows';
    throw new MetricInputError({
      code: 'empty_input',
      path: [],
      expected: 'a header row naming the columns (currency, date, rate)',
      received,
      message: `the CSV has no header row (expected one naming the columns: currency, date, rate), received ${received}`,
    });
  }
  const names = header.fields;
  const earlier = syntax.map((error) => ({ row: error.path[1] as number, error }));
  const { columns, index } = rateColumns(names, `found: ${names.join(', ')}`, keep, 'column', earlier);
  return {
    count: data.length,
    columns,
    cell: (row, field) => data[row]!.fields[index[field]!] ?? '',
    where: (row, field) => `row ${data[row]!.row}, column ${columns[field]}`,
    rowNumber: (row) => data[row]!.row,
    earlier,
  };
}

function jsonRows(text: string, keep: readonly string[]): RateRows {
  const data = parseJsonText(text);
  const rows = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && !(data instanceof JsonNumber)
      ? (data as { rates?: unknown }).rates
      : undefined;
  if (!Array.isArray(rows)) {
    const received = describeValue(plainJson(data));
    throw new MetricInputError({
      code: 'invalid_type',
      path: [],
      expected: 'an array of exchange rates or an object with "rates"',
      received,
      message: `the JSON must hold an array of exchange rates or an object with "rates", received ${received}`,
    });
  }
  const kept: { index: number; row: Record<string, unknown> }[] = [];
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row) || row instanceof JsonNumber) {
      assertObject(plainJson(row), ['rates', index]);
    }
    if (!Object.values(row as object).every(isBlank))
      kept.push({ index, row: row as Record<string, unknown> });
  });
  const names = [...new Set(kept.flatMap(({ row }) => Object.keys(row)))];
  const { columns } = rateColumns(
    names,
    `fields found: ${names.join(', ') || 'none'}`,
    keep,
    'field',
    [],
    kept.length === 0,
  );
  return {
    count: kept.length,
    columns,
    cell: (row, field) => kept[row]!.row[columns[field]],
    where: (row, field) => `rates[${kept[row]!.index}].${columns[field]}`,
    rowNumber: (row) => kept[row]!.index,
    earlier: [],
  };
}

function rateColumns(
  names: readonly string[],
  found: string,
  keep: readonly string[],
  what: 'column' | 'field',
  earlier: readonly { row: number; error: MetricInputError }[],
  empty = false,
): { columns: Record<RateField, string>; index: Partial<Record<RateField, number>> } {
  const match = matchColumns(names, EXCHANGE_RATE_COLUMN_ALIASES, {}, keep, found, what);
  const issues = [...match.issues];
  const columns = { currency: '', date: '', rate: '' };
  for (const field of ['currency', 'date', 'rate'] as const) {
    const aliases = EXCHANGE_RATE_COLUMN_ALIASES[field];
    if (match.columns[field] === undefined && !empty && !issues.some((issue) => issue.path[1] === field)) {
      issues.push(
        new MetricInputError({
          code: 'missing_field',
          path: ['columns', field],
          expected: `a ${aliases.join(' / ')} ${what}`,
          received: found,
          message: `the header has no ${aliases.join(' / ')} ${what} (${found})`,
        }),
      );
    }
    columns[field] = match.columns[field] ?? field;
  }
  if (issues.length > 0) throw allIssues([...issues, ...earlier.map((entry) => entry.error)]);
  return { columns, index: match.index };
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
    const text = (field: RateField): string => check(field, () => cellText(rows.cell(row, field)) ?? '');
    const currency = check('currency', () => currencyCode(rows.cell(row, 'currency') ?? ''));
    const date = check('date', () => toCalendarDate(text('date'), []));
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
    return { currency, date, rate: value };
  };
  let row = 0;
  try {
    for (; row < rows.count; row += 1) rates.push(readRate(row));
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    const found = [...rows.earlier, { row: rows.rowNumber(row), error }];
    for (let later = row + 1; later < rows.count && found.length < MAX_INPUT_ISSUES * 2; later += 1) {
      try {
        readRate(later);
      } catch (laterError) {
        if (!(laterError instanceof MetricInputError)) throw laterError;
        found.push({ row: rows.rowNumber(later), error: laterError });
      }
    }
    throw allIssues(found.sort((a, b) => a.row - b.row).map((entry) => entry.error));
  }
  if (rows.earlier.length > 0) throw allIssues(rows.earlier.map((entry) => entry.error));
  return rates;
}
