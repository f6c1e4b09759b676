import type { Decimal } from '../core/internal/decimal.js';
import type { DateLike, Granularity, IsoDate, Numeric } from '../core/types.js';
import type { ScorecardConfig } from '../health/types.js';
import type { CohortRetentionResult } from '../revenue/cohortRetention.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import type {
  CurrencyOptions,
  ExchangeRateDate,
  PeriodMovements,
  SegmentPeriodMovements,
  TrailingRevenueRetention,
} from '../revenue/types.js';

/**
 * Everything a report can use. Either `subscriptions` (everything is computed from them) or `movements` (a
 * table computed elsewhere, e.g. by DuckDB over a file too large for memory: trailing NRR/GRR then come from
 * `trailingRevenueRetention`, null without it, and the cohorts from `cohorts`, null without it).
 *
 * @category Report
 */
export interface ReportInput {
  readonly subscriptions?: readonly SubscriptionPeriod[];
  readonly movements?: readonly PeriodMovements[];
  /**
   * With `movements` at another granularity than month: the monthly table of the same data, which LTV's churn is
   * measured on; without it that churn is converted from the table's periods (see `buildReport`).
   */
  readonly monthlyMovements?: readonly PeriodMovements[];
  /**
   * With `movements`: trailing 12-month NRR and GRR computed elsewhere; used only when their `asOf` is the
   * report's.
   */
  readonly trailingRevenueRetention?: {
    readonly net: TrailingRevenueRetention;
    readonly gross: TrailingRevenueRetention;
  };
  /**
   * With `movements`: the cohort matrix computed elsewhere (e.g. `cohortRetentionDuckDb` over the same rows, the
   * last `cohortPeriods` periods to the as-of day); used as it is. Without it and without subscriptions the
   * report has no cohorts.
   */
  readonly cohorts?: CohortRetentionResult;
  readonly npsResponses?: readonly { readonly at: DateLike; readonly score: number }[];
  readonly onboarding?: readonly {
    readonly customerId: string;
    readonly start: DateLike;
    readonly reachedValueAt?: DateLike | null;
  }[];
  readonly salesAndMarketingSpend?: readonly { readonly month: DateLike; readonly amount: Numeric }[];
  /** Health measures per account, scored with `scorecard` (default: the sample scorecard). */
  readonly healthMeasures?: readonly { readonly customerId: string }[];
  readonly scorecard?: ScorecardConfig;
}

/**
 * Options of `buildReport`.
 *
 * @category Report
 */
export interface ReportOptions {
  /** Period length of the movements table; default `'month'`. */
  readonly granularity?: Granularity;
  /** First day reported: the table starts with the period holding it; default: the first day of the data. */
  readonly from?: DateLike;
  /**
   * The day the point-in-time figures are measured on, and the last day reported: the table ends with the
   * period holding it (marked `partial` when the period runs on past it). Default: the last day of the data,
   * the latest start or end date of the subscriptions (with `movements`: the last day of the last period).
   * Subscriptions are read as known on that day: one starting later is left out, one ending later is still
   * active.
   */
  readonly asOf?: DateLike;
  /** Gross margin for LTV and CAC payback, in [0, 1]; default `1` (revenue LTV). */
  readonly grossMargin?: Numeric;
  /**
   * Months of trailing churn averaged for LTV, > 0; default `6` (ChartMogul's window). The window is the last
   * complete periods spanning about that many months (at least one period).
   */
  readonly trailingChurnMonths?: number;
  /** The most recent cohorts (periods) in the cohort retention matrix, a whole number >= 1; default `12`. */
  readonly cohortPeriods?: number;
  /** Accounts listed in `health.lowestScores`, a whole number >= 0; default `10`. */
  readonly lowestScores?: number;
  /**
   * Converts subscriptions in several currencies into `reporting` (the `currency` option of `mrrMovements`):
   * the movements table, MRR, ARPA and LTV follow `rateDate`; trailing NRR/GRR and cohorts take each row at the
   * rate of its start (`'periodStart'`) or of the as-of day (`'snapshot'`: constant currency). Default: none
   * (every row in one currency). Ignored with `movements` (computed elsewhere).
   */
  readonly currency?: CurrencyOptions;
  /**
   * `'include'` adds `segments`, the movements table of each segment (`segmentMrrMovements`; every subscription
   * needs a `segment`); default `'exclude'`.
   */
  readonly segments?: 'exclude' | 'include';
}

/**
 * One segment's movements table in a report: `segmentMrrMovements` over the report's range.
 *
 * @category Report
 */
export interface ReportSegment {
  readonly segment: string;
  readonly periods: SegmentPeriodMovements[];
}

