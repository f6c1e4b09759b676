import { MetricInputError } from '../core/errors.js';
import { type Decimal, exactSum, ONE } from '../core/internal/decimal.js';
import { toUnitInterval } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link lifetimeValue}.
 *
 * @category Unit economics
 */
export interface LifetimeValueInput {
  /** Average revenue per account per period (see {@link averageRevenuePerAccount}), >= 0. */
  readonly arpa: Numeric;
  /**
   * Customer churn rate per period in [0, 1], or a series of per-period churn rates (oldest first) whose
   * trailing average is used (see `trailingPeriods`).
   */
  readonly churnRate: Numeric | readonly Numeric[];
  /** Gross margin in [0, 1]; default `1` (lifetime revenue rather than lifetime gross profit). */
  readonly grossMargin?: Numeric;
}

/**
 * Options of {@link lifetimeValue}.
 *
 * @category Unit economics
 */
export interface LifetimeValueOptions {
  /**
   * Caps the expected lifetime at this many periods (months for a monthly churn rate), > 0. Default: no cap, so a
   * churn rate of 0 gives null.
   */
  readonly maxLifetimeMonths?: Numeric;
  /**
   * When `churnRate` is a series: average its last N values, a whole number from 1 to the series length. Default:
   * the whole series. ChartMogul uses the six months before the reported one (pass those six, or `6`).
   */
  readonly trailingPeriods?: number;
}

/**
 * Customer lifetime value in the simple steady-state form: a customer pays ARPA every period and leaves with a
 * constant probability (the churn rate), so it stays 1 / churn periods on average.
 *
 * Formula: arpa × grossMargin × min(1 / churn, maxLifetimeMonths), where churn is the churn rate or the mean of
 * the last `trailingPeriods` values of a churn series.
 * Units: currency per customer (ARPA's currency), over the customer's whole expected lifetime; exact but for the
 * one final division by the churn (arpa × margin × periods / Σ churn), rounded to 40 significant digits.
 * Source: ChartMogul (LTV = ARPA / customer churn rate, with a six-month trailing average of churn; example ARPA
 * 100, churn 5 % gives 2000); the gross-margin form is Bessemer's and a16z's (docs/unit-economics.md).
 * Edge cases: churn 0 gives null without a cap, arpa × margin × cap with one; an empty churn series, a churn rate
 * or margin outside [0, 1], a negative ARPA, a cap <= 0 or a trailingPeriods outside 1..length is a
 * MetricInputError.
 *
 * @category Unit economics
 * @example
 * lifetimeValue({ arpa: 100, churnRate: 0.05 }).toString()
 * //=> '2000'
 * lifetimeValue({ arpa: 100, churnRate: [0.1, 0.04, 0.06], grossMargin: 0.8 }, { trailingPeriods: 2 }).toString()
 * //=> '1600'
 * lifetimeValue({ arpa: 100, churnRate: 0 }, { maxLifetimeMonths: 60 }).toString()
 * //=> '6000'
 */
export function lifetimeValue(input: LifetimeValueInput, options: LifetimeValueOptions = {}): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const arpa = toDecimal(input.arpa, ['arpa'], 'nonNegative');
  const margin = input.grossMargin === undefined ? ONE : toUnitInterval(input.grossMargin, ['grossMargin']);
  const churn = churnOf(input.churnRate, options.trailingPeriods);
  const cap =
    options.maxLifetimeMonths === undefined
      ? null
      : toDecimal(options.maxLifetimeMonths, ['options', 'maxLifetimeMonths'], 'positive');
  const perPeriod = arpa.times(margin);
  // churn = total / periods (a single rate is itself over 1 period): the mean is never divided out, so the one
  // rounding is the final division, and an exact quotient (100 × 3 / 0.4 = 750) comes back exact.
  const { total, periods } = churn;
  if (total.isZero()) return cap === null ? null : perPeriod.times(cap);
  // cap < 1 / churn, compared without a rounded division.
  if (cap?.times(total).lessThan(periods) === true) return perPeriod.times(cap);
  return perPeriod.times(periods).dividedBy(total);
}

function churnOf(churnRate: unknown, trailingPeriods: unknown): { total: Decimal; periods: number } {
  if (!Array.isArray(churnRate)) {
    if (trailingPeriods !== undefined) {
      throw new MetricInputError({
        code: 'invalid_option',
        path: ['options', 'trailingPeriods'],
        expected: 'to be given only with a churnRate series',
        received: describeValue(trailingPeriods),
      });
    }
    return { total: toUnitInterval(churnRate, ['churnRate']), periods: 1 };
  }
  if (churnRate.length === 0) {
    throw new MetricInputError({
      code: 'empty_input',
      path: ['churnRate'],
      expected: 'at least one churn rate',
      received: 'an array of 0',
    });
  }
  const rates = Array.from(churnRate, (rate, index) => toUnitInterval(rate, ['churnRate', index]));
  const window = trailingPeriods ?? rates.length;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 1 || window > rates.length) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'trailingPeriods'],
      expected: `a whole number from 1 to ${rates.length} (the churn series length)`,
      received: describeValue(window),
    });
  }
  return { total: exactSum(rates.slice(rates.length - window)), periods: window };
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['maxLifetimeMonths', 'trailingPeriods']);

const INPUT_KEYS: ReadonlySet<string> = new Set(['arpa', 'churnRate', 'grossMargin']);
