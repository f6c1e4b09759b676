import {
  type CurrencyOptions,
  type ExchangeRate,
  fromDayNumber,
  type Granularity,
  type MrrMovementsOptions,
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
 * The columns `=CH_MRR_MOVEMENTS` reads, in order (frozen).
 *
 * @category Spreadsheet
 * @private Not exported by the spreadsheet index: read by `sheetMrrMovements` and the tests.
 */
export const MRR_MOVEMENTS_INPUT_COLUMNS = /* @__PURE__ */ Object.freeze([
  'customer_id',
  'subscription_id',
  'start',
  'end',
  'mrr',
] as const);

/**
 * The header row `=CH_MRR_MOVEMENTS` returns above its period rows (frozen).
 *
 * @category Spreadsheet
 * @private Not exported by the spreadsheet index: read by `sheetMrrMovements` and the tests.
 */
export const MRR_MOVEMENTS_HEADER = /* @__PURE__ */ Object.freeze([
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
] as const);

/**
 * The column `=CH_MRR_MOVEMENTS` appends to its result when it converts currencies: the revaluation of each
 * period's starting MRR at the period's rates (0 under `periodStart`).
 *
 * @category Spreadsheet
 */
export const FX_IMPACT_COLUMN = 'fx_impact_mrr';

const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  customerId: 'customer_id',
  subscriptionId: 'subscription_id',
  start: 'start',
  end: 'end',
  mrr: 'mrr',
  currency: 'currency',
};

/**
 * `=CH_MRR_MOVEMENTS(range, [granularity], [rates], [reportingCurrency], [rateDate])`: the MRR movements table of
 * subscription rows, as a 2-D array with a header row that spills (`MRR_MOVEMENTS_HEADER`), one row per period.
 *
 * With a `rates` range (columns currency, date, rate; a first row whose rate cell reads `rate` is a header) and
 * `reportingCurrency` (e.g. `USD`), a sixth column of the subscriptions range is each row's currency (blank: the
 * reporting currency) and the table is in the reporting currency (the `currency` option of `mrrMovements`;
 * `rateDate` `periodStart`, the default, or `snapshot`), with a last column `fx_impact_mrr`. Without `rates` a
 * sixth column is ignored as before.
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
  rates?: unknown,
  reportingCurrency?: unknown,
  rateDate?: unknown,
): (string | number | Date)[][] {
  const currency = currencyArguments(rates, reportingCurrency, rateDate);
  const width = rangeWidth(range);
  const rows = rangeRows(range);
  if (rows.length > 0 && width < MRR_MOVEMENTS_INPUT_COLUMNS.length) {
    throw new SpreadsheetError(
      `the range must have 5 columns (${MRR_MOVEMENTS_INPUT_COLUMNS.join(', ')}), received ${width}`,
    );
  }
  if (rows[0]?.row === 1 && String(rows[0].cells[4]).trim().toLowerCase() === 'mrr') rows.shift();
  const periods = rows.map((row) => toPeriod(row, currency !== undefined));
  const unit = scalarArgument(granularity, 'granularity');
  const options: MrrMovementsOptions = {
    ...(unit === undefined ? {} : { granularity: normalizeWord(unit) as Granularity }),
    ...(currency === undefined ? {} : { currency: currency.options }),
  };
  let table: ReturnType<typeof mrrMovements>;
  try {
    table = mrrMovements(periods, options);
  } catch (error) {
    throw toSpreadsheetError(error, (failure) => {
      const [root, index, field] = failure.path;
      // Name the sheet's argument, not the options object: a rate by its row of the rates range.
      if (root === 'options' && index === 'currency') {
        const [, , key, at, rateField] = failure.path;
        if (key === 'rates' && typeof at === 'number') {
          return `row ${currency!.rows[at]} of the rates range: ${String(rateField ?? 'rate')} must be ${failure.expected}, received ${failure.received}`;
        }
        return `${key === 'reporting' ? 'reportingCurrency' : String(key ?? 'rates')} must be ${failure.expected}, received ${failure.received}`;
      }
      if (root === 'options') {
        return `${String(index)} must be ${failure.expected}, received ${failure.received}`;
      }
      if (failure.code === 'missing_exchange_rate') {
        return `row ${rows[Number(index)]!.row} of the range: ${failure.message}`;
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
    ...(currency === undefined ? [] : [toCellNumber(period.fxImpactMrr)]),
  ]);
  const header: string[] = [...MRR_MOVEMENTS_HEADER, ...(currency === undefined ? [] : [FX_IMPACT_COLUMN])];
  return [header, ...body];
}

// The rates range and reporting currency as the `currency` option, and each rate's row of the range.
function currencyArguments(
  rates: unknown,
  reportingCurrency: unknown,
  rateDate: unknown,
): { options: CurrencyOptions; rows: number[] } | undefined {
  const reporting = scalarArgument(reportingCurrency, 'reportingCurrency');
  const date = scalarArgument(rateDate, 'rateDate');
  const rateRows = isBlank(rates) ? [] : rangeRows(rates);
  if (rateRows.length === 0) {
    if (reporting !== undefined || date !== undefined) {
      throw new SpreadsheetError('reportingCurrency and rateDate need a rates range (currency, date, rate)');
    }
    return undefined;
  }
  if (reporting === undefined) {
    throw new SpreadsheetError(
      'reportingCurrency is blank: the currency the rates convert into (e.g. USD) is required',
    );
  }
  if (rateRows[0]!.row === 1 && String(rateRows[0]!.cells[2]).trim().toLowerCase() === 'rate')
    rateRows.shift();
  const list: ExchangeRate[] = rateRows.map(({ row, cells }) => {
    const [code, day, rate] = cells;
    for (const [value, column] of [
      [code, 'currency'],
      [day, 'date'],
      [rate, 'rate'],
    ] as const) {
      if (isBlank(value)) throw new SpreadsheetError(`row ${row} of the rates range: ${column} is blank`);
    }
    try {
      return {
        currency: normalizeCode(code) as string,
        date: readDateCell(day, 'date') as string,
        rate: rate as Numeric,
      };
    } catch (error) {
      throw new SpreadsheetError(`row ${row} of the rates range: ${(error as Error).message}`);
    }
  });
  return {
    options: {
      reporting: normalizeCode(reporting) as string,
      rates: list,
      ...(date === undefined
        ? {}
        : { rateDate: (typeof date === 'string' ? date.trim() : date) as 'periodStart' }),
    },
    rows: rateRows.map(({ row }) => row),
  };
}

function toPeriod({ row, cells }: RangeRow, withCurrency: boolean): SubscriptionPeriod {
  const where = `row ${row} of the range`;
  const [customer, subscription, start, end, mrr, currency] = cells;
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
      ...(withCurrency && !isBlank(currency) ? { currency: normalizeCode(currency) as string } : {}),
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

// Currency codes as people type them: ' eur ' is EUR; anything else passes through for the library to reject.
function normalizeCode(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

function normalizeWord(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}
