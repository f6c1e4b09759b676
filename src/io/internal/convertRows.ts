import { toDayNumber } from '../../core/calendarDate.js';
import { toDecimal } from '../../core/numeric.js';
import type { IsoDate } from '../../core/types.js';
import { exchangeRates, missingExchangeRate } from '../../revenue/internal/exchangeRates.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import type { CurrencyOptions } from '../../revenue/types.js';

/**
 * Subscription periods with every MRR in the reporting currency (and no `currency` left), for the report's
 * figures that take rows in one currency (trailing NRR/GRR, cohorts). Each row in another currency is converted
 * at the rate in effect on its start under `rateDate: 'periodStart'` (exactly the movements table's conversion),
 * and on the report's as-of day under `'snapshot'` (a constant-currency view: exchange rates then cannot move a
 * retention ratio). The rates are read by the engine's own validator and lookup; the rows' dates must be
 * validated 'YYYY-MM-DD' strings.
 *
 * Edge cases: a row with no rate in effect on its day is a MetricInputError `missing_exchange_rate` at
 * `['subscriptions', i, 'currency']`.
 *
 * @private
 */
export function convertRows<T extends SubscriptionPeriod & { readonly start: IsoDate }>(
  rows: readonly T[],
  currency: CurrencyOptions,
  asOf: IsoDate,
): T[] {
  const rates = exchangeRates(currency, undefined);
  // Every row comes back without `currency`: all are in the reporting currency, the single-currency case.
  return rows.map((row, index) => {
    const { currency: code, ...rest } = row;
    if (code === undefined || code === rates.reporting) return rest as T;
    const day = toDayNumber(rates.rateDate === 'snapshot' ? asOf : row.start);
    const rate = rates.rateOn(code, day);
    if (rate === undefined) throw missingExchangeRate(index, code, day, rates.reporting);
    return { ...rest, mrr: toDecimal(row.mrr).times(rate) } as T;
  });
}