/**
 * One row of the report's period table: the movements plus the rates of that period.
 *
 * @category Report
 */
export interface ReportPeriodRow extends PeriodMovements {
  readonly customerChurnRate: Decimal | null;
  readonly grossRevenueChurnRate: Decimal | null;
  readonly netRevenueRetention: Decimal | null;
  readonly grossRevenueRetention: Decimal | null;
  readonly quickRatio: Decimal | null;
  /** True for a last period that runs on past the report's `asOf`: its figures cover only part of it. */
  readonly partial: boolean;
}

/**
 * The health part of a report.
 *
 * @category Report
 */
export interface ReportHealth {
  readonly accounts: number;
  readonly averageScore: number | null;
  /** Accounts per overall band, in the scorecard's band order. */
  readonly bands: { readonly label: string; readonly accounts: number; readonly share: Decimal | null }[];
  /** The accounts pulling the score down most often: measure id → accounts where it lost the most points. */
  readonly fixFirst: { readonly measure: string; readonly accounts: number }[];
  /** The lowest-scoring accounts, lowest first (ties by customer id): whom to call first. */
  readonly lowestScores: {
    readonly customerId: string;
    readonly score: number;
    readonly band: string | null;
  }[];
}

/**
 * The trailing churn LTV is computed from: which periods, and how their churn became a monthly rate.
 *
 * @category Report
 */
export interface ReportChurnWindow {
  /**
   * The periods churn was measured on: `'month'` whenever subscriptions (or `monthlyMovements`) are given, else
   * the granularity of `movements`, converted.
   */
  readonly granularity: Granularity;
  /** Complete periods averaged (those with a defined churn rate). */
  readonly periods: number;
  /** Start of the first of them. */
  readonly from: IsoDate;
  /** Last day of the last of them. */
  readonly to: IsoDate;
  /**
   * Months per period used to convert each period's churn q to 1 − (1 − q)^(1/L): 1 for months (no
   * conversion), 3 for quarters, 12 for years, 7 / 30.436875 for weeks and 1 / 30.436875 for days
   * (30.436875 = 365.2425 / 12, the Gregorian calendar's average month).
   */
  readonly monthsPerPeriod: Decimal;
}

/**
 * A whole report as plain data: Decimals for money and ratios (they serialise as strings), numbers for counts.
 *
 * @category Report
 */
export interface Report {
  readonly granularity: Granularity;
  /**
   * The day the point-in-time figures are measured on: the `asOf` option, or the last day of the data; null
   * without periods.
   */
  readonly asOf: IsoDate | null;
  /** The reporting currency and rate-date convention money was converted with; null without `currency`. */
  readonly currency: { readonly reporting: string; readonly rateDate: ExchangeRateDate } | null;
  readonly periods: ReportPeriodRow[];
  /**
   * With `segments: 'include'`: one movements table per segment over the same periods, segments in UTF-16 order
   * of their names; summed over segments they reconcile with `periods` (docs/segments-and-currencies.md). Null
   * otherwise.
   */
  readonly segments: ReportSegment[] | null;
  readonly summary: {
    /** MRR on `asOf` (the last period's ending MRR). */
    readonly mrr: Decimal | null;
    readonly customers: number | null;
    /** Average revenue per account per MONTH (MRR / paying customers) on `asOf`. */
    readonly arpa: Decimal | null;
    /**
     * Average monthly customer churn over the trailing window (`churnWindow`): the plain average of the monthly
     * rates, or of each period's rate converted to monthly when only another granularity was available.
     */
    readonly monthlyCustomerChurnRate: Decimal | null;
    readonly churnWindow: ReportChurnWindow | null;
    /** ARPA per month × gross margin / monthly churn: in the same unit whatever the granularity. */
    readonly lifetimeValue: Decimal | null;
    readonly grossMargin: string;
    readonly trailingNetRevenueRetention: Decimal | null;
    readonly trailingGrossRevenueRetention: Decimal | null;
    readonly customerAcquisitionCost: Decimal | null;
    readonly cacPaybackMonths: Decimal | null;
  };
  readonly nps: {
    readonly responses: number;
    readonly score: Decimal | null;
    readonly lower: number | null;
    readonly upper: number | null;
  } | null;
  readonly health: ReportHealth | null;
  /**
   * Logo retention of the last `cohortPeriods` cohorts (customers by the period of their first payment), over
   * the report's periods; null when there are no periods or no subscriptions.
   */
  readonly cohorts: CohortRetentionResult | null;
  readonly timeToValue: {
    readonly customers: number;
    readonly reached: number;
    readonly median: number | null;
    readonly p75: number | null;
    readonly p90: number | null;
    readonly naiveMedian: number | null;
  } | null;
}
