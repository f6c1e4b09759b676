import { type Decimal, exactSum } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

import {
  assertLossesWithinStartingMrr,
  revaluedStartingMrr,
} from './internal/assertLossesWithinStartingMrr.js';
import {
  PERIOD_COUNT_FIELDS,
  PERIOD_FX_FIELD,
  PERIOD_MONEY_FIELDS,
} from './internal/periodMovementFields.js';
/**
 * The MRR amounts of one period that gross revenue churn needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface GrossRevenueChurnRateInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /**
   * The revaluation of the starting MRR at this period's exchange rates (signed; `mrrMovements` under
   * `rateDate: 'snapshot'`); absent counts as 0. The rate's base is startingMrr + fxImpactMrr, >= 0.
   */
  readonly fxImpactMrr?: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
}

/**
 * Gross revenue (MRR) churn rate of one period: the share of starting MRR lost to cancellations and downgrades,
 * before any expansion is counted.
 *
 * Formula: (churnedMrr + contractionMrr) / base, base = startingMrr + fxImpactMrr (the starting MRR revalued at
 * this period's exchange rates; fxImpactMrr is 0 when absent, without currencies and under `rateDate: 'periodStart'`).
 * Units: a ratio in [0, 1] (0.2 = 20 % of starting MRR lost).
 * Source: ChartMogul's standard (B2B) Gross MRR Churn Rate (docs/revenue-rates.md).
 * Edge cases: base = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), and so
 * are a negative base and churnedMrr + contractionMrr > base (`out_of_range`): the existing customers cannot lose more than
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
  const starting = revaluedStartingMrr(input);
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction, input.fxImpactMrr !== undefined);
  return ratioOrNull(exactSum([churned, contraction]), starting);
}

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  PERIOD_FX_FIELD,
  ...PERIOD_COUNT_FIELDS,
]);
