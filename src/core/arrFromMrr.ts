import type { Decimal } from './internal/decimal.js';
import { toDecimal } from './numeric.js';
import type { Numeric } from './types.js';

/**
 * Annual recurring revenue of a monthly recurring revenue: ARR = 12 × MRR, exact.
 *
 * Formula: 12 × mrr. Units: currency per year. Source: ChartMogul and Baremetrics define ARR as MRR × 12 (an
 * annualised run rate, not the revenue of a calendar year).
 * Edge cases: 0 gives 0; a negative or non-finite MRR is a {@link MetricInputError}. Use it on any MRR field:
 * `arrFromMrr(row.endingMrr)`, `arrFromMrr(row.newMrr)`.
 *
 * @category Core
 * @example
 * arrFromMrr('1499.95').toString()
 * //=> '17999.4'
 * arrFromMrr(normalizeToMrr({ amount: 1990, interval: 'year' })).toString()
 * //=> '1990'
 */
export function arrFromMrr(mrr: Numeric): Decimal {
  return toDecimal(mrr, ['mrr'], 'nonNegative').times(12);
}
