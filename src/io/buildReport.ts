import { addCalendarMonths, fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { MetricInputError } from '../core/errors.js';
import { type Decimal, exactSum } from '../core/internal/decimal.js';
import { toUnitInterval } from '../core/internal/numericInput.js';
import { assertArray, assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { IsoDate } from '../core/types.js';
import { GRANULARITIES, type Granularity } from '../core/types.js';
import { netPromoterScore } from '../nps/netPromoterScore.js';
import { netPromoterScoreInterval } from '../nps/netPromoterScoreInterval.js';
import { cohortRetention } from '../revenue/cohortRetention.js';
import { customerChurnRate } from '../revenue/customerChurnRate.js';
import { grossRevenueChurnRate } from '../revenue/grossRevenueChurnRate.js';
import { grossRevenueRetention } from '../revenue/grossRevenueRetention.js';
import { MAX_COHORT_CELLS, periodCount } from '../revenue/internal/workLimits.js';
import { mrrMovements } from '../revenue/mrrMovements.js';
import { netRevenueRetention } from '../revenue/netRevenueRetention.js';
import { quickRatio } from '../revenue/quickRatio.js';
import { segmentMrrMovements } from '../revenue/segmentMrrMovements.js';
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
import {
  datedPeriod,
  inCallerRows,
  lastDayOfPeriods,
  periodsKnownOn,
  ratesKnownOn,
} from './internal/asOf.js';
import { convertRows } from './internal/convertRows.js';
import { trailingMonthlyChurn } from './internal/monthlyChurn.js';
import { reportHealth } from './internal/reportHealth.js';
import { positiveNumber, wholeNumber } from './internal/reportOptions.js';
import { assertReportParts, relocated } from './internal/reportParts.js';
import type { Report, ReportInput, ReportOptions, ReportPeriodRow } from './types.js';

// The most periods n with n (n + 1) / 2 <= MAX_COHORT_CELLS.
const MAX_COHORT_PERIODS = Math.floor((Math.sqrt(8 * MAX_COHORT_CELLS + 1) - 1) / 2);

const OPTION_KEYS = new Set([
  'granularity',
  'from',
  'asOf',
  'grossMargin',
  'trailingChurnMonths',
  'cohortPeriods',
  'lowestScores',
  'currency',
  'segments',
]);

/**
 * The customer-health report as data: the movements table with each period's rates, and the point-in-time
 * figures on `asOf` (MRR, ARPA, LTV from trailing churn, trailing 12-month NRR/GRR, CAC and payback, NPS over the
 * 12 months to `asOf` with its adjusted-Wald interval, time to value with censoring, health bands, cohorts), all
 * from the library's own functions. The `customer-health report` command prints this object.
 *
 * Formula: each figure is its function's (docs/revenue-*.md, docs/unit-economics.md, docs/nps.md). LTV is ARPA
 * per month × grossMargin / average MONTHLY customer churn, whatever the granularity: the churn is measured on
 * calendar months (from the subscriptions, or `monthlyMovements`) over the last complete months spanning
 * `trailingChurnMonths` (default 6), so the LTV is the same at every granularity. Only a `movements` table at
 * another granularity without `monthlyMovements` is converted: each complete period's churn q over L months
 * (L = 3, 12 for quarter, year; 7 / 30.436875 and 1 / 30.436875 for week and day, 30.436875 days being the
 * Gregorian average month) becomes 1 − (1 − q)^(1/L), the monthly rate that compounds to the same loss if churn
 * is spread evenly, over the last complete periods spanning `trailingChurnMonths` months.
 * Units: money per month (MRR, ARPA), money per customer (LTV, CAC), ratios, days (time to value).
 * Source: ChartMogul (LTV = ARPA / customer churn with a six-month trailing average); the conversion is ours
 * (docs/io.md, "LTV is per month at every granularity").
 * Edge cases: `asOf` defaults to the last day of the data (the latest start or end date), never a day past it;
 * a last period running on past `asOf` is marked `partial` (a partial month is left out of the churn window). No periods gives
 * nulls; CAC needs monthly granularity. Bad input or options are a MetricInputError (subscriptions at
 * `['subscriptions', i, …]`), as are a key of `input` that is not one of its parts (`unknown_field`, naming the
 * part a misspelt key resembles: `npsResponse` would leave the NPS out without a word; the sample data's `asOf`
 * and `currency` are accepted and not read) and a part computed elsewhere (`movements`, `cohorts` …) beside
 * `subscriptions`, which it would ignore.
 *
 * @category Report
 * @example
 * const report = buildReport({
 *   subscriptions: [
 *     { customerId: 'a', start: '2024-01-01', mrr: 100 },
 *     { customerId: 'b', start: '2024-01-01', end: '2024-03-01', mrr: 50 },
 *   ],
 * })
 * report.asOf
 * //=> '2024-03-01'
 * report.periods.at(-1).partial
 * //=> true
 * report.summary.mrr.toString()
 * //=> '100'
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  assertObject(input as unknown, []);
  assertReportParts(input as unknown as Record<string, unknown>);
  assertObject(options as unknown, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, ['options', 'granularity']);
  const grossMargin = options.grossMargin ?? 1;
  toUnitInterval(grossMargin, ['options', 'grossMargin']);
  const from = options.from === undefined ? undefined : toCalendarDate(options.from, ['options', 'from']);
  const givenAsOf =
    options.asOf === undefined ? undefined : toCalendarDate(options.asOf, ['options', 'asOf']);
  const trailingChurnMonths = positiveNumber(options.trailingChurnMonths ?? 6, 'trailingChurnMonths');
  const cohortPeriods = wholeNumber(options.cohortPeriods ?? 12, 'cohortPeriods', 1);
  const lowestScores = wholeNumber(options.lowestScores ?? 10, 'lowestScores', 0);
  const { currency } = options;
  if (currency !== undefined) assertObject(currency as unknown, ['options', 'currency']);
  const withSegments =
    oneOf(options.segments ?? 'exclude', ['exclude', 'include'] as const, ['options', 'segments']) ===
    'include';
  let segments: Report['segments'] = null;

  let subscriptions: SubscriptionPeriod[] | undefined;
  let movements: readonly PeriodMovements[];
  // The table churn for LTV is measured on, and its months per period (1 unless converted).
  let churnTable: readonly PeriodMovements[] = [];
  let churnGranularity: Granularity = 'month';
  let asOf: IsoDate | null;
  if (input.subscriptions !== undefined) {
    assertArray(input.subscriptions as unknown, ['subscriptions']);
    const dated = input.subscriptions.map((row, index) => datedPeriod(row, index));
    const lastDay = lastDayOfPeriods(dated);
    asOf = givenAsOf ?? (lastDay === null ? null : fromDayNumber(lastDay));
    if (asOf !== null && from !== undefined && from > asOf) {
      throw new MetricInputError({
        code: 'invalid_option',
        path: ['options', 'from'],
        expected: `a day on or before asOf (${asOf})`,
        received: describeValue(from),
      });
    }
    const { known, sourceIndex } =
      asOf === null
        ? { known: dated, sourceIndex: dated.map((_, index) => index) }
        : periodsKnownOn(dated, toDayNumber(asOf));
    subscriptions = known;
    if (asOf !== null) assertCohortsWithin(known, from, asOf, granularity, cohortPeriods);
    const knownCurrency = asOf === null ? currency : ratesKnownOn(currency, asOf);
    const converting = knownCurrency === undefined ? {} : { currency: knownCurrency };
    try {
      movements =
        asOf === null
          ? []
          : mrrMovements(known, {
              granularity,
              ...(from === undefined ? {} : { from }),
              to: asOf,
              detail: 'summary',
              ...converting,
            }).periods;
      churnTable =
        asOf === null || (granularity === 'month' && from === undefined)
          ? movements
          : mrrMovements(known, { granularity: 'month', to: asOf, detail: 'summary', ...converting }).periods;
      if (asOf !== null && withSegments) {
        segments = segmentMrrMovements(known, {
          granularity,
          ...(from === undefined ? {} : { from }),
          to: asOf,
          ...converting,
        }).segments;
      }
      if (asOf !== null && knownCurrency !== undefined)
        subscriptions = convertRows(known, knownCurrency, asOf);
    } catch (error) {
      throw inCallerRows(error, sourceIndex);
    }
  } else {
    if (input.movements !== undefined) assertArray(input.movements as unknown, ['movements']);
    movements = input.movements ?? [];
    const last = movements.at(-1);
    asOf = givenAsOf ?? (last === undefined ? null : fromDayNumber(toDayNumber(last.end) - 1));
    if (input.monthlyMovements !== undefined) {
      assertArray(input.monthlyMovements as unknown, ['monthlyMovements']);
      churnTable = input.monthlyMovements;
    } else {
      churnTable = movements;
      churnGranularity = granularity;
    }
  }

  const periods: ReportPeriodRow[] = movements.map((row, index) => ({
    ...row,
    customerChurnRate: customerChurnRate(row),
    grossRevenueChurnRate: grossRevenueChurnRate(row),
    netRevenueRetention: netRevenueRetention(row),
    grossRevenueRetention: grossRevenueRetention(row),
    quickRatio: quickRatio(row),
    partial: index === movements.length - 1 && asOf !== null && toDayNumber(row.end) - 1 > toDayNumber(asOf),
  }));
  const last = periods.at(-1);

  const arpa =
    last === undefined
      ? null
      : averageRevenuePerAccount({ mrr: last.endingMrr, customers: last.endingCustomers });
  const churn = trailingMonthlyChurn(churnTable, asOf, churnGranularity, trailingChurnMonths);
  const ltv =
    arpa === null || churn === null
      ? null
      : lifetimeValue({ arpa, churnRate: churn.rates, grossMargin }, { trailingPeriods: churn.rates.length });

  let cac: Decimal | null = null;
  let payback: Decimal | null = null;
  if (input.salesAndMarketingSpend !== undefined && granularity === 'month' && periods.length > 0) {
    // CAC over the last three months: their spend over their new customers (reactivations are not acquisitions).
    const recent = periods.slice(-3);
    const months = new Set(recent.map((row) => row.start));
    // Collected and added once, exactly: a running `plus` rounds at 40 significant digits, then CAC rounds again.
    const amounts: Decimal[] = [];
    input.salesAndMarketingSpend.forEach((entry, index) => {
      const month = `${toCalendarDate(entry.month, ['salesAndMarketingSpend', index, 'month']).slice(0, 8)}01`;
      if (months.has(month)) {
        amounts.push(toDecimal(entry.amount, ['salesAndMarketingSpend', index, 'amount'], 'nonNegative'));
      }
    });
    const spend = exactSum(amounts);
    const newCustomers = recent.reduce((sum, row) => sum + row.newCustomers, 0);
    cac = customerAcquisitionCost({ salesAndMarketingSpend: spend, newCustomers });
    payback = cac === null || arpa === null ? null : cacPaybackMonths({ cac, arpa, grossMargin });
  }

  let nps: Report['nps'] = null;
  if (input.npsResponses !== undefined && asOf !== null) {
    const since = addCalendarMonths(asOf, -12);
    const scores: number[] = [];
    const responseIndex: number[] = [];
    input.npsResponses.forEach((response, index) => {
      const day = toCalendarDate(response.at, ['npsResponses', index, 'at']);
      if (day <= since || day > asOf) return;
      scores.push(response.score);
      responseIndex.push(index);
    });
    let result: ReturnType<typeof netPromoterScore>;
    try {
      result = netPromoterScore(scores);
    } catch (error) {
      // netPromoterScore names `scores[k]`, the k-th response in the window.
      throw relocated(error, ([, k, ...rest]) => [
        'npsResponses',
        responseIndex[k as number]!,
        'score',
        ...rest,
      ]);
    }
    const interval = netPromoterScoreInterval(result);
    nps = {
      responses: result.responses,
      score: result.score,
      lower: interval?.lower ?? null,
      upper: interval?.upper ?? null,
    };
  }

  let ttv: Report['timeToValue'] = null;
  if (input.onboarding !== undefined && asOf !== null) {
    const records: (typeof input.onboarding)[number][] = [];
    const recordIndex: number[] = [];
    input.onboarding.forEach((record, index) => {
      if (toCalendarDate(record.start, ['onboarding', index, 'start']) > asOf) return;
      records.push(record);
      recordIndex.push(index);
    });
    let result: ReturnType<typeof timeToValue>;
    try {
      result = timeToValue(records, { asOf });
    } catch (error) {
      // timeToValue names `records[k]`, the k-th record started by the as-of day.
      throw relocated(error, ([root, k, ...rest]) =>
        root === 'records' && typeof k === 'number'
          ? ['onboarding', recordIndex[k]!, ...rest]
          : ['onboarding', ...(k === undefined ? [] : [k]), ...rest],
      );
    }
    ttv = {
      customers: result.customers,
      reached: result.reached,
      median: result.median,
      p75: result.p75,
      p90: result.p90,
      naiveMedian: result.naiveMedian,
    };
  }

  const cohorts =
    last === undefined || subscriptions === undefined
      ? (input.cohorts ?? null)
      : cohortRetention(subscriptions, {
          granularity,
          from: periods[Math.max(0, periods.length - cohortPeriods)]!.start,
          to: asOf!,
        });

  const health =
    input.healthMeasures === undefined
      ? null
      : reportHealth(input.healthMeasures, input.scorecard ?? SAMPLE_SCORECARD, lowestScores);

  return {
    granularity,
    asOf,
    currency:
      currency === undefined
        ? null
        : { reporting: currency.reporting, rateDate: currency.rateDate ?? 'periodStart' },
    periods,
    segments,
    summary: {
      mrr: last?.endingMrr ?? null,
      customers: last?.endingCustomers ?? null,
      arpa,
      monthlyCustomerChurnRate: churn?.average ?? null,
      churnWindow: churn?.window ?? null,
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

// The cohort matrix has n (n + 1) / 2 cells for the n most recent periods (at most the report's periods, from
// `from` or the first row to asOf): refused before anything is computed.
function assertCohortsWithin(
  known: readonly { readonly start: IsoDate }[],
  from: IsoDate | undefined,
  asOf: IsoDate,
  granularity: Granularity,
  cohortPeriods: number,
): void {
  let first = from === undefined ? toDayNumber(asOf) : toDayNumber(from);
  if (from === undefined) for (const row of known) first = Math.min(first, toDayNumber(row.start));
  const count = Math.min(cohortPeriods, periodCount(first, toDayNumber(asOf), granularity, 1));
  if ((count * (count + 1)) / 2 <= MAX_COHORT_CELLS) return;
  throw new MetricInputError({
    code: 'out_of_range',
    path: ['options', 'cohortPeriods'],
    expected: `at most ${MAX_COHORT_PERIODS} recent periods (${MAX_COHORT_CELLS} cohort cells), or a coarser granularity`,
    received: describeValue(cohortPeriods),
    message: `options.cohortPeriods (${cohortPeriods}) asks for a cohort matrix of ${count} periods, more than the ${MAX_COHORT_PERIODS} one report computes: use a smaller cohortPeriods or a coarser granularity`,
  });
}

// A figure computed outside is used only if it was measured on the report's own day.
// Its value, validated at the boundary, may come from JSON as a string or a number.
function given(result: TrailingRevenueRetention | undefined, asOf: IsoDate): Decimal | null {
  return result !== undefined && toCalendarDate(result.asOf) === asOf && result.value !== null
    ? toDecimal(result.value)
    : null;
}
