import type { DateLike, Decimal, IsoDate, Numeric, PeriodOptions } from '../core/types.js';

/**
 * What a paying customer who drops to MRR 0 but still holds a free (MRR 0) subscription period is.
 * `'churn'` (default): churned, as the source articles count a paid-to-free downgrade. `'contraction'`: still a
 * customer whose MRR contracted to 0; it churns only when no period is active any more.
 *
 * @category Revenue
 */
export type PaidToFree = 'churn' | 'contraction';

/**
 * Whether MRR from returning (reactivated) customers counts as kept revenue: `'exclude'` (the default,
 * ChartMogul's Net MRR Retention and Baremetrics' NRR) keeps a ratio about the customers paying at the start;
 * `'include'` counts it as a gain (ChartMogul's standard Net MRR Churn Rate offsets churn with it). The same
 * option with the same values and default in `netRevenueRetention`, `netRevenueChurnRate`,
 * `isNegativeChurn` and `revenueRatesSql`, so NRR = 1 − net revenue churn whenever both use the same value,
 * the defaults included.
 *
 * @category Revenue
 */
export type ReactivationTreatment = 'exclude' | 'include';

/**
 * The kind of one customer's change between two consecutive period snapshots.
 *
 * @category Revenue
 */
export type MovementType = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/**
 * Options of `mrrMovements`.
 *
 * @category Revenue
 */
export interface MrrMovementsOptions extends PeriodOptions {
  /** A date in the first reported period; default: the first period holding a period start. */
  readonly from?: DateLike;
  /**
   * A date in the last reported period; default: the period holding the latest start or end date (an `end` is
   * the first day no longer active, so that period shows the final churn). Open-ended periods do not extend it.
   */
  readonly to?: DateLike;
  /** Paid-to-free convention; default `'churn'`. */
  readonly paidToFree?: PaidToFree;
  /** Default `'full'`; see {@link MrrMovementsDetail}. */
  readonly detail?: MrrMovementsDetail;
  /** Converts rows in several currencies into one; default: none (every row must be in one currency). */
  readonly currency?: CurrencyOptions;
}

/**
 * One exchange rate: from `date` on, until the next rate of the same currency, one unit of `currency` is `rate`
 * units of the reporting currency. `currency` is an ISO 4217 code (three capital letters); `rate` > 0.
 *
 * @category Revenue
 */
export interface ExchangeRate {
  readonly currency: string;
  readonly date: DateLike;
  readonly rate: Numeric;
}

/**
 * Which day's exchange rate converts MRR. `'periodStart'` (the default, ChartMogul's rule for MRR): each
 * subscription period at the rate in effect on its `start`, so rates never move MRR between changes.
 * `'snapshot'` (Chargebee RevenueStory's rule): a customer's MRR at each snapshot at the rates in effect on the
 * snapshot day; the revaluation of the previous position is the `fxImpactMrr` column, never a movement.
 *
 * @category Revenue
 */
export type ExchangeRateDate = 'periodStart' | 'snapshot';

/**
 * The `currency` option of `mrrMovements` and `segmentMrrMovements`: the reporting currency, the exchange rates
 * into it (data the caller passes; the library fetches nothing) and the rate-date convention.
 *
 * @category Revenue
 */
export interface CurrencyOptions {
  /** ISO 4217 code of the currency results are in; rows without `currency` are in it. */
  readonly reporting: string;
  /** Rates of every other currency the rows use, into `reporting`. */
  readonly rates: readonly ExchangeRate[];
  /** Default `'periodStart'`; see {@link ExchangeRateDate}. */
  readonly rateDate?: ExchangeRateDate;
}

/**
 * How much `mrrMovements` builds: `'full'` (the default) returns the period table and the per-customer
 * drill-down list `customers` ({@link MrrMovements}); `'summary'` returns the same period table alone
 * ({@link MrrMovementsSummary}, no `customers` key), without building one object per customer movement. The
 * same option name and values as `scoreHealthMany`'s `detail`.
 *
 * @category Revenue
 */
export type MrrMovementsDetail = 'full' | 'summary';

/**
 * One row of the MRR movements table. Money is exact; movements are positive magnitudes.
 *
 * @category Revenue
 */
