import { toCalendarDate } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { withLaterRowIssues } from '../../core/internal/rowIssues.js';
import { type BillingInterval, normalizeToMrr } from '../../core/normalizeToMrr.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import { SUBSCRIPTION_COLUMN_ALIASES, type SubscriptionField } from '../subscriptionColumnAliases.js';

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

/** Rows of a CSV or JSON source, as `readRows` reads them. @private */
export interface Table {
  /** Field → how the source names it. */
  readonly columns: Partial<Record<SubscriptionField, string>>;
  /** Row → its cell for a field ('' when absent). */
  readonly cell: (row: number, field: SubscriptionField) => unknown;
  readonly rows: number;
  /** How a message names row `row`'s field, e.g. `row 3, column mrr` or `subscriptions[2].mrr`. */
  readonly where: (row: number, field: SubscriptionField) => string;
  readonly rowNumber: (row: number) => number;
  /** Whether every row must have a segment (a segment column was named): a blank one is then an error. */
  readonly segmentRequired?: boolean;
}

/**
 * Which source name each field has; one name per field, and either mrr or amount + interval. @private
 */
export function findColumns(
  names: readonly string[],
  found: string,
  segmentColumn?: string,
): Partial<Record<SubscriptionField, string>> {
  const columns: Partial<Record<SubscriptionField, string>> = {};
  for (const [field, aliases] of Object.entries(SUBSCRIPTION_COLUMN_ALIASES) as [
    SubscriptionField,
    readonly string[],
  ][]) {
    if (field === 'segment' && segmentColumn !== undefined) {
      if (!names.includes(segmentColumn)) {
        throw new MetricInputError({
          code: 'missing_field',
          path: ['columns', 'segment'],
          expected: `a ${segmentColumn} column (the segment column named)`,
          received: found,
          message: `the header has no ${segmentColumn} column, the segment column named (${found})`,
        });
      }
      columns.segment = segmentColumn;
      continue;
    }
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

/**
 * The subscriptions of a table, each cell validated; a bad one is a MetricInputError naming its row and column.
 * @private
 */
export function readRows(table: Table): SubscriptionPeriod[] {
  const subscriptions: SubscriptionPeriod[] = [];
  let row = 0;
  try {
    for (; row < table.rows; row += 1) subscriptions.push(readRow(table, row));
  } catch (error) {
    // Every bad row at once (up to MAX_INPUT_ISSUES), so a file is cleaned in one pass.
    throw withLaterRowIssues(error, row, table.rows, (later) => readRow(table, later));
  }
  return subscriptions;
}

function readRow(table: Table, row: number): SubscriptionPeriod {
  const { columns } = table;
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
  const currencyText = text('currency');
  const currency =
    currencyText === undefined ? undefined : check('currency', () => currencyCode(currencyText));
  const segment =
    columns.segment === undefined
      ? undefined
      : isBlank(table.cell(row, 'segment'))
        ? table.segmentRequired === true
          ? check('segment', () => identifier(''))
          : undefined
        : check('segment', () => identifier(table.cell(row, 'segment')));
  return {
    customerId,
    ...(subscriptionId === undefined ? {} : { subscriptionId }),
    start,
    end,
    mrr,
    ...(currency === undefined ? {} : { currency }),
    ...(segment === undefined ? {} : { segment }),
  };
}

/**
 * An ISO 4217 code as billing exports write it: three letters, any case (Stripe writes `usd`), returned in
 * capitals. @private
 */
export function currencyCode(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  if (code === undefined || !/^[A-Z]{3}$/.test(code)) {
    throw new MetricInputError({
      code: 'invalid_value',
      path: [],
      expected: 'an ISO 4217 currency code (three letters, e.g. USD)',
      received: describeValue(value ?? ''),
    });
  }
  return code;
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

/** A cell with nothing in it: empty or white-space text, null or undefined (as `=CH_MRR_MOVEMENTS` reads cells). @private */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
