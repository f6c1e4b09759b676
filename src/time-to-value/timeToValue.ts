import { fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import {
  nextPeriodStart,
  type ResolvedPeriodOptions,
  resolvePeriodOptions,
  startOfPeriod,
} from '../core/internal/periodGrid.js';
import { assertWeekInCalendar, firstWeekDay } from '../core/internal/weekCalendar.js';
import { toDecimal } from '../core/numeric.js';
import type { DateLike, IsoDate, Numeric, Period, PeriodOptions } from '../core/types.js';
import { resolveKaplanMeierOptions } from './internal/resolveKaplanMeierOptions.js';
import { toTimeToValueDurations } from './internal/toTimeToValueDurations.js';
import { kaplanMeier } from './kaplanMeier.js';
import { survivalAt } from './survivalAt.js';
import { survivalQuantile } from './survivalQuantile.js';
import type { TimeToValueDuration, TimeToValueRecord, TimeToValueUnit } from './timeToValueDurations.js';
import type { KaplanMeierOptions, KaplanMeierResult } from './types.js';

/**
 * Options of {@link timeToValue}.
 *
 * @category Time to value
 */
export interface TimeToValueOptions extends PeriodOptions, KaplanMeierOptions {
  /** The day the data was taken: customers without value by then are censored there. Required. */
  readonly asOf: DateLike;
  /** Unit of every duration and quantile; default `'day'`. */
  readonly unit?: TimeToValueUnit;
  /** Horizons (in `unit`s) for "share reaching value within N"; default `[7, 14, 30, 90]` days or `[1, 2, 4, 13]` weeks. */
  readonly withinUnits?: readonly Numeric[];
}

/**
 * The estimated share of customers that reach value within a horizon.
 *
 * @category Time to value
 */
export interface ShareReachedWithin {
  /** The horizon, in the result's unit. */
  readonly units: number;
  /** 1 − S(units), a probability (double); null when the horizon is beyond every observed duration. */
  readonly share: number | null;
}

/**
 * Time-to-value statistics of one group of customers. Quantiles are null when the curve does not get there.
 *
 * @category Time to value
 */
export interface TimeToValueSummary {
  /** Customers in the group. */
  readonly customers: number;
  /** Customers that reached value by `asOf`. */
  readonly reached: number;
  /** Customers still without value at `asOf` (censored). */
  readonly notReached: number;
  /** Median time to value from the Kaplan–Meier curve: 50 % reached value by then. */
  readonly median: number | null;
  /** Time by which 75 % reached value (S <= 0.25). */
  readonly p75: number | null;
  /** Time by which 90 % reached value (S <= 0.1). */
  readonly p90: number | null;
  /**
   * The biased figure teams often report: the median over customers that reached value only, ignoring those
   * still waiting. Shown so the bias is visible; null when nobody reached value.
   */
  readonly naiveMedian: number | null;
  /** Share reaching value within each requested horizon. */
  readonly within: readonly ShareReachedWithin[];
  /** The Kaplan–Meier curve of the group. */
  readonly curve: KaplanMeierResult;
}

/**
 * Time-to-value statistics of one signup cohort.
 *
 * @category Time to value
 */
export interface TimeToValueCohort extends TimeToValueSummary {
  /** The cohort's period (start inclusive, end exclusive). */
  readonly period: Period;
}

/**
 * The result of {@link timeToValue}: overall statistics, every customer's duration, and per-cohort statistics.
 *
 * @category Time to value
 */
export interface TimeToValueResult extends TimeToValueSummary {
  /** The `asOf` day as an ISO date. */
  readonly asOf: IsoDate;
  /** The unit of every duration and quantile. */
  readonly unit: TimeToValueUnit;
  /** Each customer's duration, in input order. */
  readonly durations: readonly TimeToValueDuration[];
  /** One entry per signup period that has customers, in time order. */
  readonly cohorts: readonly TimeToValueCohort[];
}

const UNITS: readonly TimeToValueUnit[] = ['day', 'week'];
const DEFAULT_WITHIN: Readonly<Record<TimeToValueUnit, readonly number[]>> = {
  day: [7, 14, 30, 90],
  week: [1, 2, 4, 13],
};

/**
 * Time to value with censoring: how long customers take from start to their first value milestone, counting
 * the customers who have not got there yet instead of dropping them (which flatters the number).
 *
 * Formula: duration = reachedValueAt − start (event) or asOf − start (censored), in calendar days, divided by
 * 7 for `unit: 'week'`; then the Kaplan–Meier curve S of those durations ({@link kaplanMeier}); median, p75
 * and p90 = the times where S first falls to 0.5, 0.25 and 0.1 ({@link survivalQuantile}); share within N =
 * 1 − S(N). naiveMedian is the plain median of the reached customers' durations. Cohorts group customers by
 * the period containing their start.
 * Units: `unit`s (days, or fractional weeks); shares are probabilities (doubles).
 * Source: the Kaplan–Meier estimator as R's survival package; "time to value" from Mehta, Steinman & Murphy
 * (2016), principle 7 (docs/time-to-value.md).
 * Edge cases: a reachedValueAt after asOf counts as not reached (censored at asOf); value reached on the start
 * day is a duration of 0; no records gives null quantiles and no cohorts. A reachedValueAt before start, a
 * start after asOf, a repeated customerId, a bad date, option or horizon is a {@link MetricInputError}; so is
 * (`out_of_range`, naming the first day accepted) a start whose week starts before 1000-01-01, the first
 * supported day, with weekly cohorts (`granularity: 'week'`).
 *
 * @category Time to value
 * @example
 * const result = timeToValue(
 *   [
 *     { customerId: 'a', start: '2024-01-01', reachedValueAt: '2024-01-05' },
 *     { customerId: 'b', start: '2024-01-01', reachedValueAt: '2024-01-11' },
 *     { customerId: 'c', start: '2024-01-01', reachedValueAt: '2024-01-21' },
 *     { customerId: 'd', start: '2024-01-03', reachedValueAt: null },
 *     { customerId: 'e', start: '2024-01-21' },
 *   ],
 *   { asOf: '2024-01-31', withinUnits: [7, 30] },
 * )
 * result.median
 * //=> 20
 * result.naiveMedian
 * //=> 10
 * result.within.map((entry) => entry.share && Number(entry.share.toFixed(2)))
 * //=> [0.2, null]
 */
export function timeToValue(
  records: readonly TimeToValueRecord[],
  options: TimeToValueOptions,
): TimeToValueResult {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const unit = oneOf(options.unit ?? 'day', UNITS, ['options', 'unit']);
  const periodOptions = resolvePeriodOptions(options);
  const asOf = toCalendarDate(options.asOf, ['options', 'asOf'], periodOptions.timeZone);
  const within = Array.from(options.withinUnits ?? DEFAULT_WITHIN[unit], (horizon, index) =>
    toDecimal(horizon, ['options', 'withinUnits', index], 'nonNegative').toNumber(),
  );
  const curveOptions = resolveKaplanMeierOptions(options);
  const durations = toTimeToValueDurations(records, asOf, unit, periodOptions.timeZone);
  if (periodOptions.granularity === 'week') {
    // Weekly cohorts need each record's week to start within the calendar (from 1000-01-01 on).
    const firstWeek = fromDayNumber(firstWeekDay(periodOptions.weekStartsOn));
    durations.forEach(({ start }, index) => {
      if (start < firstWeek) {
        assertWeekInCalendar(toDayNumber(start), periodOptions, ['records', index, 'start'], start);
      }
    });
  }
  const summarize = (rows: readonly TimeToValueDuration[]) => summarizeGroup(rows, within, curveOptions);
  return {
    asOf,
    unit,
    ...summarize(durations),
    durations,
    cohorts: cohortsOf(durations, periodOptions).map(([period, rows]) => ({ period, ...summarize(rows) })),
  };
}

function summarizeGroup(
  rows: readonly TimeToValueDuration[],
  within: readonly number[],
  curveOptions: KaplanMeierOptions,
): TimeToValueSummary {
  const curve = kaplanMeier(
    rows.map((row) => ({ duration: row.duration, event: row.reached })),
    curveOptions,
  );
  const reachedOnly = kaplanMeier(
    rows.filter((row) => row.reached).map((row) => ({ duration: row.duration, event: true })),
    curveOptions,
  );
  return {
    customers: curve.observations,
    reached: curve.events,
    notReached: curve.censored,
    median: curve.median,
    p75: survivalQuantile(curve, 0.75),
    p90: survivalQuantile(curve, 0.9),
    naiveMedian: reachedOnly.median,
    within: within.map((units) => {
      const survival = survivalAt(curve, units);
      return { units, share: survival === null ? null : 1 - survival };
    }),
    curve,
  };
}

function cohortsOf(
  rows: readonly TimeToValueDuration[],
  options: ResolvedPeriodOptions,
): [Period, TimeToValueDuration[]][] {
  const byStart = new Map<IsoDate, TimeToValueDuration[]>();
  for (const row of rows) {
    const periodStart = startOfPeriod(row.start, options);
    const list = byStart.get(periodStart);
    if (list === undefined) byStart.set(periodStart, [row]);
    else list.push(row);
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, list]) => [{ start, end: nextPeriodStart(start, options.granularity) }, list]);
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'asOf',
  'unit',
  'granularity',
  'weekStartsOn',
  'timeZone',
  'withinUnits',
  'confidence',
  'method',
]);
