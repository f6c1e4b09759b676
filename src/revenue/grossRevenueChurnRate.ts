import type { Decimal } from '../core/decimal.js';
import { MetricInputError } from '../core/errors.js';
import { type Numeric, toDecimal } from '../core/numeric.js';
import { assertKnownKeys, assertObject } from '../core/options.js';
import { ratioOrNull } from '../core/ratio.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from './periodMovementFields.js';

/**
 * The MRR amounts of one period that gross revenue churn needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface GrossRevenueChurnRateInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
}

/**
 * Gross revenue (MRR) churn rate of one period: the share of starting MRR lost to cancellations and downgrades,
 * before any expansion is counted.
 *
 * Formula: (churnedMrr + contractionMrr) / startingMrr
 * Units: a ratio in [0, 1] (0.2 = 20 % of starting MRR lost).
 * Source: ChartMogul's standard (B2B) Gross MRR Churn Rate (docs/revenue-rates.md).
 * Edge cases: startingMrr = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), and so
 * is churnedMrr + contractionMrr > startingMrr (`out_of_range`): the existing customers cannot lose more than
 * they paid (`mrrMovements` rows always satisfy this).
 *
 * @category Revenue
 * @example
 * grossRevenueChurnRate({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }).toString()
 * //=> '0.2'
 */
export function grossRevenueChurnRate(input: GrossRevenueChurnRateInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const starting = toDecimal(input.startingMrr, ['startingMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction);
  return ratioOrNull(churned.plus(contraction), starting);
}

/**
 * Throws `out_of_range` when churned plus contraction MRR exceeds the starting MRR they were lost from: such a
 * row mixes in MRR of customers who were not there at the start, and every retention ratio over it would mislead.
 *
 * @private
 */
export function assertLossesWithinStartingMrr(
  starting: Decimal,
  churned: Decimal,
  contraction: Decimal,
): void {
  const losses = churned.plus(contraction);
  if (losses.greaterThan(starting)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['churnedMrr'],
      expected: `churnedMrr + contractionMrr <= startingMrr (${starting.toString()})`,
      received: losses.toString(),
      message: `churnedMrr + contractionMrr (${losses.toString()}) must not exceed startingMrr (${starting.toString()})`,
    });
  }
}

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  ...PERIOD_COUNT_FIELDS,
]);
