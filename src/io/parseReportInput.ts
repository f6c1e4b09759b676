import { MetricInputError } from '../core/errors.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import { csvRecords } from './internal/csvRecords.js';
import { findColumns, isBlank, readRows, type Table } from './internal/readRows.js';
import type { SubscriptionField } from './subscriptionColumnAliases.js';
import type { ReportInput } from './types.js';

const OPTION_KEYS: ReadonlySet<string> = new Set(['format', 'segmentColumn']);

/**
 * The two text formats {@link parseReportInput} reads.
 *
 * @category Report
 */
export type ReportInputFormat = 'csv' | 'json';

/**
 * Options of {@link parseReportInput}.
 *
 * @category Report
 */
export interface ParseReportInputOptions {
  /**
   * Default: `'json'` when the text (after a byte order mark and white space) starts with `[` or `{`, else
   * `'csv'`.
   */
  readonly format?: ReportInputFormat;
  /**
   * The column (CSV header name, JSON field name) read into each row's `segment`, e.g. `'plan'` or
   * `'region'`; every row must then have one. Default: a `segment` column if there is one (blank cells: no
   * segment), else none.
   */
  readonly segmentColumn?: string;
}

/**
 * The result of {@link parseReportInput}: the report's input and how to name a row of the source in messages.
 *
 * @category Report
 */
export interface ParsedReportInput {
  readonly format: ReportInputFormat;
  /** Subscriptions with validated `'YYYY-MM-DD'` dates and MRR, and (JSON objects) the other parts as given. */
  readonly input: ReportInput & { readonly subscriptions: SubscriptionPeriod[] };
  /** Rows of only empty or white-space cells, left out (`,,,,` lines of a spreadsheet export). */
  readonly blankRowsSkipped: number;
  /**
   * Where each subscription came from: for CSV the row a spreadsheet shows it on (the header is row 1, blank
   * rows count), for JSON its index in the array.
   */
  readonly rowNumbers: readonly number[];
  /** The source's name of each field read (`mrr` → `monthly_amount`); for JSON, the field names found. */
  readonly columns: Readonly<Partial<Record<SubscriptionField, string>>>;
}

/**
 * Reads subscription periods from CSV or JSON text as people export them: a header row naming the columns
 * (`customer_id, subscription_id, start_date, end_date, mrr`, or the aliases of
 * {@link SUBSCRIPTION_COLUMN_ALIASES}), or a JSON array of such objects, or a JSON object shaped like the
 * built-in sample data (`{ subscriptions, npsResponses, … }`). A billing export's `amount` and `interval`
 * (`month`, `year`, `monthly`, `annual` …, with an optional `interval_count`) replace `mrr`: each row's MRR is
 * `normalizeToMrr({ amount, interval, intervalCount })`. A UTF-8 byte order mark is ignored; rows whose cells
 * are all empty or white space are skipped and counted (as `=CH_MRR_MOVEMENTS` skips blank rows); an empty
 * `end` means still active. An optional `currency` column (`currency_code`; codes in any case, `eur` → `EUR`) is
 * read into each row's `currency`, and the column named by `segmentColumn` (or a `segment` column) into its
 * `segment`, for `buildReport`'s `currency` and `segments` options. It takes text, so it needs neither Node nor
 * a file system.
 *
 * Formula: none; each row is validated (dates `'YYYY-MM-DD'`, MRR or amount a decimal >= 0).
 * Units: MRR in currency per month (from `amount` per `interval`).
 * Source: RFC 4180 for CSV; column names of the dbt MRR playbook; intervals as `normalizeToMrr`.
 * Edge cases: no rows gives no subscriptions; a missing column, both `mrr` and `amount` columns, `amount` without
 * `interval`, a bad cell, malformed CSV or JSON are MetricInputErrors whose message names the row and column
 * (`row 3, column mrr must be …`) and whose path is `['subscriptions', i, field]` (i: position among the
 * subscriptions read, see `rowNumbers`).
 *
 * @category Report
 * @example
 * const parsed = parseReportInput('\uFEFFcustomer_id,start_date,end_date,amount,interval\nacme,2024-01-01,,1200,year\n,,,,\n')
 * parsed.blankRowsSkipped
 * //=> 1
 * parsed.rowNumbers
 * //=> [2]
 * parsed.input.subscriptions[0].mrr.toString()
 * //=> '100'
 * parseReportInput('[{"customerId":"a","start":"2024-01-01","mrr":10}]').input.subscriptions[0].end
 * //=> null
 * parseReportInput('customer_id,start_date,mrr,currency,plan\nb,2024-01-01,90,eur,Growth\n', { segmentColumn: 'plan' })
 *   .input.subscriptions[0]
 * //=> { customerId: 'b', start: '2024-01-01', end: null, mrr: '90', currency: 'EUR', segment: 'Growth' }
 */
