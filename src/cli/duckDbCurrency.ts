import type { DuckDBConnection } from '@duckdb/node-api';
import { toCalendarDate } from '../core/calendarDate.js';
import { toDecimal } from '../core/numeric.js';
import type { IsoDate } from '../core/types.js';
import type { CurrencyOptions } from '../revenue/types.js';
import { RATE_TYPE } from '../sql/internal/currencySql.js';
import { InputFileError } from './readInputFile.js';

/** The temporary table holding the rates file, as `mrrMovementsSql`'s `currency.rates` reads it. @private */
export const RATES_TABLE = 'report_exchange_rates';
/** The temporary table of each currency's rate in effect on the as-of day (the report's constant-currency view). @private */
export const AS_OF_RATES_TABLE = 'report_as_of_rates';

/** The places a rate holds exactly in SQL (`DECIMAL(38, 12)`). */
const RATE_PLACES = 12;

/**
 * Creates {@link RATES_TABLE} (currency, date, rate) from the rates the memory engine reads
 * (`readRatesFile` / `parseExchangeRates`), as one VALUES list. Every value is checked again before it is
 * written as a literal: a code of three capital letters, a calendar date, a plain decimal rate (never exponent
 * notation), so no text of the file reaches the SQL unchecked.
 *
 * @private
 */
export async function createRatesTable(
  connection: DuckDBConnection,
  currency: CurrencyOptions,
  file: string,
): Promise<void> {
  const values = currency.rates.map((entry, index) => {
    if (!/^[A-Z]{3}$/.test(entry.currency)) {
      throw new InputFileError(`${file}: rate ${index + 1} has currency ${entry.currency}, not a code`);
    }
    const day = toCalendarDate(entry.date, ['rates', index, 'date']);
    const rate = toDecimal(entry.rate, ['rates', index, 'rate'], 'nonNegative').toFixed();
    return `('${entry.currency}', DATE '${day}', '${rate}')`;
  });
  await connection.run(
    `CREATE TEMP TABLE ${RATES_TABLE} (currency VARCHAR, date DATE, rate VARCHAR)${values.length === 0 ? '' : `; INSERT INTO ${RATES_TABLE} VALUES ${values.join(', ')}`}`,
  );
}

/**
 * Under `rateDate: 'snapshot'` the report takes trailing NRR/GRR and cohorts in constant currency: every row at
 * the rate in effect on the as-of day (`buildReport`'s rule). That is a `'periodStart'` conversion with one rate
 * per currency dated before any row, which this table holds (a currency with no rate on the as-of day has none,
 * so its rows stop the query with `missing_exchange_rate`, as in the memory engine).
 *
 * @private
 */
export async function createAsOfRatesTable(connection: DuckDBConnection, asOf: IsoDate): Promise<void> {
  await connection.run(
    `CREATE TEMP TABLE ${AS_OF_RATES_TABLE} AS SELECT currency, DATE '1000-01-01' AS date, arg_max(rate, date) AS rate FROM ${RATES_TABLE} WHERE date <= DATE '${asOf}' GROUP BY currency`,
  );
}

/**
 * Refuses a conversion DuckDB would round: a product of an MRR with `mrrPlaces` decimal places and a rate with
 * `p` places has at most `mrrPlaces + p` places, which `DECIMAL(38, mrrScale)` must hold, and a rate is read as
 * `DECIMAL(38, 12)`. Only the rates of `used` (the foreign currencies of the file) count.
 *
 * @private
 */
export function refuseInexactConversion(
  currency: CurrencyOptions,
  used: readonly string[],
  mrrPlaces: number,
  mrrScale: number,
  file: string,
): void {
  let ratePlaces = 0;
  let example = '';
  for (const entry of currency.rates) {
    if (!used.includes(entry.currency)) continue;
    const places = toDecimal(entry.rate).decimalPlaces();
    if (places > ratePlaces) {
      ratePlaces = places;
      example = `${entry.currency} ${toDecimal(entry.rate).toFixed()} on ${String(entry.date)}`;
    }
  }
  if (ratePlaces > RATE_PLACES) {
    throw new InputFileError(
      `${file}: the rate ${example} has ${ratePlaces} decimal places; --engine duckdb reads rates as ${RATE_TYPE} and would round it (use --engine memory)`,
    );
  }
  const needed = mrrPlaces + ratePlaces;
  if (needed <= mrrScale) return;
  const fix =
    needed <= 18
      ? `run again with --mrr-scale ${needed}`
      : 'more than 18 places, beyond --engine duckdb (use --engine memory)';
  throw new InputFileError(
    `${file}: converted MRR needs up to ${needed} decimal places (MRR in another currency with ${mrrPlaces}, rates such as ${example} with ${ratePlaces}), more than --mrr-scale ${mrrScale} holds: ${fix}; nothing was rounded`,
  );
}
