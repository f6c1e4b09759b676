import { toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { MetricInputError } from '../core/errors.js';
import { Decimal } from '../core/internal/decimal.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { DateLike, InputPath, IsoDate } from '../core/types.js';
import { bandIndexOf } from './internal/bandIndexOf.js';
import { resolveHealthBands } from './internal/resolveHealthBands.js';
import { toHealthScore } from './internal/toHealthScore.js';
import type { HealthBand } from './types.js';

/**
 * One observation of an account's health score.
 *
 * @category Health
 */
export interface HealthTrendPoint {
  /** The day the score was taken (a `Date` is read in UTC). */
  readonly at: DateLike;
  /** The health score, 0–100. */
  readonly score: number;
}

/**
 * Options of {@link healthTrend}.
 *
 * @category Health
 */
export interface HealthTrendOptions {
  /** The day to count `daysInBand` to; default the last point's date. Must not be before it. */
  readonly asOf?: DateLike;
  /** A change whose absolute value is at most this many points is `'flat'`; default 1. */
  readonly tolerance?: number;
  /** Overall bands covering [0, 100]; default {@link DEFAULT_HEALTH_BANDS}. */
  readonly bands?: readonly HealthBand[];
}

/**
 * Which way the score moved between the last two observations.
 *
 * @category Health
 */
export type TrendDirection = 'up' | 'down' | 'flat';

/**
 * An observation after validation: its calendar day and score.
 *
 * @category Health
 */
export interface HealthObservation {
  readonly at: IsoDate;
  readonly score: number;
}

/**
 * Where an account's health is heading.
 *
 * @category Health
 */
export interface HealthTrend {
  /** How many observations there were. */
  readonly points: number;
  /** The most recent observation. */
  readonly latest: HealthObservation;
  /** The observation before it, or null with a single point. */
  readonly previous: HealthObservation | null;
  /** latest − previous (exact decimal difference, as the nearest double); null with a single point. */
  readonly change: number | null;
  /** `'flat'` when |change| ≤ tolerance, else `'up'` or `'down'`; null with a single point. */
  readonly direction: TrendDirection | null;
  /**
   * Ordinary least-squares slope of score against calendar day over all points, in points per day (× 7 for
   * per week, × 30 for per 30 days); computed exactly in decimal and returned as the nearest double. Null with a
   * single point.
   */
  readonly slopePerDay: number | null;
  /** The band of the latest score. */
  readonly band: string;
  /** The first day of the latest unbroken run of observations in that band. */
  readonly bandSince: IsoDate;
  /** Calendar days from `bandSince` to `asOf` (or to the latest observation). */
  readonly daysInBand: number;
}

/**
 * Summarises a history of health scores: the last change and its direction (with a tolerance so that noise reads
 * as flat), the least-squares slope per day over the whole history, and how long the account has been in its
 * current band. The input order does not matter; points are sorted by date.
 *
 * Formula: change = s_last − s_prev; direction = flat if |change| ≤ tolerance, else the sign; slopePerDay =
 * (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²) with x the calendar day; daysInBand = asOf − first day of the last run of
 * points whose score lies in the latest score's band.
 * Units: points, points per day, calendar days.
 * Source: our convention (docs/health.md); the slope is the ordinary least-squares estimate, as numpy's
 * `polyfit(x, y, 1)` and scipy's `linregress` compute it.
 * Edge cases: an empty history, two points on the same day, a score outside 0–100, a negative tolerance or an
 * `asOf` before the last point are MetricInputErrors; a single point gives null change, direction and slope. The
 * band is entered on the first observation in it (the true crossing may have been earlier, between observations).
 *
 * @category Health
 * @example
 * const trend = healthTrend([
 *   { at: '2024-03-01', score: 62 },
 *   { at: '2024-01-01', score: 80 },
 *   { at: '2024-02-01', score: 70 },
 * ], { asOf: '2024-03-11' })
 * trend.change
 * //=> -8
 * [trend.direction, trend.band, trend.bandSince, trend.daysInBand]
 * //=> ['down', 'yellow', '2024-02-01', 39]
 */
export function healthTrend(
  history: readonly HealthTrendPoint[],
  options: HealthTrendOptions = {},
): HealthTrend {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const tolerance = toDecimal(options.tolerance ?? 1, ['options', 'tolerance'], 'nonNegative');
  const bands = resolveHealthBands(options.bands, ['options', 'bands']);
  const points = readHistory(history);
  const last = points[points.length - 1]!;
  const asOfDay =
    options.asOf === undefined ? last.day : toDayNumber(toCalendarDate(options.asOf, ['options', 'asOf']));
  if (asOfDay < last.day) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'asOf'],
      expected: `a date on or after the last observation (${last.at})`,
      received: describeValue(options.asOf),
    });
  }
  const bandIndex = bandIndexOf(bands, last.value);
  let runStart = points.length - 1;
  while (runStart > 0 && bandIndexOf(bands, points[runStart - 1]!.value) === bandIndex) runStart -= 1;
  const bandSince = points[runStart]!;
  const previous = points.length > 1 ? points[points.length - 2]! : null;
  const change = previous === null ? null : last.score.minus(previous.score);
  return {
    points: points.length,
    latest: { at: last.at, score: last.value },
    previous: previous === null ? null : { at: previous.at, score: previous.value },
    change: change === null ? null : change.toNumber(),
    direction:
      change === null
        ? null
        : change.abs().lessThanOrEqualTo(tolerance)
          ? 'flat'
          : change.isPositive()
            ? 'up'
            : 'down',
    slopePerDay: points.length > 1 ? leastSquaresSlope(points) : null,
    band: bands[bandIndex]!.label,
    bandSince: bandSince.at,
    daysInBand: asOfDay - bandSince.day,
  };
}