export function parseReportInput(text: string, options: ParseReportInputOptions = {}): ParsedReportInput {
  if (typeof text !== 'string') {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['text'],
      expected: 'the text of a CSV or JSON file',
      received: describeValue(text),
    });
  }
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const { segmentColumn } = options;
  if (segmentColumn !== undefined && (typeof segmentColumn !== 'string' || segmentColumn.trim() === '')) {
    throw new MetricInputError({
      code: 'invalid_option',
      path: ['options', 'segmentColumn'],
      expected: 'the name of a column',
      received: describeValue(segmentColumn),
    });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format =
    options.format === undefined
      ? /^\s*[[{]/.test(body)
        ? 'json'
        : 'csv'
      : oneOf(options.format, ['csv', 'json'] as const, ['options', 'format']);
  return format === 'json' ? parseJson(body, segmentColumn) : parseCsv(body, segmentColumn);
}

function parseCsv(text: string, segmentColumn: string | undefined): ParsedReportInput {
  const records = csvRecords(text);
  let blankRowsSkipped = 0;
  let headerAt = 0;
  while (headerAt < records.length && records[headerAt]!.fields.every((field) => field === '')) {
    blankRowsSkipped += 1;
    headerAt += 1;
  }
  const header = records[headerAt];
  const data: { row: number; fields: readonly string[] }[] = [];
  for (const record of records.slice(headerAt + 1)) {
    if (record.fields.every((field) => field.trim() === '')) blankRowsSkipped += 1;
    else data.push(record);
  }
  if (header === undefined) {
    return {
      format: 'csv',
      input: { subscriptions: [] },
      blankRowsSkipped,
      rowNumbers: [],
      columns: {},
    };
  }
  const names = header.fields;
  const columns = findColumns(names, `found: ${names.join(', ')}`, segmentColumn);
  const index = Object.fromEntries(
    Object.entries(columns).map(([field, name]) => [field, names.indexOf(name!)]),
  ) as Partial<Record<SubscriptionField, number>>;
  for (const record of data) {
    if (
      record.fields.length > names.length &&
      record.fields.slice(names.length).some((field) => field !== '')
    ) {
      throw new MetricInputError({
        code: 'length_mismatch',
        path: ['rows', record.row],
        expected: `at most ${names.length} cells (the header's)`,
        received: String(record.fields.length),
        message: `row ${record.row} has ${record.fields.length} cells, more than the header's ${names.length}`,
      });
    }
  }
  const table: Table = {
    columns,
    rows: data.length,
    cell: (row, field) => {
      const at = index[field];
      return at === undefined ? '' : (data[row]!.fields[at] ?? '');
    },
    where: (row, field) => `row ${data[row]!.row}, column ${columns[field] ?? field}`,
    rowNumber: (row) => data[row]!.row,
    segmentRequired: segmentColumn !== undefined,
  };
  const subscriptions = readRows(table);
  return {
    format: 'csv',
    input: { subscriptions },
    blankRowsSkipped,
    rowNumbers: data.map((record) => record.row),
    columns,
  };
}

function parseJson(text: string, segmentColumn: string | undefined): ParsedReportInput {
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
  const input = Array.isArray(data) ? { subscriptions: data } : data;
  if (
    typeof input !== 'object' ||
    input === null ||
    !Array.isArray((input as { subscriptions?: unknown }).subscriptions)
  ) {
    throw new MetricInputError({
      code: 'invalid_type',
      path: [],
      expected: 'an array of subscription periods or an object with "subscriptions"',
      received: describeValue(input),
      message: `the JSON must hold an array of subscription periods or an object with "subscriptions", received ${describeValue(input)}`,
    });
  }
  const rows = (input as { subscriptions: unknown[] }).subscriptions;
  const kept: { index: number; row: Record<string, unknown> }[] = [];
  let blankRowsSkipped = 0;
  rows.forEach((row, index) => {
    assertObject(row, ['subscriptions', index]);
    if (Object.values(row).every(isBlank)) blankRowsSkipped += 1;
    else kept.push({ index, row });
  });
  const names = [...new Set(kept.flatMap(({ row }) => Object.keys(row)))];
  const columns = findColumns(names, `fields found: ${names.join(', ') || 'none'}`, segmentColumn);
  const table: Table = {
    columns,
    rows: kept.length,
    cell: (row, field) => {
      const name = columns[field];
      return name === undefined ? undefined : kept[row]!.row[name];
    },
    where: (row, field) => `subscriptions[${kept[row]!.index}].${columns[field] ?? field}`,
    rowNumber: (row) => kept[row]!.index,
    segmentRequired: segmentColumn !== undefined,
  };
  const subscriptions = readRows(table);
  return {
    format: 'json',
    input: { ...(input as ReportInput), subscriptions },
    blankRowsSkipped,
    rowNumbers: kept.map(({ index }) => index),
    columns,
  };
}
