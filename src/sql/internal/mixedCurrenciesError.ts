import { MetricInputError } from '../../core/errors.js';
import { MIXED_CURRENCIES_MARKER } from './currencySql.js';

/**
 * The MetricInputError `mixed_currencies` for an engine error raised by a generated query over rows in several
 * currencies without a `currency` option (its message holds `mixed_currencies: rows are in EUR and USD …`, from
 * DuckDB's `error()` or PostgreSQL's failed cast of that text), or `undefined` for any other error.
 *
 * @private
 */
export function mixedCurrenciesError(error: unknown): MetricInputError | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const found = new RegExp(
    `${MIXED_CURRENCIES_MARKER} rows are in ([^\\n"]*?) and ([^\\n"]*?) and no currency`,
  ).exec(text);
  if (found === null) return undefined;
  return new MetricInputError({
    code: 'mixed_currencies',
    path: ['source'],
    expected: 'rows in one currency, or the option currency: { reporting, rates } to convert them',
    received: `${found[1]} and ${found[2]}`,
    message: `source: rows are in ${found[1]} and ${found[2]}: pass options.currency ({ reporting, rates }) to convert them into one currency`,
  });
}
