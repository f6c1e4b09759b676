import { MetricInputError } from '../core/errors.js';
import { type Decimal, exactProduct, exactSum, ONE, ZERO } from '../core/internal/decimal.js';
import { toUnitInterval } from '../core/internal/numericInput.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link cohortCacPayback}: the cohort's acquisition cost and its per-period gross profit, given
 * directly or as MRR times a gross margin. Series are in period order, the first entry being the cohort's first
 * period (a row of any cohort table).
 *
 * @category Unit economics
 */
export type CohortCacPaybackInput =
  | {
      /** What it cost to acquire the whole cohort (its total CAC), >= 0. */
      readonly cac: Numeric;
      /** Gross profit the cohort earned in each period (may be negative in a loss-making period). */
      readonly grossProfitByPeriod: readonly Numeric[];
    }
  | {
      /** What it cost to acquire the whole cohort (its total CAC), >= 0. */
      readonly cac: Numeric;
      /** The cohort's MRR (or revenue) in each period, >= 0. */
      readonly mrrByPeriod: readonly Numeric[];
      /** Gross margin in [0, 1] applied to every period; default `1`. */
      readonly grossMargin?: Numeric;
    };

/**
 * Cohort CAC payback: the number of periods after which a cohort's cumulative gross profit first reaches what it
 * cost to acquire, read from the cohort's actual (churn- and expansion-inclusive) history.
 *
 * Formula: the smallest k >= 1 with Σ_{i=1..k} grossProfit_i >= cac (grossProfit_i = mrr_i ×
 * grossMargin); k is a 1-based count of periods, so 3 means "paid back during the third period".
 * Units: periods (months for a monthly cohort table), a whole number.
 * Source: the cohort form of CAC payback used by SaaSGrid and in cohort-based board reporting; Bessemer's
 * formula is the flat-MRR approximation (docs/unit-economics.md).
 * Edge cases: cac 0 gives 0 (nothing to pay back); never reached within the data gives null; an empty
 * series gives null when the cost is positive; a negative cost or MRR, or a margin outside [0, 1], is a
 * MetricInputError.
 *
 * @category Unit economics
 * @example
 * cohortCacPayback({ cac: 1000, mrrByPeriod: [400, 380, 360, 350], grossMargin: 0.8 })
 * //=> 4
 * cohortCacPayback({ cac: 1000, grossProfitByPeriod: [300, 300] })
 * //=> null
 */
export function cohortCacPayback(input: CohortCacPaybackInput): number | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const cost = toDecimal(input.cac, ['cac'], 'nonNegative');
  const profits = grossProfits(input);
  if (cost.isZero()) return 0;
  // Exact running sums of exact products: a 40-digit plus could fall short of the cost by a rounding.
  let cumulative = ZERO;
  for (let index = 0; index < profits.length; index += 1) {
    cumulative = exactSum([cumulative, profits[index]!]);
    if (cumulative.greaterThanOrEqualTo(cost)) return index + 1;
  }
  return null;
}

function grossProfits(input: Record<string, unknown>): Decimal[] {
  const hasProfit = 'grossProfitByPeriod' in input && input.grossProfitByPeriod !== undefined;
  const hasMrr = 'mrrByPeriod' in input && input.mrrByPeriod !== undefined;
  if (hasProfit === hasMrr) {
    throw new MetricInputError({
      code: hasProfit ? 'invalid_config' : 'missing_field',
      path: hasProfit ? ['mrrByPeriod'] : ['grossProfitByPeriod'],
      expected: 'exactly one of grossProfitByPeriod and mrrByPeriod',
      received: hasProfit ? 'both' : describeValue(undefined),
    });
  }
  if (hasProfit) {
    if (input.grossMargin !== undefined) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: ['grossMargin'],
        expected: 'to be given only with mrrByPeriod',
        received: describeValue(input.grossMargin),
      });
    }
    assertArray(input.grossProfitByPeriod, ['grossProfitByPeriod']);
    return Array.from(input.grossProfitByPeriod, (value, index) =>
      toDecimal(value, ['grossProfitByPeriod', index]),
    );
  }
  assertArray(input.mrrByPeriod, ['mrrByPeriod']);
  const margin = input.grossMargin === undefined ? ONE : toUnitInterval(input.grossMargin, ['grossMargin']);
  return Array.from(input.mrrByPeriod, (value, index) =>
    exactProduct(toDecimal(value, ['mrrByPeriod', index], 'nonNegative'), margin),
  );
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['cac', 'grossProfitByPeriod', 'mrrByPeriod', 'grossMargin']);
