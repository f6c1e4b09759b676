import { addCalendarMonths, fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { type Decimal, ZERO } from '../core/internal/decimal.js';
import { toDecimal } from '../core/numeric.js';
import type { DateLike, Granularity, IsoDate, Numeric } from '../core/types.js';
import type { ScorecardConfig } from '../health/types.js';
import { netPromoterScore } from '../nps/netPromoterScore.js';
import { npsConfidenceInterval } from '../nps/npsConfidenceInterval.js';
import { type CohortRetentionResult, cohortRetention } from '../revenue/cohortRetention.js';
import { customerChurnRate } from '../revenue/customerChurnRate.js';
import { grossRevenueChurnRate } from '../revenue/grossRevenueChurnRate.js';
import { grossRevenueRetention } from '../revenue/grossRevenueRetention.js';
import { mrrMovements } from '../revenue/mrrMovements.js';
import { netRevenueRetention } from '../revenue/netRevenueRetention.js';
import { quickRatio } from '../revenue/quickRatio.js';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import { trailingGrossRevenueRetention } from '../revenue/trailingGrossRevenueRetention.js';
import { trailingNetRevenueRetention } from '../revenue/trailingNetRevenueRetention.js';
import type { PeriodMovements, TrailingRevenueRetention } from '../revenue/types.js';
import { SAMPLE_SCORECARD } from '../sample/sampleScorecard.js';
import { timeToValue } from '../time-to-value/timeToValue.js';
import { averageRevenuePerAccount } from '../unit-economics/averageRevenuePerAccount.js';
import { cacPaybackMonths } from '../unit-economics/cacPaybackMonths.js';
import { customerAcquisitionCost } from '../unit-economics/customerAcquisitionCost.js';
import { lifetimeValue } from '../unit-economics/lifetimeValue.js';
import { type ReportHealth, reportHealth } from './reportHealth.js';

/**
 * Everything the report can use. Either `subscriptions` (everything is computed here) or `movements` (a table
 * computed elsewhere, e.g. by DuckDB over a file too large for memory: then trailing NRR/GRR come from
 * `trailingRevenueRetention`, null without it, and the cohorts, which need each customer's history, are null).
 *
 * @private
 */
export interface ReportInput {
  readonly subscriptions?: readonly SubscriptionPeriod[];
  readonly movements?: readonly PeriodMovements[];
  /**
   * With `movements`: trailing 12-month NRR and GRR computed elsewhere for the report's asOf
   * ({@link reportAsOf} of `movements`); used only when their `asOf` is that day.
   */
  readonly trailingRevenueRetention?: {
    readonly net: TrailingRevenueRetention;
    readonly gross: TrailingRevenueRetention;
  };
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

/** @private */
export interface ReportOptions {
  readonly granularity?: Granularity;
  readonly from?: DateLike;
  readonly to?: DateLike;
  /** Gross margin for LTV and CAC payback, in [0, 1]; default 1 (revenue LTV). */
  readonly grossMargin?: Numeric;
  /** Periods of trailing churn averaged for LTV (ChartMogul uses 6 months); default 6. */
  readonly trailingChurnPeriods?: number;
  /** The most recent cohorts (periods) in the cohort retention matrix; default 12. */
  readonly cohortPeriods?: number;
  /** Accounts listed in `health.lowestScores`; default 10. */
  readonly lowestScores?: number;
}

/** One row of the report's period table: the movements plus the rates of that period. @private */
export interface ReportPeriodRow extends PeriodMovements {
  readonly customerChurnRate: Decimal | null;
  readonly grossRevenueChurnRate: Decimal | null;
  readonly netRevenueRetention: Decimal | null;
  readonly grossRevenueRetention: Decimal | null;
  readonly quickRatio: Decimal | null;
}

/** The whole report as plain JSON-serialisable data (Decimals serialise as strings). @private */
export interface Report {
  readonly granularity: Granularity;
  /** The last day of the last period: the day the point-in-time figures are measured on. */
  readonly asOf: IsoDate | null;
  readonly periods: ReportPeriodRow[];
  readonly summary: {
    readonly mrr: Decimal | null;
    readonly customers: number | null;
    readonly arpa: Decimal | null;
    readonly averageCustomerChurnRate: Decimal | null;
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
   * the report's periods; null when there are no periods.
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

/**
 * Computes the customer-health report: the movements table with each period's rates, and the point-in-time
 * figures (MRR, ARPA, LTV from trailing churn, trailing 12-month NRR/GRR, CAC and payback, NPS over the last
 * 12 months with its adjusted-Wald interval, time to value with censoring), all from the library's own functions.
 *
 * @private
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  const granularity = options.granularity ?? 'month';
  const grossMargin = options.grossMargin ?? 1;
  const subscriptions = input.subscriptions;
  const movements =
    subscriptions === undefined
      ? (input.movements ?? [])
      : mrrMovements(subscriptions, {
          granularity,
          ...(options.from === undefined ? {} : { from: options.from }),
          ...(options.to === undefined ? {} : { to: options.to }),
        }).periods;
  const periods: ReportPeriodRow[] = movements.map((row) => ({
    ...row,
    customerChurnRate: customerChurnRate(row),
    grossRevenueChurnRate: grossRevenueChurnRate(row),
    netRevenueRetention: netRevenueRetention(row),
    grossRevenueRetention: grossRevenueRetention(row),
    quickRatio: quickRatio(row),
  }));
  const last = periods.at(-1);
  const asOf = reportAsOf(periods);

  const arpa =
    last === undefined
      ? null
      : averageRevenuePerAccount({ mrr: last.endingMrr, customers: last.endingCustomers });
  const churnSeries = periods
    .slice(-(options.trailingChurnPeriods ?? 6))
    .map((row) => row.customerChurnRate)
    .filter((rate): rate is Decimal => rate !== null);
  const averageChurn =
    churnSeries.length === 0
      ? null
      : churnSeries.reduce((sum, rate) => sum.plus(rate)).dividedBy(churnSeries.length);
  const ltv =
    arpa === null || churnSeries.length === 0
      ? null
      : lifetimeValue({ arpa, churnRate: churnSeries, grossMargin }, { trailingPeriods: churnSeries.length });

  let cac: Decimal | null = null;
  let payback: Decimal | null = null;
  if (input.salesAndMarketingSpend !== undefined && granularity === 'month' && periods.length > 0) {
    // CAC over the last three months: their spend over their new customers (reactivations are not acquisitions).
    const recent = periods.slice(-3);
    const months = new Set(recent.map((row) => row.start));
    let spend: Decimal = ZERO;
    input.salesAndMarketingSpend.forEach((entry, index) => {
      const month = `${toCalendarDate(entry.month, ['salesAndMarketingSpend', index, 'month']).slice(0, 8)}01`;
      if (months.has(month)) {
        spend = spend.plus(
          toDecimal(entry.amount, ['salesAndMarketingSpend', index, 'amount'], 'nonNegative'),
        );
      }
    });
    const newCustomers = recent.reduce((sum, row) => sum + row.newCustomers, 0);
    cac = customerAcquisitionCost({ salesAndMarketingSpend: spend, newCustomers });
    payback =
      cac === null || arpa === null ? null : cacPaybackMonths({ cac, mrrPerCustomer: arpa, grossMargin });
  }

  let nps: Report['nps'] = null;
  if (input.npsResponses !== undefined && asOf !== null) {
    const since = addCalendarMonths(asOf, -12);
    const scores = input.npsResponses
      .filter((response, index) => {
        const day = toCalendarDate(response.at, ['npsResponses', index, 'at']);
        return day > since && day <= asOf;
      })
      .map((response) => response.score);
    const result = netPromoterScore(scores);
    const interval = npsConfidenceInterval(result);
    nps = {
      responses: result.responses,
      score: result.score,
      lower: interval?.lower ?? null,
      upper: interval?.upper ?? null,
    };
  }

  let ttv: Report['timeToValue'] = null;
  if (input.onboarding !== undefined && asOf !== null) {
    const records = input.onboarding.filter(
      (record, index) => toCalendarDate(record.start, ['onboarding', index, 'start']) <= asOf,
    );
    const result = timeToValue(records, { asOf });
    ttv = {
      customers: result.customers,
      reached: result.reached,
      median: result.median,
      p75: result.p75,
      p90: result.p90,
      naiveMedian: result.naiveMedian,
    };
  }

  const cohortPeriods = options.cohortPeriods ?? 12;
  const cohorts =
    last === undefined || subscriptions === undefined
      ? null
      : cohortRetention(subscriptions, {
          granularity,
          from: periods[Math.max(0, periods.length - cohortPeriods)]!.start,
          to: last.start,
        });

  const health =
    input.healthMeasures === undefined
      ? null
      : reportHealth(input.healthMeasures, input.scorecard ?? SAMPLE_SCORECARD, options.lowestScores ?? 10);

  return {
    granularity,
    asOf,
    periods,
    summary: {
      mrr: last?.endingMrr ?? null,
      customers: last?.endingCustomers ?? null,
      arpa,
      averageCustomerChurnRate: averageChurn,
      lifetimeValue: ltv,
      grossMargin: String(grossMargin),
      trailingNetRevenueRetention:
        asOf === null
          ? null
          : subscriptions === undefined
            ? given(input.trailingRevenueRetention?.net, asOf)
            : trailingNetRevenueRetention(subscriptions, { asOf }).value,
      trailingGrossRevenueRetention:
        asOf === null
          ? null
          : subscriptions === undefined
            ? given(input.trailingRevenueRetention?.gross, asOf)
            : trailingGrossRevenueRetention(subscriptions, { asOf }).value,
      customerAcquisitionCost: cac,
      cacPaybackMonths: payback,
    },
    nps,
    health,
    timeToValue: ttv,
    cohorts,
  };
}

/**
 * The day the report's point-in-time figures are measured on: the last day of its last period (null without
 * periods). The DuckDB engine measures trailing NRR/GRR on the same day.
 *
 * @private
 */
export function reportAsOf(periods: readonly PeriodMovements[]): IsoDate | null {
  const last = periods.at(-1);
  return last === undefined ? null : fromDayNumber(toDayNumber(last.end) - 1);
}

// A figure computed outside is used only if it was measured on the report's own day.
function given(result: TrailingRevenueRetention | undefined, asOf: IsoDate): Decimal | null {
  return result !== undefined && result.asOf === asOf ? result.value : null;
}
