import { MetricInputError } from '../core/errors.js';
import { Decimal, ZERO } from '../core/internal/decimal.js';
import { assertArray, assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import { toHealthScore } from './internal/toHealthScore.js';

/**
 * One child account of a parent (a subsidiary, a workspace, a region).
 *
 * @category Health
 */
export interface RollupChild {
  /** The child's health score, 0–100; null when it has none (it is then left out). */
  readonly score: number | null;
  /** The child's MRR, >= 0; required for every child when weighting by MRR. */
  readonly mrr?: Numeric;
}

/**
 * How children are weighted in {@link rollupHealth}: `'equal'` (default, every scored child counts once) or
 * `'mrr'` (by the child's MRR, so the revenue that is at stake dominates).
 *
 * @category Health
 */
export type RollupWeighting = 'equal' | 'mrr';

/**
 * Options of {@link rollupHealth}.
 *
 * @category Health
 */
export interface RollupHealthOptions {
  /** Default `'equal'`. */
  readonly weightBy?: RollupWeighting;
}

/**
 * The health score of a parent account from its children's scores: their mean, equally weighted or weighted by
 * MRR, over the children that have a score.
 *
 * Formula: Σ wᵢ·sᵢ / Σ wᵢ over children with a score, wᵢ = 1 (`'equal'`) or mrrᵢ (`'mrr'`), computed exactly in
 * decimal and rounded half-up to 6 decimals.
 * Units: points 0–100 (a double with at most 6 decimals, like every health score).
 * Source: our convention (docs/health.md); Gainsight's relationship-to-company roll-ups offer the same two
 * weightings.
 * Edge cases: null when no child has a score, or when weighting by MRR and the scored children's MRR is 0;
 * a score outside 0–100, a negative MRR or a missing MRR under `'mrr'` is a MetricInputError.
 *
 * @category Health
 * @example
 * const children = [{ score: 90, mrr: 100 }, { score: 40, mrr: 900 }, { score: null, mrr: 50 }]
 * rollupHealth(children)
 * //=> 65
 * rollupHealth(children, { weightBy: 'mrr' })
 * //=> 45
 */
export function rollupHealth(
  children: readonly RollupChild[],
  options: RollupHealthOptions = {},
): number | null {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const weightBy = oneOf(options.weightBy ?? 'equal', ['equal', 'mrr'], ['options', 'weightBy']);
  assertArray(children, ['children']);
  const rows = Array.from(children, (child, index) => {
    assertObject(child, ['children', index]);
    const score = child.score === null ? null : toScore(child.score, index);
    if (weightBy === 'equal') {
      if (child.mrr !== undefined) toDecimal(child.mrr, ['children', index, 'mrr'], 'nonNegative');
      return { score, weight: ONE_WEIGHT };
    }
    if (child.mrr === undefined) {
      throw new MetricInputError({
        code: 'missing_field',
        path: ['children', index, 'mrr'],
        expected: "the child's MRR (weightBy is 'mrr')",
        received: 'undefined',
      });
    }
    return { score, weight: toDecimal(child.mrr, ['children', index, 'mrr'], 'nonNegative') };
  });
  let weighted = ZERO;
  let total = ZERO;
  for (const { score, weight } of rows) {
    if (score === null) continue;
    weighted = weighted.plus(weight.times(score));
    total = total.plus(weight);
  }
  if (total.isZero()) return null;
  return weighted.dividedBy(total).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toNumber();
}

const ONE_WEIGHT = new Decimal(1);

function toScore(value: unknown, index: number): Decimal {
  return toHealthScore(value, ['children', index, 'score'], true);
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['weightBy']);
