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
 * The MRR amounts of one period that net revenue churn needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface NetRevenueChurnRateInput {
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
  /** MRR gained from customers who were paying and now pay more, >= 0. */
  readonly expansionMrr: Numeric;
  /** MRR of former customers who came back in the period, >= 0; absent counts as 0. */
  readonly reactivationMrr?: Numeric;
}

/**
 * Conventions of {@link netRevenueChurnRate} and {@link isNegativeChurn}.
 *
 * @category Revenue
 */
export interface NetRevenueChurnRateOptions {
  /** Whether reactivation MRR offsets churn (`'include'`, ChartMogul's standard formula); default `'exclude'`. */
  readonly reactivation?: ReactivationTreatment;
}

const REACTIVATION: readonly ReactivationTreatment[] = ['exclude', 'include'];

/**
 * Net revenue (MRR) churn rate of one period: MRR lost to churn and contraction, less MRR gained from expansion
 * (and, under `reactivation: 'include'`, reactivation), as a share of starting MRR. A negative rate is negative
 * churn: the existing base grows by itself.
 *
 * Formula: (churnedMrr + contractionMrr − expansionMrr) / base with the default `reactivation: 'exclude'`,
 * so that it is exactly 1 − netRevenueRetention; `'include'` also subtracts reactivationMrr.
 * base = startingMrr + fxImpactMrr: the starting MRR revalued at this period's exchange rates (fxImpactMrr is 0
 * when absent, without currencies and under `rateDate: 'periodStart'`).
 * Units: a ratio, at most 1, negative for negative churn (−0.02 = the base grew 2 %).
 * Source: Baremetrics' Net Revenue Churn, (churned − expansion) / starting MRR, whose NRR is 100 % minus it
 * (default); ChartMogul's standard (B2B) Net MRR Churn Rate also subtracts reactivation (`'include'`)
 * (docs/revenue-rates.md).
 * Edge cases: base = 0 gives null; a negative amount is a MetricInputError (`negative_amount`), so are a
 * negative base and churnedMrr + contractionMrr > base (`out_of_range`) and an unknown option (`invalid_option`).
 *
 * @category Revenue
 * @example
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 }).toString()
 * //=> '0.1'
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 4, reactivationMrr: 3 }).toString()
 * //=> '0.01'
 * netRevenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 4, reactivationMrr: 3 }, { reactivation: 'include' }).toString()
 * //=> '-0.02'
 */
export function netRevenueChurnRate(
  input: NetRevenueChurnRateInput,
  options: NetRevenueChurnRateOptions = {},
): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const reactivation = oneOf(options.reactivation ?? 'exclude', REACTIVATION, ['options', 'reactivation']);
  const starting = revaluedStartingMrr(input);
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const expansion = toDecimal(input.expansionMrr, ['expansionMrr'], 'nonNegative');
  const reactivated =
    input.reactivationMrr === undefined
      ? ZERO
      : toDecimal(input.reactivationMrr, ['reactivationMrr'], 'nonNegative');
  assertLossesWithinStartingMrr(starting, churned, contraction, input.fxImpactMrr !== undefined);
  const gains = reactivation === 'include' ? [expansion, reactivated] : [expansion];
  return ratioOrNull(exactSum([churned, contraction], gains), starting);
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
