import { type Decimal, exactSum, ZERO } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
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
import type { ReactivationTreatment } from './types.js';

/**
 * The MRR amounts of one period that net revenue retention needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields (new MRR among them) are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface NetRevenueRetentionInput {
  /** MRR at the start of the period, >= 0. */
  readonly startingMrr: Numeric;
  /**
   * The revaluation of the starting MRR at this period's exchange rates (signed; `mrrMovements` under
   * `rateDate: 'snapshot'`); absent counts as 0. The rate's base is startingMrr + fxImpactMrr, >= 0.
   */
  readonly fxImpactMrr?: Numeric;
  /** MRR gained from customers who were paying and now pay more, >= 0. */
  readonly expansionMrr: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
  /** MRR lost from customers who left in the period, >= 0. */
  readonly churnedMrr: Numeric;
  /** MRR of former customers who came back, >= 0; read only under `reactivation: 'include'` (absent counts as 0). */
  readonly reactivationMrr?: Numeric;
}

/**
 * Conventions of {@link netRevenueRetention}.
 *
 * @category Revenue
 */
export interface NetRevenueRetentionOptions {
  /** Whether reactivation MRR is retained revenue; default `'exclude'`. */
  readonly reactivation?: ReactivationTreatment;
}

const REACTIVATION: readonly ReactivationTreatment[] = ['exclude', 'include'];

/**
 * Net revenue retention (NRR, net MRR retention) of one period: how much of the period's starting MRR is still
 * there at its end, counting expansion and subtracting contraction and churn. New MRR is never counted, and
 * reactivation MRR only under `reactivation: 'include'`.
 *
 * Formula: (base + expansionMrr − contractionMrr − churnedMrr) / base (default `'exclude'`);
 * `'include'` adds reactivationMrr to the numerator. base = startingMrr + fxImpactMrr: the starting MRR revalued
 * at this period's exchange rates (fxImpactMrr is 0 when absent, without currencies and under
 * `rateDate: 'periodStart'`), so a rate change is never retention.
 * Units: a ratio >= 0 that may exceed 1 (1.05 = 105 %: negative churn).
 * Source: ChartMogul's Net MRR Retention, which excludes new business and reactivation, and Baremetrics' NRR,
 * 100 % − net revenue churn (docs/revenue-rates.md); NRR = 1 − netRevenueChurnRate under both defaults;
 * for the 12-month cohort figure public companies report use `trailingNetRevenueRetention`.
 * Edge cases: base = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), so are a
 * negative base and churnedMrr + contractionMrr > base (`out_of_range`) and an unknown option (`invalid_option`).
 *
 * @category Revenue
 * @example
 * netRevenueRetention({ startingMrr: 100, expansionMrr: 10, contractionMrr: 5, churnedMrr: 5 }).toString()
 * //=> '1'
 * netRevenueRetention({ startingMrr: 200, expansionMrr: 30, contractionMrr: 10, churnedMrr: 10, reactivationMrr: 6 }, { reactivation: 'include' }).toString()
 * //=> '1.08'
 */
export function netRevenueRetention(
  input: NetRevenueRetentionInput,
  options: NetRevenueRetentionOptions = {},
): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const reactivation = oneOf(options.reactivation ?? 'exclude', REACTIVATION, ['options', 'reactivation']);
  const starting = revaluedStartingMrr(input);
  const expansion = toDecimal(input.expansionMrr, ['expansionMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  const reactivated =
    reactivation === 'include' && input.reactivationMrr !== undefined
      ? toDecimal(input.reactivationMrr, ['reactivationMrr'], 'nonNegative')
      : ZERO;
  assertLossesWithinStartingMrr(starting, churned, contraction, input.fxImpactMrr !== undefined);
  const retained = exactSum([starting, expansion, reactivated], [contraction, churned]);
  return ratioOrNull(retained, starting);
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['reactivation']);

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  PERIOD_FX_FIELD,
  ...PERIOD_COUNT_FIELDS,
]);