interface Point {
  readonly at: IsoDate;
  readonly day: number;
  readonly score: Decimal;
  readonly value: number;
}

function readHistory(history: unknown): Point[] {
  assertArray(history, ['history']);
  if (history.length === 0) {
    throw new MetricInputError({
      code: 'empty_input',
      path: ['history'],
      expected: 'at least one observation',
      received: 'an empty array',
    });
  }
  const seen = new Map<number, number>();
  const points = Array.from(history, (entry, index): Point => {
    const path: InputPath = ['history', index];
    assertObject(entry, path);
    const at = toCalendarDate(entry.at, [...path, 'at']);
    const day = toDayNumber(at);
    const earlier = seen.get(day);
    if (earlier !== undefined) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: [...path, 'at'],
        expected: `a date not already used (history[${earlier}] is on ${at})`,
        received: describeValue(entry.at),
      });
    }
    seen.set(day, index);
    const score = toHealthScore(entry.score, [...path, 'score'], false);
    return { at, day, score, value: score.toNumber() };
  });
  return points.sort((a, b) => a.day - b.day);
}

// Exact in decimal: days are integers and scores decimals, so the sums carry no rounding and the slope is one
// rounded division. Shifting every score, or every day, leaves it unchanged exactly.
function leastSquaresSlope(points: readonly Point[]): number {
  const n = new Decimal(points.length);
  let sumX = new Decimal(0);
  let sumY = new Decimal(0);
  let sumXX = new Decimal(0);
  let sumXY = new Decimal(0);
  for (const point of points) {
    const x = new Decimal(point.day);
    sumX = sumX.plus(x);
    sumY = sumY.plus(point.score);
    sumXX = sumXX.plus(x.times(x));
    sumXY = sumXY.plus(x.times(point.score));
  }
  const numerator = n.times(sumXY).minus(sumX.times(sumY));
  const denominator = n.times(sumXX).minus(sumX.times(sumX));
  return numerator.dividedBy(denominator).toNumber();
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['asOf', 'tolerance', 'bands']);
