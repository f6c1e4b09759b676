import { MAX_INPUT_ISSUES, MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { withIssues } from '../../core/internal/rowIssues.js';
import { type BillingInterval, normalizeToMrr } from '../../core/normalizeToMrr.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import { SUBSCRIPTION_COLUMN_ALIASES, type SubscriptionField } from '../subscriptionColumnAliases.js';
import { type CellRules, cellRules, cellText, describeCell, readAmount, readDay } from './cellText.js';
import { matchColumns, normalizeColumnName } from './columnNames.js';

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
  /** Row → its cell for a field ('' or undefined when absent). */
  readonly cell: (row: number, field: SubscriptionField) => unknown;
  readonly rows: number;
  /** How a message names row `row`'s field, e.g. `row 3, column mrr` or `subscriptions[2].mrr`. */
  readonly where: (row: number, field: SubscriptionField) => string;
  readonly rowNumber: (row: number) => number;
  /** Whether every row must have a segment (a segment column was named): a blank one is then an error. */
  readonly segmentRequired?: boolean;
  /** Time zone, end convention and number format (default: UTC, exclusive, plain). */
  readonly rules?: CellRules;
}

/** What the caller said about the columns (the options of parseReportInput). @private */
export interface ColumnChoice {
  readonly segmentColumn?: string | undefined;
  readonly columns?: Readonly<Partial<Record<SubscriptionField, string>>> | undefined;
  readonly keepColumns?: readonly string[] | undefined;
}

/**
 * Which source name each field has (and its position in `names`): one name per field, and either mrr or
 * amount + interval. Every problem of the header (a missing column, a duplicate, a misspelt name) is collected
 * and thrown as one MetricInputError whose `issues` list them all. @private
 */
export function findColumns(
  names: readonly string[],
  found: string,
  choice: ColumnChoice = {},
  what: 'column' | 'field' = 'column',
  empty = false,
): {
  columns: Partial<Record<SubscriptionField, string>>;
  index: Partial<Record<SubscriptionField, number>>;
} {
  const chosen: Partial<Record<SubscriptionField, string>> = { ...choice.columns };
  if (choice.segmentColumn !== undefined) chosen.segment = choice.segmentColumn;
  const { columns, index, issues } = matchColumns(
    names,
    SUBSCRIPTION_COLUMN_ALIASES,
    chosen,
    choice.keepColumns ?? [],
    found,
    what,
  );
  const keep = new Set((choice.keepColumns ?? []).map(normalizeColumnName));
  const missing = (field: SubscriptionField, note = ''): void => {
    if (issues.some((issue) => issue.path[1] === field)) return;
    const aliases = SUBSCRIPTION_COLUMN_ALIASES[field].join(' / ');
    issues.push(
      new MetricInputError({
        code: 'missing_field',
        path: ['columns', field],
        expected: `a ${aliases} ${what}${note}`,
        received: found,
        message: `the header has no ${aliases} ${what}${note} (${found})`,
      }),
    );
  };
  if (empty) return { columns, index };
  for (const field of ['customerId', 'start'] as const) {
    if (columns[field] === undefined) missing(field);
  }
  const amountIssue = issues.some((issue) => ['mrr', 'amount', 'interval'].includes(issue.path[1] as string));
  const quantity = names.find((name) => normalizeColumnName(name) === 'quantity');
  if (columns.amount !== undefined && quantity !== undefined && !keep.has('quantity')) {
    const expected = `an mrr ${what}, or keepColumns: [${JSON.stringify(quantity)}] if each amount is already the total of its quantity`;
    issues.push(
      new MetricInputError({
        code: 'invalid_value',
        path: ['columns', 'amount'],
        expected,
        received: `a ${quantity} ${what}`,
        message: `the header has a ${quantity} ${what} beside ${columns.amount}: a billing export's amount is per unit, and this reader does not multiply it by the quantity; pass an mrr ${what}, or keepColumns: [${JSON.stringify(quantity)}] if each amount is already the total (${found})`,
      }),
    );
  }
  if (amountIssue) {
    // The mrr / amount columns are already wrong: a missing one would repeat it.
  } else if (columns.mrr !== undefined && columns.amount !== undefined) {
    const expected = `either an mrr ${what} or amount + interval ${what}s`;
    const received = `both ${columns.mrr} and ${columns.amount}`;
    issues.push(
      new MetricInputError({
        code: 'invalid_value',
        path: ['columns', 'mrr'],
        expected,
        received,
        message: `the header must have ${expected}, received ${received} (${found})`,
      }),
    );
  } else if (columns.mrr === undefined) {
    if (columns.amount === undefined) missing('mrr', ' (or amount + interval)');
    if (columns.interval === undefined) missing('interval', ' (the billing interval of amount)');
  }
  if (issues.length > 0) throw allIssues(issues);
  return { columns, index };
}

/** One MetricInputError for `errors` (at least one, in order), listing each in `issues`. @private */
export function allIssues(errors: readonly MetricInputError[]): MetricInputError {
  return errors.length === 1 ? errors[0]! : withIssues(errors[0]!, errors);
}

