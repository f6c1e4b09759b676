import {
  type BillingInterval,
  cacPaybackMonths,
  type Decimal,
  lifetimeValue,
  type Numeric,
  normalizeToMrr,
} from '../index.js';
import {
  cellPosition,
  rangeCells,
  rangeWidth,
  requiredArgument,
  scalarArgument,
  toCellNumber,
  toSpreadsheetError,
} from './cellValues.js';
import { cellNumberOrNotAvailable, guarded } from './sheetResult.js';
import { SpreadsheetError } from './spreadsheetError.js';

/**
 * `=CH_LTV(arpa, churnRate, [grossMargin])`: customer lifetime value in the steady-state form. `churnRate` may
 * be one cell or a range of per-period churn rates (oldest first, blanks ignored), whose average is used.
 *
 * Formula: arpa × grossMargin / churn, by `lifetimeValue` (docs/unit-economics.md).
 * Units: currency per customer, as the nearest double (format the cell as currency).
 * Source: ChartMogul (ARPA / churn) and Bessemer/a16z (× gross margin) via `lifetimeValue`.
 * Edge cases: churn 0 is `#N/A`; grossMargin defaults to 1; a blank arpa or churnRate, text, or a rate or margin
 * outside [0, 1] is an error naming the argument (and the cell, for a range).
 *
 * @category Spreadsheet
 * @private Reached through `=CH_LTV` in Google Sheets and `=CH.LTV` in Excel.
 */
export function sheetLtv(arpa: unknown, churnRate: unknown, grossMargin?: unknown): number {
  const margin = scalarArgument(grossMargin, 'grossMargin');
  const series = churnSeries(churnRate);
  const input = {
    arpa: requiredArgument(arpa, 'arpa') as Numeric,
    churnRate: series.value,
    ...(margin === undefined ? {} : { grossMargin: margin as Numeric }),
  };
  let value: Decimal | null;
  try {
    value = lifetimeValue(input);
  } catch (error) {
    throw toSpreadsheetError(error, (failure) =>
      series.where !== undefined && typeof failure.path[1] === 'number'
        ? `${series.where(failure.path[1])} must be ${failure.expected}, received ${failure.received}`
        : failure.message,
    );
  }
  return cellNumberOrNotAvailable(value, 'lifetime value is undefined (unbounded) when the churn rate is 0');
}

/**
 * `=CH_CAC_PAYBACK(cac, arpa, [grossMargin])`: months of gross profit to earn back acquisition cost.
 *
 * Formula: cac / (arpa × grossMargin), by `cacPaybackMonths` (docs/unit-economics.md).
 * Units: months, fractional.
 * Source: Bessemer's CAC payback period via `cacPaybackMonths`.
 * Edge cases: arpa × grossMargin = 0 is `#N/A` (never paid back); grossMargin defaults to 1; a blank,
 * text or negative amount, or a margin outside [0, 1], is an error naming the argument.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_CAC_PAYBACK` in Google Sheets and `=CH.CAC_PAYBACK` in Excel.
 */
export function sheetCacPayback(cac: unknown, arpa: unknown, grossMargin?: unknown): number {
  const margin = scalarArgument(grossMargin, 'grossMargin');
  const input = {
    cac: requiredArgument(cac, 'cac') as Numeric,
    arpa: requiredArgument(arpa, 'arpa') as Numeric,
    ...(margin === undefined ? {} : { grossMargin: margin as Numeric }),
  };
  return cellNumberOrNotAvailable(
    guarded(() => cacPaybackMonths(input)),
    'CAC payback is undefined (never paid back) when arpa × grossMargin is 0',
  );
}

/**
 * `=CH_NORMALIZE_MRR(amount, interval, [intervalCount])`: the MRR of a recurring price.
 *
 * Formula: amount / (intervalCount × months per interval), by `normalizeToMrr` (docs/core.md).
 * Units: currency per month, as the nearest double.
 * Source: ChartMogul and Stripe via `normalizeToMrr`.
 * Edge cases: interval is one of day, week, month, quarter, year (case and surrounding spaces ignored);
 * intervalCount defaults to 1 and must be a whole number >= 1; a blank or bad argument is an error naming it.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_NORMALIZE_MRR` in Google Sheets and `=CH.NORMALIZE_MRR` in Excel.
 */
export function sheetNormalizeMrr(amount: unknown, interval: unknown, intervalCount?: unknown): number {
  const count = scalarArgument(intervalCount, 'intervalCount');
  const unit = requiredArgument(interval, 'interval');
  const input = {
    amount: requiredArgument(amount, 'amount') as Numeric,
    interval: (typeof unit === 'string' ? unit.trim().toLowerCase() : unit) as BillingInterval,
    ...(count === undefined ? {} : { intervalCount: count as number }),
  };
  return toCellNumber(guarded(() => normalizeToMrr(input)));
}

// A single cell is a rate; a range is a series of rates (blanks skipped), kept with each rate's position.
function churnSeries(churnRate: unknown): { value: Numeric | Numeric[]; where?: (index: number) => string } {
  if (!Array.isArray(churnRate)) return { value: requiredArgument(churnRate, 'churnRate') as Numeric };
  const cells = rangeCells(churnRate);
  if (cells.length === 0) throw new SpreadsheetError('churnRate is blank: a value is required');
  const width = rangeWidth(churnRate);
  return {
    value: cells.map((cell) => cell.value as Numeric),
    where: (index) => `${cellPosition(cells[index]!.row, cells[index]!.column, width)}: churnRate`,
  };
}
