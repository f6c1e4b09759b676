import { toCalendarDate } from '../core/calendarDate.js';
import { describeValue, type InputPath, MetricInputError } from '../core/errors.js';
import { type BillingInterval, normalizeToMrr } from '../core/normalizeToMrr.js';
import { toDecimal } from '../core/numeric.js';
import { assertObject, oneOf } from '../core/options.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import { csvRecords } from './internal/csvRecords.js';
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

/** @private */
export type SubscriptionField = keyof SubscriptionPeriod | 'amount' | 'interval' | 'intervalCount';

/**
 * Header names accepted for each field, ours first: camelCase, snake_case and the dbt MRR playbook's. A billing
 * export's `amount` + `interval` (+ `interval_count`) stand in for `mrr`.
 *
 * @category Report
 * @example
 * SUBSCRIPTION_COLUMN_ALIASES.mrr
 * //=> ['mrr', 'monthly_amount', 'monthlyAmount']
 */
export const SUBSCRIPTION_COLUMN_ALIASES: Readonly<Record<SubscriptionField, readonly string[]>> = {
  customerId: ['customerId', 'customer_id'],
  subscriptionId: ['subscriptionId', 'subscription_id'],
  start: ['start', 'start_date', 'startDate'],
  end: ['end', 'end_date', 'endDate'],
  mrr: ['mrr', 'monthly_amount', 'monthlyAmount'],
  amount: ['amount'],
  interval: ['interval', 'billing_interval', 'billingInterval'],
  intervalCount: ['intervalCount', 'interval_count'],
};

// Interval words of billing exports, read as normalizeToMrr's intervals.
const INTERVAL_WORDS: Readonly<Record<string, BillingInterval>> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
};

/**
 * Reads subscription periods from CSV or JSON text as people export them: a header row naming the columns
 * (`customer_id, subscription_id, start_date, end_date, mrr`, or the aliases of
 * {@link SUBSCRIPTION_COLUMN_ALIASES}), or a JSON array of such objects, or a JSON object shaped like the
 * built-in sample data (`{ subscriptions, npsResponses, … }`). A billing export's `amount` and `interval`
 * (`month`, `year`, `monthly`, `annual` …, with an optional `interval_count`) replace `mrr`: each row's MRR is
 * `normalizeToMrr({ amount, interval, intervalCount })`. A UTF-8 byte order mark is ignored; rows whose cells
 * are all empty or white space are skipped and counted (as `=CH_MRR_MOVEMENTS` skips blank rows); an empty
 * `end` means still active. It takes text, so it needs neither Node nor a file system.
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format =
    options.format === undefined
      ? /^\s*[[{]/.test(body)
        ? 'json'
        : 'csv'
      : oneOf(options.format, ['csv', 'json'] as const, ['options', 'format']);
  return format === 'json' ? parseJson(body) : parseCsv(body);
}

interface Table {
  /** Field → how the source names it. */
  readonly columns: Partial<Record<SubscriptionField, string>>;
  /** Row → its cell for a field ('' when absent). */
  readonly cell: (row: number, field: SubscriptionField) => unknown;
  readonly rows: number;
  /** How a message names row `row`'s field, e.g. `row 3, column mrr` or `subscriptions[2].mrr`. */
  readonly where: (row: number, field: SubscriptionField) => string;
  readonly rowNumber: (row: number) => number;
}