const DEFAULT_RULES = cellRules('UTC', 'exclusive', 'plain');

/**
 * The subscriptions of a table, each cell validated; a bad one is a MetricInputError naming its row and column.
 * `earlier` are problems found before (malformed CSV records), merged with the rows' by row number, so one
 * error lists every problem of the file (up to MAX_INPUT_ISSUES).
 * @private
 */
export function readRows(
  table: Table,
  earlier: readonly { row: number; error: MetricInputError }[] = [],
): SubscriptionPeriod[] {
  const subscriptions: SubscriptionPeriod[] = [];
  let row = 0;
  try {
    for (; row < table.rows; row += 1) subscriptions.push(readSubscriptionRow(table, row));
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    const found = [...earlier, { row: table.rowNumber(row), error }];
    for (let later = row + 1; later < table.rows && found.length < MAX_INPUT_ISSUES * 2; later += 1) {
      try {
        readSubscriptionRow(table, later);
      } catch (laterError) {
        if (!(laterError instanceof MetricInputError)) throw laterError;
        found.push({ row: table.rowNumber(later), error: laterError });
      }
    }
    throw allIssues(found.sort((a, b) => a.row - b.row).map((entry) => entry.error));
  }
  if (earlier.length > 0) throw allIssues(earlier.map((entry) => entry.error));
  return subscriptions;
}

/**
 * One subscription from row `row` of `table`, every cell validated as the in-memory reader does; the first bad
 * cell is a MetricInputError whose path is `['subscriptions', row, field]` and whose message names the cell by
 * `table.where` (`row 3, column mrr must be a number >= 0, received "-1"`). The one place that decides which
 * rows are accepted: another reader (the DuckDB engine) calls it with its own `Table` to accept and refuse the
 * same rows with the same messages.
 * @private
 */
export function readSubscriptionRow(table: Table, row: number): SubscriptionPeriod {
  const { columns } = table;
  const rules = table.rules ?? DEFAULT_RULES;
  const check = <T>(field: SubscriptionField, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      throw new MetricInputError({
        code: error.code,
        path: ['subscriptions', row, field],
        expected: error.expected,
        received: error.received,
        message: `${table.where(row, field)} must be ${error.expected}, received ${error.received}`,
      });
    }
  };
  const text = (field: SubscriptionField): string | undefined => {
    const value = table.cell(row, field);
    if (typeof value === 'string') {
      // The fast path: CSV cells are already trimmed text.
      const trimmed =
        value.length > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32
          ? value
          : value.trim();
      return trimmed === '' ? undefined : trimmed;
    }
    return check(field, () => cellText(value));
  };
  const customerId = check('customerId', () => identifier(text('customerId')));
  const subscriptionIdText = columns.subscriptionId === undefined ? undefined : text('subscriptionId');
  const start = check('start', () => readDay(text('start') ?? '', rules, false, columns.start));
  const endText = text('end');
  const end = endText === undefined ? null : check('end', () => readDay(endText, rules, true, columns.end));
  let mrr: SubscriptionPeriod['mrr'];
  if (columns.mrr !== undefined) {
    const value = text('mrr');
    mrr = check('mrr', () => readAmount(value ?? '', rules));
  } else {
    const amountText = text('amount');
    const amount = check('amount', () => readAmount(amountText ?? '', rules));
    const word = text('interval');
    const interval = check('interval', () => {
      const known = word === undefined ? undefined : INTERVAL_WORDS[word.toLowerCase()];
      if (known === undefined) {
        throw new MetricInputError({
          code: 'invalid_option',
          path: [],
          expected: `one of ${Object.keys(INTERVAL_WORDS).join(', ')}`,
          received: describeValue(word ?? ''),
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
            if (!/^\d+$/.test(countText) || !Number.isSafeInteger(count) || count < 1) {
              throw new MetricInputError({
                code: 'not_integer',
                path: [],
                expected: 'a whole number >= 1',
                received: describeValue(countText),
              });
            }
            return count;
          });
    mrr = check('amount', () => normalizeToMrr({ amount, interval, intervalCount }));
  }
  const currencyText = text('currency');
  const currency =
    currencyText === undefined
      ? undefined
      : check('currency', () => currencyCode(table.cell(row, 'currency')));
  let segment: string | undefined;
  if (columns.segment !== undefined) {
    const segmentText = text('segment');
    if (segmentText !== undefined) segment = segmentText;
    else if (table.segmentRequired === true) check('segment', () => identifier(undefined));
  }
  return {
    customerId,
    ...(subscriptionIdText === undefined ? {} : { subscriptionId: subscriptionIdText }),
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
      received: describeCell(value ?? ''),
    });
  }
  return code;
}

// An id is text: a cell's trimmed text, a JSON number's source text (9007199254740993 stays itself).
function identifier(value: string | undefined): string {
  if (value !== undefined) return value;
  throw new MetricInputError({
    code: 'invalid_type',
    path: [],
    expected: 'a non-empty text',
    received: '""',
  });
}

/** A cell with nothing in it: empty or white-space text, null or undefined (as `=CH_MRR_MOVEMENTS` reads cells). @private */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
