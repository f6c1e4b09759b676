import type { Decimal } from '../../core/internal/decimal.js';
import { rejectInput } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';

/**
 * The one check of a health score given as input (a trend's history, a portfolio's accounts, a roll-up's
 * children): a `Numeric` from 0 to 100 inclusive, else `out_of_range` ("a score between 0 and 100", with
 * ", or null" where the caller also takes null). Returns the exact score.
 *
 * @private
 */
export function toHealthScore(value: unknown, path: InputPath, nullable: boolean): Decimal {
  const score = toDecimal(value, path);
  if (score.isNegative() || score.greaterThan(100)) {
    rejectInput('out_of_range', path, `a score between 0 and 100${nullable ? ', or null' : ''}`, value);
  }
  return score;
}
