import { customerChurnRate, grossRevenueRetention, type Numeric, netRevenueRetention } from '../index.js';
import { requiredArgument } from './cellValues.js';
import { cellNumberOrNotAvailable, guarded } from './sheetResult.js';

/**
 * `=CH_CUSTOMER_CHURN(startingCustomers, churnedCustomers)`: the customer (logo) churn rate of one period.
 *
 * Formula: churnedCustomers / startingCustomers, by `customerChurnRate` (docs/revenue-rates.md).
 * Units: a ratio (0.05 = 5 %); format the cell as a percentage.
 * Source: ChartMogul's standard customer churn rate via `customerChurnRate`.
 * Edge cases: startingCustomers = 0 is `#N/A`; a blank, text, negative or fractional count, or churned above
 * starting, is an error naming the argument.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_CUSTOMER_CHURN` in Google Sheets and `=CH.CUSTOMER_CHURN` in Excel.
 */
export function sheetCustomerChurn(startingCustomers: unknown, churnedCustomers: unknown): number {
  const input = {
    startingCustomers: requiredArgument(startingCustomers, 'startingCustomers') as Numeric,
    churnedCustomers: requiredArgument(churnedCustomers, 'churnedCustomers') as Numeric,
  };
  return cellNumberOrNotAvailable(
    guarded(() => customerChurnRate(input)),
    'the churn rate is undefined when startingCustomers is 0',
  );
}

/**
 * `=CH_NRR(startingMrr, expansionMrr, contractionMrr, churnedMrr)`: net revenue retention of one period.
 *
 * Formula: (startingMrr + expansionMrr − contractionMrr − churnedMrr) / startingMrr, by `netRevenueRetention`.
 * Units: a ratio (1.05 = 105 %).
 * Source: ChartMogul's Net MRR Retention via `netRevenueRetention` (docs/revenue-rates.md).
 * Edge cases: startingMrr = 0 is `#N/A`; a blank, text or negative amount, or losses above startingMrr, is an error
 * naming the argument.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_NRR` in Google Sheets and `=CH.NRR` in Excel.
 */
export function sheetNrr(
  startingMrr: unknown,
  expansionMrr: unknown,
  contractionMrr: unknown,
  churnedMrr: unknown,
): number {
  const input = {
    startingMrr: requiredArgument(startingMrr, 'startingMrr') as Numeric,
    expansionMrr: requiredArgument(expansionMrr, 'expansionMrr') as Numeric,
    contractionMrr: requiredArgument(contractionMrr, 'contractionMrr') as Numeric,
    churnedMrr: requiredArgument(churnedMrr, 'churnedMrr') as Numeric,
  };
  return cellNumberOrNotAvailable(
    guarded(() => netRevenueRetention(input)),
    'net revenue retention is undefined when startingMrr is 0',
  );
}

/**
 * `=CH_GRR(startingMrr, contractionMrr, churnedMrr)`: gross revenue retention of one period.
 *
 * Formula: (startingMrr − contractionMrr − churnedMrr) / startingMrr, by `grossRevenueRetention`.
 * Units: a ratio in [0, 1].
 * Source: ChartMogul's Gross MRR Retention via `grossRevenueRetention` (docs/revenue-rates.md).
 * Edge cases: startingMrr = 0 is `#N/A`; a blank, text or negative amount, or losses above startingMrr, is an error
 * naming the argument.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_GRR` in Google Sheets and `=CH.GRR` in Excel.
 */
export function sheetGrr(startingMrr: unknown, contractionMrr: unknown, churnedMrr: unknown): number {
  const input = {
    startingMrr: requiredArgument(startingMrr, 'startingMrr') as Numeric,
    contractionMrr: requiredArgument(contractionMrr, 'contractionMrr') as Numeric,
    churnedMrr: requiredArgument(churnedMrr, 'churnedMrr') as Numeric,
  };
  return cellNumberOrNotAvailable(
    guarded(() => grossRevenueRetention(input)),
    'gross revenue retention is undefined when startingMrr is 0',
  );
}
