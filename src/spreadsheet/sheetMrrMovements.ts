import {
  fromDayNumber,
  type Granularity,
  mrrMovements,
  type Numeric,
  type SubscriptionPeriod,
  toDayNumber,
} from '../index.js';
import {
  type DateOutput,
  isBlank,
  type RangeRow,
  rangeRows,
  rangeWidth,
  readDateCell,
  scalarArgument,
  toCellNumber,
  toSpreadsheetError,
  writeDateCell,
} from './cellValues.js';
import { SpreadsheetError } from './spreadsheetError.js';

/**
 * The columns `=CH_MRR_MOVEMENTS` reads, in order.
 *
 * @category Spreadsheet
 */
export const MRR_MOVEMENTS_INPUT_COLUMNS = ['customer_id', 'subscription_id', 'start', 'end', 'mrr'] as const;

/**
 * The header row `=CH_MRR_MOVEMENTS` returns above its period rows.
 *
 * @category Spreadsheet
 */
export const MRR_MOVEMENTS_HEADER = [
  'period_start',
  'period_end',
  'starting_mrr',
  'new_mrr',
  'expansion_mrr',
  'contraction_mrr',
  'churned_mrr',
  'reactivation_mrr',
  'ending_mrr',
  'starting_customers',
  'new_customers',
  'expanded_customers',
  'contracted_customers',
  'churned_customers',
  'reactivated_customers',
  'ending_customers',
] as const;

const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  customerId: 'customer_id',
  subscriptionId: 'subscription_id',
  start: 'start',
  end: 'end',
  mrr: 'mrr',
};

/**
 * `=CH_MRR_MOVEMENTS(range, [granularity])`: the MRR movements table of subscription rows, as a 2-D array with a
 * header row that spills (`MRR_MOVEMENTS_HEADER`), one row per period.
 *
 * The range has the columns customer_id, subscription_id (may be blank), start, end (blank: still active) and
 * mrr; further columns are ignored, blank rows are skipped, and a first row whose mrr cell reads `mrr` is taken
 * as a header. Dates are date cells (read by the calendar day the sheet shows), `'YYYY-MM-DD'` text or serial
 * day numbers. `dates` says how the result writes dates; the Sheets glue passes `'date'`, the Excel glue
 * `'serial'`.
 * Formula: `mrrMovements` (end-of-period snapshots; docs/revenue-movements.md); period_end is the period's last
 * day (inclusive), the day before the library's exclusive `end`.
 * Units: MRR as the nearest doubles to the exact sums; customers as counts.
 * Source: the dbt MRR playbook and ChartMogul's movement types via `mrrMovements`.
 * Edge cases: no rows (or only blank ones) gives the header alone; a range narrower than 5 columns, a blank customer_id, start or mrr,
 * text where a number or date belongs, an end before its start and overlapping periods of one subscription are
 * errors naming the row of the range ("row 3 of the range: mrr must be …"); granularity is day, week, month
 * (default), quarter or year.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_MRR_MOVEMENTS` in Google Sheets and `=CH.MRR_MOVEMENTS` in Excel.
 */
export function sheetMrrMovements(
  range: unknown,
  granularity?: unknown,
  dates: DateOutput = 'date',
): (string | number | Date)[][] {
  const width = rangeWidth(range);
  const rows = rangeRows(range);
  if (rows.length > 0 && width < MRR_MOVEMENTS_INPUT_COLUMNS.length) {
    throw new SpreadsheetError(
      `the range must have 5 columns (${MRR_MOVEMENTS_INPUT_COLUMNS.join(', ')}), received ${width}`,
    );
  }
  if (rows[0]?.row === 1 && String(rows[0].cells[4]).trim().toLowerCase() === 'mrr') rows.shift();
  const periods = rows.map(toPeriod);
  const unit = scalarArgument(granularity, 'granularity');
  const options = unit === undefined ? {} : { granularity: normalizeWord(unit) as Granularity };
  let table: ReturnType<typeof mrrMovements>;
  try {
    table = mrrMovements(periods, options);
  } catch (error) {
    throw toSpreadsheetError(error, (failure) => {
      const [root, index, field] = failure.path;
      // The only option a sheet passes is its granularity argument: name the argument, not the options object.
      if (root === 'options') {
        return `${String(index)} must be ${failure.expected}, received ${failure.received}`;
      }
      if (root !== 'subscriptions' || typeof index !== 'number') return failure.message;
      const column = COLUMN_OF_FIELD[String(field)] ?? String(field);
      return `row ${rows[index]!.row} of the range: ${column} must be ${failure.expected}, received ${failure.received}`;
    });
  }
  const body = table.periods.map((period) => [
    writeDateCell(period.start, dates),
    writeDateCell(fromDayNumber(toDayNumber(period.end) - 1), dates),
    toCellNumber(period.startingMrr),
    toCellNumber(period.newMrr),
    toCellNumber(period.expansionMrr),
    toCellNumber(period.contractionMrr),
    toCellNumber(period.churnedMrr),
    toCellNumber(period.reactivationMrr),
    toCellNumber(period.endingMrr),
    period.startingCustomers,
    period.newCustomers,
    period.expandedCustomers,
    period.contractedCustomers,
    period.churnedCustomers,
    period.reactivatedCustomers,
    period.endingCustomers,
  ]);
  return [[...MRR_MOVEMENTS_HEADER], ...body];
}

function toPeriod({ row, cells }: RangeRow): SubscriptionPeriod {
  const where = `row ${row} of the range`;
  const [customer, subscription, start, end, mrr] = cells;
  for (const [value, column] of [
    [customer, 'customer_id'],
    [start, 'start'],
    [mrr, 'mrr'],
  ] as const) {
    if (isBlank(value)) throw new SpreadsheetError(`${where}: ${column} is blank`);
  }
  try {
    return {
      customerId: identifier(customer) as string,
      ...(isBlank(subscription) ? {} : { subscriptionId: identifier(subscription) as string }),
      start: readDateCell(start, 'start') as string,
      end: isBlank(end) ? null : (readDateCell(end, 'end') as string),
      mrr: mrr as Numeric,
    };
  } catch (error) {
    throw new SpreadsheetError(`${where}: ${(error as Error).message}`);
  }
}

// Ids are text; a number typed as an id (1001) is the same id as the text '1001'.
function identifier(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.trim() : value;
}

function normalizeWord(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}