function parseCsv(text: string): ParsedReportInput {
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
  const columns = findColumns(names, `found: ${names.join(', ')}`);
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

function parseJson(text: string): ParsedReportInput {
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
  const columns = findColumns(names, `fields found: ${names.join(', ') || 'none'}`);
  const table: Table = {
    columns,
    rows: kept.length,
    cell: (row, field) => {
      const name = columns[field];
      return name === undefined ? undefined : kept[row]!.row[name];
    },
    where: (row, field) => `subscriptions[${kept[row]!.index}].${columns[field] ?? field}`,
    rowNumber: (row) => kept[row]!.index,
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

// Which source name each field has; one name per field, and either mrr or amount + interval.
function findColumns(names: readonly string[], found: string): Partial<Record<SubscriptionField, string>> {
  const columns: Partial<Record<SubscriptionField, string>> = {};
  for (const [field, aliases] of Object.entries(SUBSCRIPTION_COLUMN_ALIASES) as [
    SubscriptionField,
    readonly string[],
  ][]) {
    const present = aliases.filter((alias) => names.includes(alias));
    if (present.length > 1) {
      columnError(field, `one ${aliases.join(' / ')} column`, `both ${present.join(' and ')}`, found);
    }
    if (present.length === 1) columns[field] = present[0]!;
  }
  for (const field of ['customerId', 'start'] as const) {
    if (columns[field] === undefined) missingColumn(field, found);
  }
  if (columns.mrr !== undefined && columns.amount !== undefined) {
    columnError(
      'mrr',
      'either an mrr column or amount + interval columns',
      `both ${columns.mrr} and ${columns.amount}`,
      found,
    );
  }
  if (columns.mrr === undefined) {
    if (columns.amount === undefined) missingColumn('mrr', found, ' (or amount + interval)');
    if (columns.interval === undefined) missingColumn('interval', found, ' (the billing interval of amount)');
  }
  return columns;
}

function missingColumn(field: SubscriptionField, found: string, note = ''): never {
  const names = SUBSCRIPTION_COLUMN_ALIASES[field].join(' / ');
  throw new MetricInputError({
    code: 'missing_field',
    path: ['columns', field],
    expected: `a ${names} column${note}`,
    received: found,
    message: `the header has no ${names} column${note} (${found})`,
  });
}

function columnError(field: SubscriptionField, expected: string, received: string, found: string): never {
  throw new MetricInputError({
    code: 'invalid_value',
    path: ['columns', field],
    expected,
    received,
    message: `the header must have ${expected}, received ${received} (${found})`,
  });
}

function readRows(table: Table): SubscriptionPeriod[] {
  const { columns } = table;
  const subscriptions: SubscriptionPeriod[] = [];
  for (let row = 0; row < table.rows; row += 1) {
    const at = (field: SubscriptionField): InputPath => ['subscriptions', row, field];
    const check = <T>(field: SubscriptionField, read: () => T): T => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof MetricInputError)) throw error;
        throw new MetricInputError({
          code: error.code,
          path: at(field),
          expected: error.expected,
          received: error.received,
          message: `${table.where(row, field)} must be ${error.expected}, received ${error.received}`,
        });
      }
    };
    const text = (field: SubscriptionField): string | undefined => {
      const value = table.cell(row, field);
      if (isBlank(value)) return undefined;
      return typeof value === 'string' ? value.trim() : (value as string);
    };
    const customerId = check('customerId', () => identifier(table.cell(row, 'customerId')));
    const subscriptionId = isBlank(table.cell(row, 'subscriptionId'))
      ? undefined
      : check('subscriptionId', () => identifier(table.cell(row, 'subscriptionId')));
    const start = check('start', () => toCalendarDate(text('start') ?? '', []));
    const endText = text('end');
    const end = endText === undefined ? null : check('end', () => toCalendarDate(endText, []));
    let mrr: SubscriptionPeriod['mrr'];
    if (columns.mrr !== undefined) {
      const value = text('mrr');
      check('mrr', () => toDecimal(value ?? '', [], 'nonNegative'));
      mrr = value as SubscriptionPeriod['mrr'];
    } else {
      const amount = text('amount');
      check('amount', () => toDecimal(amount ?? '', [], 'nonNegative'));
      const word = text('interval');
      const interval = check('interval', () => {
        const known = typeof word === 'string' ? INTERVAL_WORDS[word.toLowerCase()] : undefined;
        if (known === undefined) {
          throw new MetricInputError({
            code: 'invalid_option',
            path: [],
            expected: `one of ${Object.keys(INTERVAL_WORDS).join(', ')}`,
            received: describeValue(table.cell(row, 'interval') ?? ''),
          });
        }
        return known;
      });
      const countText = text('intervalCount');
      const intervalCount =
        countText === undefined
          ? 1
          : check('intervalCount', () => {
              const count = Number(countText);
              if (!/^\s*\d+\s*$/.test(String(countText)) || !Number.isSafeInteger(count) || count < 1) {
                throw new MetricInputError({
                  code: 'not_integer',
                  path: [],
                  expected: 'a whole number >= 1',
                  received: describeValue(countText),
                });
              }
              return count;
            });
      mrr = check('amount', () => normalizeToMrr({ amount: amount as string, interval, intervalCount }));
    }
    subscriptions.push({
      customerId,
      ...(subscriptionId === undefined ? {} : { subscriptionId }),
      start,
      end,
      mrr,
    });
  }
  return subscriptions;
}

// An id is text; a number (a JSON 1001, as a spreadsheet's numeric cell) is the same id as the text '1001'.
function identifier(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new MetricInputError({
    code: 'invalid_type',
    path: [],
    expected: 'a non-empty text',
    received: describeValue(value ?? ''),
  });
}

// A cell with nothing in it: empty or white-space text, null or undefined (as `=CH_MRR_MOVEMENTS` reads cells).
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
