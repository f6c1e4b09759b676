import { MetricInputError } from '../core/errors.js';
import { type Decimal, ONE } from '../core/internal/decimal.js';
import { toCount, toUnitInterval } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * A starting MRR and constant per-period rates of expansion, contraction and churn of the existing base.
 *
 * @category Revenue
 */
export interface CompoundMrrInput {
  /** MRR of the existing base at the start, >= 0. */
  readonly startingMrr: Numeric;
  /** MRR gained from expansion each period, as a fraction of that period's starting MRR, >= 0 (0.03 = 3 %). */
  readonly expansionRate: Numeric;
  /** MRR lost to contraction each period, as a fraction of that period's starting MRR, in [0, 1]. */
  readonly contractionRate: Numeric;
  /** MRR lost to churn each period, as a fraction of that period's starting MRR, in [0, 1]. */
  readonly churnRate: Numeric;
  /** How many periods to compound over, a whole number >= 0. */
  readonly periodCount: Numeric;
}

/**
 * The MRR path of {@link compoundMrr}.
 *
 * @category Revenue
 */
export interface CompoundMrrResult {
  /** MRR at the start and after each period: `periodCount + 1` amounts, the first being `startingMrr`. */
  readonly mrr: readonly Decimal[];
  /** What one period multiplies MRR by: 1 + expansionRate − contractionRate − churnRate. */
  readonly periodFactor: Decimal;
  /** What the whole span multiplies MRR by: periodFactor ^ periodCount (1 when periodCount = 0). */
  readonly growthFactor: Decimal;
}

/**
 * How the existing base's MRR compounds when each period it expands, contracts and churns at constant rates and
 * no new customer joins: the reason negative churn matters, since a small net monthly expansion compounds into a
 * large yearly one (2 % a month is 26.8 % a year) and a small net churn compounds into a large loss.
 *
 * Formula: periodFactor = 1 + expansionRate − contractionRate − churnRate; mrr[i] = startingMrr × periodFactor ^ i
 * for i = 0 … periodCount; growthFactor = periodFactor ^ periodCount.
 * Units: `mrr` in the currency of startingMrr; rates are fractions per period (monthly rates give a monthly
 * path); the factors are ratios. Powers are built by repeated multiplication rounded to 40 significant digits,
 * so they are exact whenever the exact value fits in 40 digits.
 * Source: the compounding of negative churn the source articles stress; our convention for the model
 * (docs/revenue-rates.md).
 * Edge cases: periodCount = 0 gives `[startingMrr]` and growthFactor 1; a period factor of 0 (everything lost each
 * period) gives zeros after the start. A negative amount or rate (`negative_amount`), a contraction or churn
 * rate above 1 (`out_of_range`), a periodCount that is not a whole number >= 0 (`not_integer`), and rates
 * whose period factor is below 0 (`out_of_range`) are MetricInputErrors.
 *
 * @category Revenue
 * @example
 * const path = compoundMrr({ startingMrr: 100, expansionRate: 0.03, contractionRate: 0, churnRate: 0.01, periodCount: 12 })
 * path.growthFactor.toString()
 * //=> '1.268241794562545318301696'
 * path.mrr.length
 * //=> 13
 * path.mrr[12].toFixed(2)
 * //=> '126.82'
 */
export function compoundMrr(input: CompoundMrrInput): CompoundMrrResult {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const starting = toDecimal(input.startingMrr, ['startingMrr'], 'nonNegative');
  const expansion = toDecimal(input.expansionRate, ['expansionRate'], 'nonNegative');
  const contraction = toUnitInterval(input.contractionRate, ['contractionRate']);
  const churn = toUnitInterval(input.churnRate, ['churnRate']);
  const periodCount = toCount(input.periodCount, ['periodCount']);
  const periodFactor = ONE.plus(expansion).minus(contraction).minus(churn);
  if (periodFactor.isNegative()) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['churnRate'],
      expected: 'contractionRate + churnRate <= 1 + expansionRate',
      received: churn.toString(),
      message: `1 + expansionRate − contractionRate − churnRate (${periodFactor.toString()}) must be >= 0: no base can lose more than all its MRR in a period`,
    });
  }
  const mrr: Decimal[] = [starting];
  let growthFactor: Decimal = ONE;
  for (let period = 1; period <= periodCount; period += 1) {
    growthFactor = growthFactor.times(periodFactor);
    mrr.push(starting.times(growthFactor));
  }
  return { mrr, periodFactor, growthFactor };
}

const INPUT_KEYS: ReadonlySet<string> = new Set([
  'startingMrr',
  'expansionRate',
  'contractionRate',
  'churnRate',
  'periodCount',
]);
