import { type Decimal, exactSum, ZERO } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import {
  PERIOD_COUNT_FIELDS,
  PERIOD_FX_FIELD,
  PERIOD_MONEY_FIELDS,
} from './internal/periodMovementFields.js';

/**
 * The MRR movements of one period that the quick ratio needs, as positive magnitudes. A period row from
 * `mrrMovements` has them and can be passed as it is; its other fields are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface QuickRatioInput {
  /** MRR of customers paying for the first time, >= 0. */
  readonly newMrr: Numeric;
  /** MRR gained from customers who were paying and now pay more, >= 0. */
  readonly expansionMrr: Numeric;
  /** MRR of former customers who came back, >= 0; absent counts as 0. */
  readonly reactivationMrr?: Numeric;
  /** MRR lost from customers who stayed but pay less, >= 0. */
  readonly contractionMrr: Numeric;
  /** MRR lost from customers who left, >= 0. */
  readonly churnedMrr: Numeric;
}

/**
 * SaaS quick ratio of one period: MRR gained for every unit of MRR lost. Above 1 the business grew its MRR in the
 * period, below 1 it shrank; the source calls 4 and above efficient growth.
 *
 * Formula: (newMrr + expansionMrr + reactivationMrr) / (contractionMrr + churnedMrr)
 * Units: a ratio >= 0 (4 = four units gained per unit lost).
 * Source: Mamoon Hamid (Social Capital); tools that do not track reactivation fold it into new MRR, which gives
 * the same value (docs/revenue-rates.md).
 * Edge cases: no losses (contractionMrr + churnedMrr = 0) gives null, whatever was gained; a negative amount is
 * a MetricInputError (`negative_amount`).
 *
 * @category Revenue
 * @example
 * quickRatio({ newMrr: 50, expansionMrr: 25, reactivationMrr: 5, contractionMrr: 5, churnedMrr: 15 }).toString()
 * //=> '4'
 * quickRatio({ newMrr: 50, expansionMrr: 25, contractionMrr: 0, churnedMrr: 0 })
 * //=> null
 */
export function quickRatio(input: QuickRatioInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const newMrr = toDecimal(input.newMrr, ['newMrr'], 'nonNegative');
  const expansion = toDecimal(input.expansionMrr, ['expansionMrr'], 'nonNegative');
  const reactivated =
    input.reactivationMrr === undefined
      ? ZERO
      : toDecimal(input.reactivationMrr, ['reactivationMrr'], 'nonNegative');
  const contraction = toDecimal(input.contractionMrr, ['contractionMrr'], 'nonNegative');
  const churned = toDecimal(input.churnedMrr, ['churnedMrr'], 'nonNegative');
  return ratioOrNull(exactSum([newMrr, expansion, reactivated]), exactSum([contraction, churned]));
}

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  PERIOD_FX_FIELD,
  ...PERIOD_COUNT_FIELDS,
]);
