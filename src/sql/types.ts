import type { DateLike, Granularity, WeekStartsOn } from '../core/types.js';
import type { ExchangeRateDate, PaidToFree } from '../revenue/types.js';
import type { SqlDialect } from './sqlDialect.js';

/**
 * Which columns of the source hold the fields of a subscription period (see `SubscriptionPeriod`).
 *
 * @category SQL
 */
export interface MrrMovementsSqlColumns {
  /** The customer's id, of any type the engine can group by; default `'customer_id'`. */
  readonly customerId?: string;
  /** First active day (inclusive), a DATE or castable to one; default `'start_date'`. */
  readonly start?: string;
  /** First day no longer active (exclusive), NULL while active; default `'end_date'`. */
  readonly end?: string;
  /** MRR while the period lasts, >= 0, exact numeric; default `'mrr'`. */
  readonly mrr?: string;
  /**
   * ISO 4217 code of the row's MRR, NULL for the reporting currency; default `'currency'`. Read only with the
   * `currency` option of {@link MrrMovementsSqlOptions}.
   */
  readonly currency?: string;
}

/**
 * Which columns of the exchange-rate source hold the fields of an `ExchangeRate`.
 *
 * @category SQL
 */
export interface ExchangeRateSqlColumns {
  /** ISO 4217 code of the currency the rate converts from; default `'currency'`. */
  readonly currency?: string;
  /** First day the rate is in effect (until the currency's next rate), a DATE or castable to one; default `'date'`. */
  readonly date?: string;
  /** Units of the reporting currency per unit of `currency`, > 0, read as `DECIMAL(38, 12)`; default `'rate'`. */
  readonly rate?: string;
}

/**
 * The `currency` option of the SQL twins: the SQL form of `CurrencyOptions`, with the rates in a table or
 * subquery instead of an array.
 *
 * @category SQL
 */
export interface MrrMovementsSqlCurrency {
  /** ISO 4217 code (three capital letters) results are in; rows whose currency is NULL are in it. */
  readonly reporting: string;
  /** The exchange rates: a table name (optionally `schema.table`) or one parenthesised subquery. */
  readonly rates: string;
  /** Column names of `rates`; defaults `currency`, `date`, `rate`. */
  readonly rateColumns?: ExchangeRateSqlColumns;
  /** Default `'periodStart'`; see `ExchangeRateDate`. */
  readonly rateDate?: ExchangeRateDate;
}

/**
 * Options of `mrrMovementsSql`: where the subscription periods are, and the same conventions as
 * `mrrMovements`.
 *
 * @category SQL
 */
export interface MrrMovementsSqlOptions {
  /** The engine the SQL is written for. */
  readonly dialect: SqlDialect;
  /** A table name (optionally `schema.table`) or one parenthesised subquery, e.g. `"(SELECT … FROM …)"`. */
  readonly source: string;
  /** Column names; defaults `customer_id`, `start_date`, `end_date`, `mrr`. */
  readonly columns?: MrrMovementsSqlColumns;
  /** Period length; default `'month'`. */
  readonly granularity?: Granularity;
  /** First day of a week for `granularity: 'week'`; default `1` (Monday). */
  readonly weekStartsOn?: WeekStartsOn;
  /** A date in the first reported period (a `Date` is read in UTC); default: the period of the first start. */
  readonly from?: DateLike;
  /** A date in the last reported period (a `Date` is read in UTC); default: the latest start or end. */
  readonly to?: DateLike;
  /** Paid-to-free convention; default `'churn'`. */
  readonly paidToFree?: PaidToFree;
  /**
   * Decimal places money is computed with: MRR is cast to `DECIMAL(38, mrrScale)`, so a value with more places is
   * rounded by the engine. An integer 0 … 18; default `6`.
   */
  readonly mrrScale?: number;
  /** Converts rows in several currencies into `reporting`; default: none (the `currency` column is not read). */
  readonly currency?: MrrMovementsSqlCurrency;
}
