import { MetricInputError } from '../core/errors.js';
import { parseWithSchema } from '../core/internal/fromZodIssues.js';
import { assertContiguous } from './internal/bandIndexOf.js';
import { ruleSchema } from './internal/scorecardSchema.js';
import { scoreRule } from './internal/scoreRule.js';
import type { ScoringRule } from './types.js';
/**
 * Scores one raw value with one scoring rule, giving points from 0 to 100 rounded to 6 decimal places.
 *
 * Formula: bands → the score of the band holding the value; linear → worst + (best − worst) × t with
 * t = clamp((value − min) / (max − min), 0, 1), or 1 − that for `'lowerIsBetter'`; categorical → scores[value];
 * percentOfTarget → min(100, 100 × value / target), or min(100, 100 × target / value) for `'lowerIsBetter'`.
 * Units: points 0–100, a double rounded half-up to 6 decimals (micro-points).
 * Source: Gainsight's rules-based measure scoring (ranges to scores); linear and percent-of-target are common
 * vendor options; the clamping and the exact boundaries are our convention (docs/health.md).
 * Edge cases: a value outside every band, an unknown category, a negative value for percentOfTarget, NaN or a
 * non-number are MetricInputErrors; numbers may be given as decimal strings or Decimals.
 *
 * @category Health
 * @example
 * scoreMeasure({ type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' }, 5)
 * //=> 25
 * scoreMeasure({ type: 'percentOfTarget', target: 4, direction: 'lowerIsBetter' }, 5)
 * //=> 80
 * scoreMeasure({ type: 'bands', bands: [{ max: 2, score: 100 }, { min: 2, max: 5, bounds: '[]', score: 50 }, { min: 5, bounds: '()', score: 0 }] }, 5)
 * //=> 50
 */
export function scoreMeasure(rule: ScoringRule, value: unknown): number {
  const parsed = parseWithSchema(ruleSchema, rule, ['rule']);
  if (parsed.type === 'bands') assertContiguous(parsed.bands, ['rule', 'bands']);
  if (parsed.type === 'linear' && !(parsed.min < parsed.max)) {
    throw new MetricInputError({
      code: 'invalid_config',
      path: ['rule', 'max'],
      expected: `greater than min (${parsed.min})`,
      received: String(parsed.max),
    });
  }
  return scoreRule(parsed, value, ['value']);
}
