import { MetricInputError } from '../core/errors.js';
import { assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import type { MetricInputIssue } from '../core/types.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import { type CsvDelimiter, csvRecords, detectDelimiter } from './internal/csvRecords.js';
import { JsonNumber, parseJsonText, plainJson } from './internal/jsonText.js';
import { type ReaderOptions, readerOptions } from './internal/readerOptions.js';
import { allIssues, findColumns, isBlank, readRows, type Table } from './internal/readRows.js';
import { assertReportKeys } from './internal/reportKeys.js';
import type { SubscriptionField } from './subscriptionColumnAliases.js';
import type { ReportInput } from './types.js';

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
  /**
   * The header name of a field the aliases do not cover, e.g. `{ subscriptionId: 'id', start: 'Created (UTC)' }`
   * (compared ignoring case, spaces and underscores). A named column the header lacks is an error. Fields:
   * `customerId`, `subscriptionId`, `start`, `end`, `mrr`, `amount`, `interval`, `intervalCount`, `currency`,
   * `segment` (the same as `segmentColumn`). Default: `SUBSCRIPTION_COLUMN_ALIASES`.
   */
  readonly columns?: Readonly<Partial<Record<SubscriptionField, string>>>;
  /**
   * Columns that are data and not misspellings: a column within two edits of a known name (`ned`, `end_dat`,
   * `curency`) is otherwise an error naming the column it resembles, since a misspelt column would silently be
   * left out. Default: none.
   */
  readonly keepColumns?: readonly string[];
  /**
   * The CSV field separator. Default: of `,`, `;` and tab, the one found most often outside quotes on the
   * header line (a comma on a tie or when none is).
   */
  readonly delimiter?: ',' | ';' | '\t';
  /**
   * The IANA time zone a date-time cell (`2024-02-05T23:30:00-05:00`) is read in: its calendar day there is the
   * row's day; a date-time without an offset is a local time of this zone. Plain `'YYYY-MM-DD'` dates are read
   * as written. Default: `'UTC'` (never the machine's zone).
   */
  readonly timeZone?: string;
  /**
   * What an end date means: `'exclusive'` (the first day without the subscription, this library's convention)
   * or `'inclusive'` (the export's end is the last paid day, so the day after it is read). Default:
   * `'exclusive'`.
   */
  readonly endConvention?: 'exclusive' | 'inclusive';
  /**
   * How amounts (`mrr`, `amount`) are written: `'plain'` (`1200.5`; a formatted amount is refused with a hint),
   * `'1,234.56'` or `'1.234,56'` (one currency sign or ISO code before or after is dropped; thousands must be in
   * groups of three, so `1,20.00` is refused). Default: `'plain'`.
   */
  readonly numberFormat?: 'plain' | '1,234.56' | '1.234,56';
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
 * {@link SUBSCRIPTION_COLUMN_ALIASES}, compared ignoring case, spaces and underscores, or the names given in
 * `columns`), or a JSON array of such objects, or a JSON object shaped like the built-in sample data
 * (`{ subscriptions, npsResponses, … }`). A billing export's `amount` and `interval` (`month`, `year`, `monthly`,
 * `annual` …, with an optional `interval_count`) replace `mrr`: each row's MRR is
 * `normalizeToMrr({ amount, interval, intervalCount })`. A UTF-8 byte order mark is ignored; the CSV delimiter
 * (`,`, `;` or tab) is found from the header; rows whose cells are all empty or white space are skipped and
 * counted (as `=CH_MRR_MOVEMENTS` skips blank rows); an empty `end` means still active. An optional `currency`
 * column (`currency_code`; codes in any case, `eur` → `EUR`) is read into each row's `currency`, and the column
 * named by `segmentColumn` (or a `segment` column) into its `segment`, for `buildReport`'s `currency` and
 * `segments` options. JSON numbers are read as their source text (an id `9007199254740993` stays itself, MRR
 * `100.00000000000000001` is not rounded). It takes text, so it needs neither Node nor a file system.
 *
 * Formula: none; each row is validated (dates `'YYYY-MM-DD'` or ISO 8601 date-times read in `timeZone`, MRR or
 * amount a decimal >= 0 written as `numberFormat` says).
 * Units: MRR in currency per month (from `amount` per `interval`).
 * Source: RFC 4180 for CSV, RFC 8259 for JSON; column names of the dbt MRR playbook and Stripe's subscription
 * fields and export; intervals as `normalizeToMrr`.
 * Edge cases: an empty text or one of only blank rows (no header) is an error, a header without rows gives no
 * subscriptions; missing, duplicate or misspelt-looking columns (`ned`, `curency`: within two edits of a known
 * name and not in `keepColumns`), both `mrr` and `amount` columns, `amount` without `interval` or beside a
 * `quantity` column, a bad cell, malformed CSV or JSON are MetricInputErrors. Every problem is reported at once
 * (up to MAX_INPUT_ISSUES, in `issues`): CSV messages name the spreadsheet row and column
 * (`row 3, column mrr must be …`), JSON ones the index (`subscriptions[2].mrr must be …`); a cell's path is
 * `['subscriptions', i, field]` (i: position among the subscriptions read, see `rowNumbers`), a malformed CSV
 * record's `['rows', row]`, a header problem's `['columns', field]`.
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
  const read = readerOptions(text, options);
  return read.format === 'json' ? parseJson(read.body, read) : parseCsv(read.body, read);
}