export interface PeriodMovements {
  /** First day of the period (inclusive), `'YYYY-MM-DD'`. */
  readonly start: IsoDate;
  /** First day after the period (exclusive). */
  readonly end: IsoDate;
  /** MRR on the last day of the previous period. */
  readonly startingMrr: Decimal;
  readonly newMrr: Decimal;
  readonly expansionMrr: Decimal;
  readonly contractionMrr: Decimal;
  readonly churnedMrr: Decimal;
  readonly reactivationMrr: Decimal;
  /**
   * The revaluation of the starting position at this period's exchange rates (signed; zero without currencies
   * or under `rateDate: 'periodStart'`).
   */
  readonly fxImpactMrr: Decimal;
  /** MRR on the last day of the period. */
  readonly endingMrr: Decimal;
  /** Customers on the last day of the previous period (see `mrrMovements` for who counts). */
  readonly startingCustomers: number;
  readonly newCustomers: number;
  readonly expandedCustomers: number;
  readonly contractedCustomers: number;
  readonly churnedCustomers: number;
  readonly reactivatedCustomers: number;
  readonly endingCustomers: number;
}

/**
 * Options of `segmentMrrMovements`: those of `mrrMovements` but `detail` (there is no drill-down list).
 *
 * @category Revenue
 */
export type SegmentMrrMovementsOptions = Omit<MrrMovementsOptions, 'detail'>;

/**
 * One row of a segment's movements table: a `PeriodMovements` row plus the MRR and customers that moved in from
 * or out to other segments. endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr −
 * churnedMrr + fxImpactMrr + transferInMrr − transferOutMrr.
 *
 * @category Revenue
 */
export interface SegmentPeriodMovements extends PeriodMovements {
  /** MRR of continuing customers arriving in this segment, where they had none (or were not present) before. */
  readonly transferInMrr: Decimal;
  /** MRR of continuing customers leaving this segment entirely (valued at this period's rates). */
  readonly transferOutMrr: Decimal;
  readonly transferredInCustomers: number;
  readonly transferredOutCustomers: number;
}

/**
 * The result of `segmentMrrMovements`: the total table (equal to `mrrMovements(…).periods`) and one table per
 * segment, segments in UTF-16 code-unit order of their names.
 *
 * @category Revenue
 */
export interface SegmentMrrMovements {
  readonly total: PeriodMovements[];
  readonly segments: { readonly segment: string; readonly periods: SegmentPeriodMovements[] }[];
}

/**
 * One customer's movement in one period, for drill-down.
 *
 * @category Revenue
 */
export interface CustomerMovement {
  readonly customerId: string;
  /** Start of the period the movement belongs to. */
  readonly periodStart: IsoDate;
  readonly type: MovementType;
  /** The customer's MRR on the last day of the previous period. */
  readonly previousMrr: Decimal;
  /** The customer's MRR on the last day of this period. */
  readonly currentMrr: Decimal;
  /** `|currentMrr − previousMrr|`. */
  readonly amount: Decimal;
}

/**
 * The result of `mrrMovements(…, { detail: 'summary' })`: the period table only. There is no `customers` key
 * (the drill-down list is not built); `periods` equals the full result's `periods`.
 *
 * @category Revenue
 */
export interface MrrMovementsSummary {
  /** One row per period of the range, empty periods included, in order. */
  readonly periods: PeriodMovements[];
}

/**
 * The result of `mrrMovements` with the default `detail: 'full'`: the period table and the drill-down list.
 *
 * @category Revenue
 */
export interface MrrMovements extends MrrMovementsSummary {
  /** Every customer movement, ordered by period, then by customerId in UTF-16 code-unit order. */
  readonly customers: CustomerMovement[];
}

/**
 * Options of `trailingNetRevenueRetention` and `trailingGrossRevenueRetention`.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetentionOptions {
  /** The day retention is measured on (the caller's "today"; the library never reads the clock). Required. */
  readonly asOf: DateLike;
  /** How far back the cohort is taken, a whole number of months >= 1; default `12`. */
  readonly months?: number;
  /** IANA time zone that decides the calendar day of a `Date` input; no default (see {@link DateLike}). */
  readonly timeZone?: string;
  /**
   * Converts rows in several currencies into `reporting`, each row once at the rate in effect on its start
   * (`rateDate: 'periodStart'`, the only convention accepted here); default: none (one currency).
   */
  readonly currency?: CurrencyOptions;
}

/**
 * A trailing revenue retention and the amounts it is made of.
 *
 * @category Revenue
 */
export interface TrailingRevenueRetention {
  /** endingMrr / startingMrr; null when nobody paid on `start`. */
  readonly value: Decimal | null;
  /** The day the cohort is taken: `asOf` minus `months` months (month end clamped). */
  readonly start: IsoDate;
  /** The day retention is measured on. */
  readonly asOf: IsoDate;
  /** The cohort's MRR on `start`. */
  readonly startingMrr: Decimal;
  /** The cohort's MRR on `asOf` (for gross retention, each customer capped at its starting MRR). */
  readonly endingMrr: Decimal;
  /** Customers paying (MRR > 0) on `start`: the cohort. */
  readonly startingCustomers: number;
  /** Cohort customers still paying (MRR > 0) on `asOf`. */
  readonly retainedCustomers: number;
}
