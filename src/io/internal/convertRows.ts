import { toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { Decimal, exactProduct } from '../../core/internal/decimal.js';
import { MAX_DECIMAL_PLACES, MAX_MAGNITUDE } from '../../core/internal/numericInput.js';
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
 * Units: the converted MRR is the exact product amount × rate (docs/core.md, "Limits and exactness"), rounded
 * once (ROUND_HALF_EVEN) to 60 decimal places only when it has more, since the rows are read again as inputs.
 *
 * Edge cases: a row with no rate in effect on its day is a MetricInputError `missing_exchange_rate` at
 * `['subscriptions', i, 'currency']`; a converted MRR of 10^21 or more is `out_of_range` at
 * `['subscriptions', i, 'mrr']`.
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
    return { ...rest, mrr: convertedAmount(toDecimal(row.mrr), rate, index) } as T;
  });
}

// The exact product (where `times` rounds at 40 significant digits), held to the limits of an input because the
// converted rows are read again as inputs: past 60 decimal places it is rounded once to 60 (ROUND_HALF_EVEN), and
// 10^21 or more in the reporting currency is refused at the row's mrr.
function convertedAmount(amount: Decimal, rate: Decimal, index: number): Decimal {
  const product = exactProduct(amount, rate);
  if (product.abs().greaterThanOrEqualTo(MAX_MAGNITUDE)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['subscriptions', index, 'mrr'],
      expected: `an amount below 10^21 once converted at its exchange rate (${rate.toString()})`,
      received: product.toFixed(),
    });
  }
  return product.decimalPlaces() > MAX_DECIMAL_PLACES
    ? product.toDecimalPlaces(MAX_DECIMAL_PLACES, Decimal.ROUND_HALF_EVEN)
    : product;
}