function parseCsv(text: string, options: ReaderOptions): ParsedReportInput {
  const delimiter: CsvDelimiter = options.delimiter ?? detectDelimiter(text);
  const syntax: MetricInputError[] = [];
  const records = csvRecords(text, delimiter, syntax);
  const syntaxAt = syntax.map((error) => ({ row: error.path[1] as number, error }));
  let blankRowsSkipped = 0;
  let headerAt = 0;
  while (headerAt < records.length && records[headerAt]!.fields.every((field) => field === '')) {
    blankRowsSkipped += 1;
    headerAt += 1;
  }
  const header = records[headerAt];
  if (header === undefined || syntaxAt.some(({ row }) => row < header.row)) {
    if (syntax.length > 0) throw allIssues(syntax);
    throw new MetricInputError({
      code: 'empty_input',
      path: [],
      expected: 'a header row naming the columns (customer_id, start_date, mrr …)',
      received: text.trim() === '' ? 'an empty text' : 'only blank rows',
      message: `the CSV has no header row (expected one naming the columns: customer_id, start_date, mrr …), received ${text.trim() === '' ? 'an empty text' : 'only blank rows'}`,
    });
  }
  const data: { row: number; fields: readonly string[] }[] = [];
  const names = header.fields;
  const earlier = syntaxAt;
  for (let at = headerAt + 1; at < records.length; at += 1) {
    const record = records[at]!;
    if (record.fields.every((field) => field.trim() === '')) {
      blankRowsSkipped += 1;
    } else if (
      record.fields.length > names.length &&
      record.fields.slice(names.length).some((field) => field !== '')
    ) {
      earlier.push({
        row: record.row,
        error: new MetricInputError({
          code: 'length_mismatch',
          path: ['rows', record.row],
          expected: `at most ${names.length} cells (the header's)`,
          received: String(record.fields.length),
          message: `row ${record.row} has ${record.fields.length} cells, more than the header's ${names.length}`,
        }),
      });
    } else {
      data.push(record);
    }
  }
  earlier.sort((a, b) => a.row - b.row);
  let found: ReturnType<typeof findColumns>;
  try {
    found = findColumns(names, `found: ${names.join(', ')}`, options);
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    throw allIssues([...error.issues.map(asError), ...earlier.map((entry) => entry.error)]);
  }
  const { columns, index } = found;
  const table: Table = {
    columns,
    rows: data.length,
    cell: (row, field) => {
      const at = index[field];
      return at === undefined ? '' : (data[row]!.fields[at] ?? '');
    },
    where: (row, field) => `row ${data[row]!.row}, column ${columns[field] ?? field}`,
    rowNumber: (row) => data[row]!.row,
    segmentRequired: columns.segment !== undefined && options.segmentNamed,
    rules: options.rules,
  };
  const subscriptions = readRows(table, earlier);
  return {
    format: 'csv',
    input: { subscriptions },
    blankRowsSkipped,
    rowNumbers: data.map((record) => record.row),
    columns,
  };
}

function parseJson(text: string, options: ReaderOptions): ParsedReportInput {
  const data = parseJsonText(text);
  const input = Array.isArray(data) ? { subscriptions: data } : data;
  // A misspelt part (`npsResponse`, `subscripions`) is refused by name, not read as a missing part.
  if (typeof input === 'object' && input !== null && !(input instanceof JsonNumber)) assertReportKeys(input);
  if (
    typeof input !== 'object' ||
    input === null ||
    !Array.isArray((input as { subscriptions?: unknown }).subscriptions)
  ) {
    const received = describeValue(plainJson(input));
    throw new MetricInputError({
      code: 'invalid_type',
      path: [],
      expected: 'an array of subscription periods or an object with "subscriptions"',
      received,
      message: `the JSON must hold an array of subscription periods or an object with "subscriptions", received ${received}`,
    });
  }
  const rows = (input as { subscriptions: unknown[] }).subscriptions;
  const kept: { index: number; row: Record<string, unknown> }[] = [];
  let blankRowsSkipped = 0;
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row) || row instanceof JsonNumber) {
      assertObject(plainJson(row), ['subscriptions', index]);
    }
    if (Object.values(row as object).every(isBlank)) blankRowsSkipped += 1;
    else kept.push({ index, row: row as Record<string, unknown> });
  });
  const names = [...new Set(kept.flatMap(({ row }) => Object.keys(row)))];
  const { columns } = findColumns(
    names,
    `fields found: ${names.join(', ') || 'none'}`,
    options,
    'field',
    kept.length === 0,
  );
  const table: Table = {
    columns,
    rows: kept.length,
    cell: (row, field) => {
      const name = columns[field];
      return name === undefined ? undefined : kept[row]!.row[name];
    },
    where: (row, field) => `subscriptions[${kept[row]!.index}].${columns[field] ?? field}`,
    rowNumber: (row) => kept[row]!.index,
    segmentRequired: columns.segment !== undefined && options.segmentNamed,
    rules: options.rules,
  };
  const subscriptions = readRows(table);
  const rest: Record<string, unknown> = {};
  if (!Array.isArray(data)) {
    for (const key of Object.keys(input)) {
      if (key === 'subscriptions' || key === '__proto__') continue;
      rest[key] = plainJson((input as Record<string, unknown>)[key]);
    }
  }
  return {
    format: 'json',
    input: { ...(rest as ReportInput), subscriptions },
    blankRowsSkipped,
    rowNumbers: kept.map(({ index }) => index),
    columns,
  };
}

// An issue of an error as an error of its own (to merge issues of several errors into one).
function asError(issue: MetricInputIssue): MetricInputError {
  return issue instanceof MetricInputError ? issue : new MetricInputError(issue);
}
