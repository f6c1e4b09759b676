import { toCalendarDate } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import type { Decimal } from '../../core/internal/decimal.js';
import { toDecimal } from '../../core/numeric.js';
import type { IsoDate } from '../../core/types.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import type { CurrencyOptions } from '../../revenue/types.js';

/**
 * Subscription periods with every MRR in the reporting currency (and no `currency` left), for the report's figures that take rows in one
 * currency (trailing NRR/GRR, cohorts). Each row in another currency is converted at the rate in effect on
 * `day(row)`: its start under `rateDate: 'periodStart'` (exactly the movements table's conversion), the report's
 * as-of day under `'snapshot'` (a constant-currency view: exchange rates then cannot move a retention ratio).
 * Rates must already have been validated (the movements table's call does it). The rows' dates must be
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
  const byCurrency = new Map<string, { date: IsoDate; rate: Decimal }[]>();
  for (const rate of currency.rates) {
    const list = byCurrency.get(rate.currency) ?? [];
    list.push({ date: toCalendarDate(rate.date), rate: toDecimal(rate.rate) });
    byCurrency.set(rate.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
  // Every row comes back without `currency`: all are in the reporting currency, the single-currency case.
  return rows.map((row, index) => {
    const { currency: code, ...rest } = row;
    if (code === undefined || code === currency.reporting) return rest as T;
    const day = currency.rateDate === 'snapshot' ? asOf : row.start;
    let rate: Decimal | undefined;
    for (const entry of byCurrency.get(code) ?? []) if (entry.date <= day) rate = entry.rate;
    if (rate === undefined) {
      throw new MetricInputError({
        code: 'missing_exchange_rate',
        path: ['subscriptions', index, 'currency'],
        expected: `a ${code} rate in effect on ${day}`,
        received: `no ${code} rate dated on or before ${day}`,
        message: `subscriptions[${index}] is in ${code} but no ${code} rate is in effect on ${day}`,
      });
    }
    return { ...rest, mrr: toDecimal(row.mrr).times(rate) } as T;
  });
}
