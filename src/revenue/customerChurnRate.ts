import { MetricInputError } from '../core/errors.js';
import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import {
  PERIOD_COUNT_FIELDS,
  PERIOD_FX_FIELD,
  PERIOD_MONEY_FIELDS,
} from './internal/periodMovementFields.js';

/**
 * The customer counts of one period that a customer churn rate needs. A period row from `mrrMovements` has
 * them and can be passed as it is; its other fields are not used; a key that is not a period row field is an `unknown_field`.
 *
 * @category Revenue
 */
export interface CustomerChurnRateInput {
  /** Paying customers at the start of the period, a whole number >= 0. */
  readonly startingCustomers: Numeric;
  /**
   * Customers lost in the period, a whole number >= 0. Under the default `'start'` denominator only customers
   * who were counted in `startingCustomers` may be counted here (see {@link customerChurnRate}).
   */
  readonly churnedCustomers: Numeric;
  /** Customers won in the period, a whole number >= 0; required only by the `'startPlusNew'` denominator. */
  readonly newCustomers?: Numeric;
}

/**
 * Which customers a churn rate divides by: `'start'` (the default) divides by the customers at the start of the
 * period (ChartMogul's standard formula, a16z); `'startPlusNew'` divides by the customers at the start plus the
 * customers won during the period (Stripe-style), which gives a lower rate when the base is growing.
 *
 * @category Revenue
 */
export type CustomerChurnDenominator = 'start' | 'startPlusNew';

/**
 * Conventions of {@link customerChurnRate} and {@link customerRetentionRate}.
 *
 * @category Revenue
 */
export interface CustomerChurnRateOptions {
  /** What the churned customers are divided by; default `'start'`. */
  readonly denominator?: CustomerChurnDenominator;
}

const DENOMINATORS: readonly CustomerChurnDenominator[] = ['start', 'startPlusNew'];

/**
 * Customer (logo) churn rate of one period: the share of customers lost, counted by customers, not revenue.
 *
 * Formula: churnedCustomers / startingCustomers (default `denominator: 'start'`), or
 * churnedCustomers / (startingCustomers + newCustomers) (`denominator: 'startPlusNew'`).
 * Units: a ratio in [0, 1] (0.05 = 5 % of customers lost in the period).
 * Source: `'start'` is ChartMogul's standard (B2B) Customer Churn Rate; `'startPlusNew'` is the Stripe-style
 * variant (docs/revenue-rates.md says which claims we could verify).
 * Edge cases: a zero denominator gives null. Under `'start'` the churned customers must be among the starting
 * ones, so churnedCustomers > startingCustomers is a MetricInputError (`out_of_range`): a customer who joined
 * and left within the period is not churn under this denominator (ChartMogul excludes them too; `mrrMovements`
 * rows never count them, since its snapshots never see them) — use `'startPlusNew'` to count such customers.
 * Under `'startPlusNew'`, churnedCustomers > startingCustomers + newCustomers is `out_of_range` and a missing
 * newCustomers is `missing_field`. Counts that are negative (`negative_amount`) or not whole (`not_integer`),
 * and an unknown denominator (`invalid_option`), are errors too.
 *
 * @category Revenue
 * @example
 * customerChurnRate({ startingCustomers: 200, churnedCustomers: 10 }).toString()
 * //=> '0.05'
 * customerChurnRate({ startingCustomers: 200, churnedCustomers: 10, newCustomers: 50 }, { denominator: 'startPlusNew' }).toString()
 * //=> '0.04'
 * customerChurnRate({ startingCustomers: 0, churnedCustomers: 0 })
 * //=> null
 */
export function customerChurnRate(
  input: CustomerChurnRateInput,
  options: CustomerChurnRateOptions = {},
): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const denominator = oneOf(options.denominator ?? 'start', DENOMINATORS, ['options', 'denominator']);
  const starting = toCount(input.startingCustomers, ['startingCustomers']);
  const churned = toCount(input.churnedCustomers, ['churnedCustomers']);
  const newCount =
    input.newCustomers === undefined ? undefined : toCount(input.newCustomers, ['newCustomers']);
  let base = starting;
  if (denominator === 'startPlusNew') {
    if (newCount === undefined) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['newCustomers'],
        expected: "a whole number >= 0 (the 'startPlusNew' denominator needs it)",
        received: 'undefined',
      });
    }
    base += newCount;
  }
  if (churned > base) {
    const what = denominator === 'start' ? 'startingCustomers' : 'startingCustomers + newCustomers';
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['churnedCustomers'],
      expected: `at most ${what} (${base})`,
      received: String(churned),
    });
  }
  return ratioOrNull(toDecimal(churned), toDecimal(base));
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['denominator']);

// A period row of mrrMovements (or of periodMovementsFromSqlRows) can be passed as it is; any other key is a typo.
const INPUT_KEYS: ReadonlySet<string> = new Set([
  'start',
  'end',
  ...PERIOD_MONEY_FIELDS,
  PERIOD_FX_FIELD,
  ...PERIOD_COUNT_FIELDS,
]);
