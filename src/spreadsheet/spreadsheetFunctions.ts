import { sheetMrrMovements } from './sheetMrrMovements.js';
import { sheetNps, sheetNpsInterval } from './sheetNps.js';
import { sheetCustomerChurn, sheetGrr, sheetNrr } from './sheetRates.js';
import { sheetCacPayback, sheetLtv, sheetNormalizeMrr } from './sheetUnitEconomics.js';
import { SpreadsheetError } from './spreadsheetError.js';

/**
 * Which spreadsheet calls a function: `'sheets'` (Google Sheets, through Apps Script) or `'excel'` (Office custom
 * functions). They differ only in how a table writes dates (a `Date` versus a serial number).
 *
 * @category Spreadsheet
 */
export type SpreadsheetHost = 'sheets' | 'excel';

/**
 * One argument of a spreadsheet function, as the generated Apps Script JSDoc and Excel `functions.json` describe it.
 *
 * @category Spreadsheet
 */
export interface SpreadsheetParameter {
  /** The argument's name, shown in the spreadsheet's formula help. */
  readonly name: string;
  /** One sentence on what to pass. */
  readonly description: string;
  /** The JSDoc type for Apps Script (`number`, `string`, `number[][]` …). */
  readonly sheetsType: string;
  /** `'scalar'` for one cell, `'matrix'` for a range (Office's `dimensionality`). */
  readonly dimensionality: 'scalar' | 'matrix';
  /** Whether the argument may be left out. */
  readonly optional: boolean;
}

/**
 * One spreadsheet function: `CH_<name>` in Google Sheets, `CH.<name>` (id `CH.<name>`) in Excel.
 *
 * @category Spreadsheet
 */
export interface SpreadsheetFunction {
  /** Upper-case name without the prefix (`'NPS'`). */
  readonly name: string;
  /** One sentence on what it returns. */
  readonly description: string;
  /** The arguments, in order. */
  readonly parameters: readonly SpreadsheetParameter[];
  /** What it returns: JSDoc type, Office result type and dimensionality, and one sentence. */
  readonly result: {
    readonly sheetsType: string;
    readonly excelType: 'number' | 'any';
    readonly dimensionality: 'scalar' | 'matrix';
    readonly description: string;
  };
  /** Calls the wrapper with the arguments as the spreadsheet passed them. */
  readonly run: (args: readonly unknown[], host: SpreadsheetHost) => unknown;
}

const scalar = (name: string, description: string, sheetsType = 'number', optional = false) =>
  ({ name, description, sheetsType, dimensionality: 'scalar', optional }) as const;
const numberResult = (description: string) =>
  ({ sheetsType: 'number', excelType: 'number', dimensionality: 'scalar', description }) as const;

/**
 * Every spreadsheet function, the one list the generator (`.ci/spreadsheet/build-sheets.mjs`) turns into the Apps
 * Script file and the Excel `functions.js` and `functions.json`.
 *
 * @category Spreadsheet
 * @private Read by the generator and the tests; users call the functions by their spreadsheet names.
 */
