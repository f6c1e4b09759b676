import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';

/**
 * The inputs of {@link averageRevenuePerAccount}.
 *
 * @category Unit economics
 */
export interface AverageRevenuePerAccountInput {
  /** Total monthly recurring revenue of the period, >= 0. */
  readonly mrr: Numeric;
  /** Paying customers (accounts) in the period, a whole number >= 0. */
  readonly customers: Numeric;
}

/**
 * Average revenue per account (ARPA): the MRR one paying customer brings on average.
 *
 * Formula: mrr / customers
 * Units: currency per customer per month (per period of the MRR).
 * Source: ChartMogul's ARPA (total MRR of the interval over its subscribers); Baremetrics and Stripe call the
 * same ratio ARPU (docs/unit-economics.md).
 * Edge cases: customers = 0 gives null; a negative MRR, or a customer count that is negative or not whole, is a
 * MetricInputError.
 *
 * @category Unit economics
 * @example
 * averageRevenuePerAccount({ mrr: 25000, customers: 250 }).toString()
 * //=> '100'
 * averageRevenuePerAccount({ mrr: 0, customers: 0 })
 * //=> null
 */
export function averageRevenuePerAccount(input: AverageRevenuePerAccountInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const mrr = toDecimal(input.mrr, ['mrr'], 'nonNegative');
  const customers = toCount(input.customers, ['customers']);
  return ratioOrNull(mrr, toDecimal(customers));
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['mrr', 'customers']);
