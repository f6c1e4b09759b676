import { fromDayNumber, toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import type { Decimal } from '../../core/internal/decimal.js';
import { assertArray, assertKnownKeys, assertObject, oneOf } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { ExchangeRateDate } from '../types.js';
import { currencyCode } from './currencyCode.js';

/**
 * The validated `currency` option: the reporting currency, the convention, and each other currency's rates as
 * a step function of the day.
 *
 * @private
 */
export interface ExchangeRates {
  readonly reporting: string;
  readonly rateDate: ExchangeRateDate;
  /** The rate of one unit of `currency` in the reporting currency on `day`; undefined when none is in effect. */
  rateOn(currency: string, day: number): Decimal | undefined;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['reporting', 'rates', 'rateDate']);

/**
 * Validates the `currency` option at `['options', 'currency']`: an ISO 4217 `reporting` code, rates of other
 * currencies (each `rate` > 0, at most one per currency and day; rate rows may carry extra columns, like
 * subscription rows) and `rateDate` (default `'periodStart'`).
 *
 * @private
 */
export function exchangeRates(value: unknown, timeZone: string | undefined): ExchangeRates {
  const root = ['options', 'currency'];
  assertObject(value, root);
  assertKnownKeys(value, OPTION_KEYS, root);
  const reporting = currencyCode(value.reporting, [...root, 'reporting']);
  const rateDate = oneOf(value.rateDate ?? 'periodStart', ['periodStart', 'snapshot'] as const, [
    ...root,
    'rateDate',
  ]);
  assertArray(value.rates, [...root, 'rates']);
  const entries = new Map<string, { day: number; rate: Decimal; index: number }[]>();
  Array.from(value.rates).forEach((entry, index) => {
    const path = [...root, 'rates', index];
    assertObject(entry, path);
    const currency = currencyCode(entry.currency, [...path, 'currency']);
    if (currency === reporting) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: [...path, 'currency'],
        expected: `a currency other than the reporting currency ${reporting} (whose rate is 1)`,
        received: describeValue(currency),
      });
    }
    const day = toDayNumber(toCalendarDate(entry.date, [...path, 'date'], timeZone));
    const rate = toDecimal(entry.rate, [...path, 'rate'], 'positive');
    let list = entries.get(currency);
    if (list === undefined) {
      list = [];
      entries.set(currency, list);
    }
    list.push({ day, rate, index });
  });
  const tables = new Map<string, { days: Int32Array; rates: Decimal[] }>();
  for (const [currency, list] of entries) {
    list.sort((a, b) => a.day - b.day || a.index - b.index);
    for (let position = 1; position < list.length; position += 1) {
      if (list[position]!.day !== list[position - 1]!.day) continue;
      const later = Math.max(list[position]!.index, list[position - 1]!.index);
      const earlier = Math.min(list[position]!.index, list[position - 1]!.index);
      throw new MetricInputError({
        code: 'invalid_value',
        path: [...root, 'rates', later, 'date'],
        expected: `one ${currency} rate per day (options.currency.rates[${earlier}] is on the same day)`,
        received: describeValue(fromDayNumber(list[position]!.day)),
      });
    }
    tables.set(currency, {
      days: Int32Array.from(list, (entry) => entry.day),
      rates: list.map((entry) => entry.rate),
    });
  }
  return {
    reporting,
    rateDate,
    rateOn(currency, day) {
      const table = tables.get(currency);
      if (table === undefined) return undefined;
      // The last rate dated on or before `day`.
      let low = 0;
      let high = table.days.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (table.days[middle]! <= day) low = middle + 1;
        else high = middle;
      }
      return low === 0 ? undefined : table.rates[low - 1];
    },
  };
}

/**
 * The `currency` option of a metric that compares MRR on two or more days (retention, cohorts, timelines): only
 * `rateDate: 'periodStart'` (the default) is accepted, because under `'snapshot'` a change of exchange rate
 * between the days would count as churn or expansion; `undefined` when the option is absent.
 *
 * @private
 */
export function periodStartRates(value: unknown, timeZone: string | undefined): ExchangeRates | undefined {
  if (value === undefined) return undefined;
  const rates = exchangeRates(value, timeZone);
  if (rates.rateDate === 'periodStart') return rates;
  throw snapshotRatesRefused(rates.rateDate);
}

/**
 * The error of a metric comparing MRR on different days (and of its SQL twin) given `rateDate: 'snapshot'`.
 *
 * @private
 */
export function snapshotRatesRefused(rateDate: string): MetricInputError {
  return new MetricInputError({
    code: 'invalid_option',
    path: ['options', 'currency', 'rateDate'],
    expected:
      "'periodStart': this metric compares MRR on different days, and under 'snapshot' a change of exchange rate would count as churn or expansion (mrrMovements reports it apart as fxImpactMrr)",
    received: describeValue(rateDate),
  });
}

/**
 * The error for a row in `currency` that needs a rate on `day` where none is in effect.
 *
 * @private
 */
export function missingExchangeRate(
  row: number,
  currency: string,
  day: number,
  reporting: string,
): MetricInputError {
  const date = fromDayNumber(day);
  return new MetricInputError({
    code: 'missing_exchange_rate',
    path: ['subscriptions', row, 'currency'],
    expected: `a ${currency} → ${reporting} rate in options.currency.rates dated on or before ${date}`,
    received: 'none',
    message: `subscriptions[${row}] is in ${currency}, but no ${currency} → ${reporting} rate is in effect on ${date}: add one to options.currency.rates dated on or before ${date}`,
  });
}