export const SPREADSHEET_FUNCTIONS: readonly SpreadsheetFunction[] = /* @__PURE__ */ freezeEntries([
  {
    name: 'NPS',
    description: 'Net Promoter Score (-100 to 100) of a range of 0-10 answers; blank cells are ignored.',
    parameters: [
      {
        name: 'scores',
        description: 'The range of answers, whole numbers from 0 to 10.',
        sheetsType: 'number[][]',
        dimensionality: 'matrix',
        optional: false,
      },
    ],
    result: numberResult('The NPS in points.'),
    run: ([scores]) => sheetNps(scores),
  },
  {
    name: 'NPS_INTERVAL',
    description: 'Confidence interval of the NPS of a range of 0-10 answers, as one row: lower, upper.',
    parameters: [
      {
        name: 'scores',
        description: 'The range of answers, whole numbers from 0 to 10.',
        sheetsType: 'number[][]',
        dimensionality: 'matrix',
        optional: false,
      },
      scalar('confidence', 'Confidence level between 0 and 1 (optional, default 0.95).', 'number', true),
      scalar('method', 'adjustedWald (optional, the default) or wald.', 'string', true),
    ],
    result: {
      sheetsType: 'number[][]',
      excelType: 'number',
      dimensionality: 'matrix',
      description: 'One row of two cells: the lower and upper bound in NPS points.',
    },
    run: ([scores, confidence, method]) => sheetNpsInterval(scores, confidence, method),
  },
  {
    name: 'CUSTOMER_CHURN',
    description: 'Customer (logo) churn rate of one period: churned customers / starting customers.',
    parameters: [
      scalar('startingCustomers', 'Paying customers at the start of the period.'),
      scalar('churnedCustomers', 'Of those, customers lost during the period.'),
    ],
    result: numberResult('The churn rate as a ratio (0.05 = 5 %).'),
    run: ([starting, churned]) => sheetCustomerChurn(starting, churned),
  },
  {
    name: 'NRR',
    description: 'Net revenue retention of one period: (start + expansion - contraction - churn) / start.',
    parameters: [
      scalar('startingMrr', 'MRR at the start of the period.'),
      scalar('expansionMrr', 'MRR gained from customers paying more.'),
      scalar('contractionMrr', 'MRR lost from customers paying less.'),
      scalar('churnedMrr', 'MRR lost from customers who left.'),
    ],
    result: numberResult('Net revenue retention as a ratio (1.05 = 105 %).'),
    run: ([starting, expansion, contraction, churned]) => sheetNrr(starting, expansion, contraction, churned),
  },
  {
    name: 'GRR',
    description: 'Gross revenue retention of one period: (start - contraction - churn) / start.',
    parameters: [
      scalar('startingMrr', 'MRR at the start of the period.'),
      scalar('contractionMrr', 'MRR lost from customers paying less.'),
      scalar('churnedMrr', 'MRR lost from customers who left.'),
    ],
    result: numberResult('Gross revenue retention as a ratio from 0 to 1.'),
    run: ([starting, contraction, churned]) => sheetGrr(starting, contraction, churned),
  },
  {
    name: 'LTV',
    description: 'Customer lifetime value: ARPA x gross margin / churn rate.',
    parameters: [
      scalar('arpa', 'Average revenue per account per period.'),
      {
        name: 'churnRate',
        description: 'Churn rate per period (0 to 1), or a range of rates whose average is used.',
        sheetsType: 'number',
        dimensionality: 'matrix',
        optional: false,
      },
      scalar('grossMargin', 'Gross margin from 0 to 1 (optional, default 1).', 'number', true),
    ],
    result: numberResult('Lifetime value in the currency of arpa.'),
    run: ([arpa, churnRate, grossMargin]) => sheetLtv(arpa, churnRate, grossMargin),
  },
  {
    name: 'CAC_PAYBACK',
    description: 'CAC payback in months: CAC / (MRR per customer x gross margin).',
    parameters: [
      scalar('cac', 'Acquisition cost per customer (or of a period).'),
      scalar('arpa', 'Average revenue (MRR) per new account per month.'),
      scalar('grossMargin', 'Gross margin from 0 to 1 (optional, default 1).', 'number', true),
    ],
    result: numberResult('Months to earn back the acquisition cost.'),
    run: ([cac, mrr, grossMargin]) => sheetCacPayback(cac, mrr, grossMargin),
  },
  {
    name: 'NORMALIZE_MRR',
    description: 'MRR of a recurring price: amount / (interval count x months per interval).',
    parameters: [
      scalar('amount', 'The price charged once per billing cycle.'),
      scalar('interval', 'day, week, month, quarter or year.', 'string'),
      scalar('intervalCount', 'Intervals per billing cycle (optional, default 1).', 'number', true),
    ],
    result: numberResult('Monthly recurring revenue.'),
    run: ([amount, interval, count]) => sheetNormalizeMrr(amount, interval, count),
  },
  {
    name: 'MRR_MOVEMENTS',
    description:
      'MRR movements table (new, expansion, contraction, churn, reactivation) per period, with a header row.',
    parameters: [
      {
        name: 'subscriptions',
        description:
          'Range with columns customer_id, subscription_id, start, end, mrr; blank rows are skipped.',
        sheetsType: 'Array<Array<string|number|Date>>',
        dimensionality: 'matrix',
        optional: false,
      },
      scalar('granularity', 'day, week, month (optional, the default), quarter or year.', 'string', true),
      {
        name: 'rates',
        description:
          'Optional range of exchange rates with columns currency, date, rate; the subscriptions range then has a 6th column, currency.',
        sheetsType: 'Array<Array<string|number|Date>>',
        dimensionality: 'matrix',
        optional: true,
      },
      scalar('reportingCurrency', 'With rates: the currency of the result, e.g. USD.', 'string', true),
      scalar('rateDate', 'With rates: periodStart (optional, the default) or snapshot.', 'string', true),
    ],
    result: {
      sheetsType: 'Array<Array<string|number|Date>>',
      excelType: 'any',
      dimensionality: 'matrix',
      description: 'A header row and one row per period (with rates, a last column fx_impact_mrr).',
    },
    run: ([subscriptions, granularity, rates, reportingCurrency, rateDate], host) =>
      sheetMrrMovements(
        subscriptions,
        granularity,
        host === 'excel' ? 'serial' : 'date',
        rates,
        reportingCurrency,
        rateDate,
      ),
  },
]);

/**
 * Calls a spreadsheet function by name with the arguments the spreadsheet passed; what the generated glue of
 * both hosts calls.
 *
 * Formula: that of the named function. Units: those of the named function.
 * Source: our convention (docs/spreadsheets.md).
 * Edge cases: an unknown name, or more arguments than the function takes, is a SpreadsheetError.
 *
 * @category Spreadsheet
 * @private Called by the generated `CH_…` functions.
 */
export function callSpreadsheetFunction(
  name: string,
  host: SpreadsheetHost,
  args: ArrayLike<unknown>,
): unknown {
  const entry = SPREADSHEET_FUNCTIONS.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new SpreadsheetError(`unknown function ${name}`);
  const values = Array.from(args);
  if (values.length > entry.parameters.length) {
    throw new SpreadsheetError(
      `${name} takes at most ${entry.parameters.length} arguments, received ${values.length}`,
    );
  }
  return entry.run(values, host);
}

// The wrappers may import the library only through ../index.js (the bundle's global), so not core's deepFreeze.
function freezeEntries(entries: SpreadsheetFunction[]): readonly SpreadsheetFunction[] {
  for (const entry of entries) {
    for (const parameter of entry.parameters) Object.freeze(parameter);
    Object.freeze(entry.parameters);
    Object.freeze(entry.result);
    Object.freeze(entry);
  }
  return Object.freeze(entries);
}
