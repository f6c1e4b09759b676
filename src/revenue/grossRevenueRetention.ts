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
 * The MRR amounts of one period that gross revenue retention needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields (new, expansion and reactivation MRR
 * among them) are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface GrossRevenueRetentionInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /**
   * The revaluation of the starting MRR at this period's exchange rates (signed; `mrrMovements` under
   * `rateDate: 'snapshot'`); absent counts as 0. The rate's base is startingMrr + fxImpactMrr, >= 0.
   */
  readonly fxImpactMrr?: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
}

/**
 * Gross revenue retention (GRR, gross MRR retention) of one period: the share of starting MRR kept, counting
 * losses (contraction and churn) but no gains, so it never exceeds 1.
 *
 * Formula: (base − contractionMrr − churnedMrr) / base, base = startingMrr + fxImpactMrr (the starting MRR
 * revalued at this period's exchange rates; fxImpactMrr is 0 when absent, without currencies and under
 * `rateDate: 'periodStart'`).
 * Units: a ratio in [0, 1] (0.9 = 90 % of starting MRR kept).
 * Source: ChartMogul's Gross MRR Retention (losses only, at most 100 %); docs/revenue-rates.md.
 * Edge cases: base = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), and so
 * are a negative base and churnedMrr + contractionMrr > base (`out_of_range`).
 *
 * @category Revenue
 * @example
 * grossRevenueRetention({ startingMrr: 100, contractionMrr: 5, churnedMrr: 5 }).toString()
 * //=> '0.9'
 */
export function grossRevenueRetention(input: GrossRevenueRetentionInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const starting = revaluedStartingMrr(input);
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction, input.fxImpactMrr !== undefined);
  return ratioOrNull(exactSum([starting], [contraction, churned]), starting);
}

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  PERIOD_FX_FIELD,
  ...PERIOD_COUNT_FIELDS,
]);
