import { type Decimal, exactProduct } from '../../core/internal/decimal.js';
import { type ExchangeRates, missingExchangeRate } from './exchangeRates.js';
import type { SubscriptionColumns } from './subscriptionColumns.js';

/**
 * Each row's MRR in the reporting currency under `rateDate: 'periodStart'`: `mrr × rate(currency, start)`, an
 * exact Decimal product, as distinct amounts (`amounts`) and each row's index into them (`amount`), the shape
 * `SubscriptionColumns` keeps. A row without a currency, or in the reporting one, keeps its amount. A row in
 * another currency with no rate in effect on its start is `missing_exchange_rate`.
 *
 * @private
 */
export function convertAtPeriodStart(
  columns: SubscriptionColumns,
  rates: ExchangeRates,
): { amounts: Decimal[]; amount: Int32Array } {
  const amounts: Decimal[] = [];
  const amount = new Int32Array(columns.length);
  // Keyed by the distinct amount and the rate object (one per rate entry), so a plan price in one currency
  // over one rate period is multiplied once.
  const converted = new Map<Decimal, Map<Decimal | undefined, number>>();
  for (let row = 0; row < columns.length; row += 1) {
    const code = columns.currency[row]!;
    const currency = code < 0 ? rates.reporting : columns.currencies[code]!;
    let rate: Decimal | undefined;
    if (currency !== rates.reporting) {
      rate = rates.rateOn(currency, columns.startDay[row]!);
      if (rate === undefined)
        throw missingExchangeRate(row, currency, columns.startDay[row]!, rates.reporting);
    }
    const native = columns.amounts[columns.amount[row]!]!;
    let byRate = converted.get(native);
    if (byRate === undefined) {
      byRate = new Map();
      converted.set(native, byRate);
    }
    let index = byRate.get(rate);
    if (index === undefined) {
      index = amounts.length;
      // Exact (where `times` rounds at 40 significant digits): the sweep adds it as integer minor units.
      amounts.push(rate === undefined ? native : exactProduct(native, rate));
      byRate.set(rate, index);
    }
    amount[row] = index;
  }
  return { amounts, amount };
}
